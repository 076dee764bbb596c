import { DialectMigrations } from '@ls/core';
import { MlBackendsPostgres1796221435143 } from './postgres/1796221435143-MlBackends';
import { MlBackendsSqlite1796221435143 } from './sqlite/1796221435143-MlBackends';
import { ModelProviderConnectionsPostgres1796283390988 } from './postgres/1796283390988-ModelProviderConnections';
import { ModelProviderConnectionsSqlite1796283390988 } from './sqlite/1796283390988-ModelProviderConnections';
import { PromptsPostgres1796284131759 } from './postgres/1796284131759-Prompts';
import { PromptsSqlite1796284131759 } from './sqlite/1796284131759-Prompts';
import { InferenceRunsPostgres1796285407169 } from './postgres/1796285407169-InferenceRuns';
import { InferenceRunsSqlite1796285407169 } from './sqlite/1796285407169-InferenceRuns';
import { PromptRefinementsPostgres1796285448291 } from './postgres/1796285448291-PromptRefinements';
import { PromptRefinementsSqlite1796285448291 } from './sqlite/1796285448291-PromptRefinements';

/** In timestamp order; `npm run db:migration:generate -- prompts <Name>` writes new ones. */
export const PROMPTS_MIGRATIONS: DialectMigrations = {
  postgres: [
    MlBackendsPostgres1796221435143,
    ModelProviderConnectionsPostgres1796283390988,
    PromptsPostgres1796284131759,
    InferenceRunsPostgres1796285407169,
    PromptRefinementsPostgres1796285448291,
  ],
  sqlite: [
    MlBackendsSqlite1796221435143,
    ModelProviderConnectionsSqlite1796283390988,
    PromptsSqlite1796284131759,
    InferenceRunsSqlite1796285407169,
    PromptRefinementsSqlite1796285448291,
  ],
};
