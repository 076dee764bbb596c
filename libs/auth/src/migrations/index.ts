import { DialectMigrations } from '@ls/core';
import { AuthInitPostgres1795912228750 } from './postgres/1795912228750-AuthInit';
import { SecureTokensAndInvitesPostgres1796162986368 } from './postgres/1796162986368-SecureTokensAndInvites';
import { OrganizationPermissionsPostgres1796248701911 } from './postgres/1796248701911-OrganizationPermissions';
import { MemberTagsAndSsoPostgres1796249496773 } from './postgres/1796249496773-MemberTagsAndSso';
import { BrowserSessionsPostgres1796269193672 } from './postgres/1796269193672-BrowserSessions';
import { AuthInitSqlite1795912228750 } from './sqlite/1795912228750-AuthInit';
import { SecureTokensAndInvitesSqlite1796162986368 } from './sqlite/1796162986368-SecureTokensAndInvites';
import { OrganizationPermissionsSqlite1796248701911 } from './sqlite/1796248701911-OrganizationPermissions';
import { MemberTagsAndSsoSqlite1796249496773 } from './sqlite/1796249496773-MemberTagsAndSso';
import { BrowserSessionsSqlite1796269193672 } from './sqlite/1796269193672-BrowserSessions';

/** In timestamp order; `npm run db:migration:generate -- auth <Name>` writes new ones. */
export const AUTH_MIGRATIONS: DialectMigrations = {
  postgres: [
    AuthInitPostgres1795912228750,
    SecureTokensAndInvitesPostgres1796162986368,
    OrganizationPermissionsPostgres1796248701911,
    MemberTagsAndSsoPostgres1796249496773,
    BrowserSessionsPostgres1796269193672,
  ],
  sqlite: [
    AuthInitSqlite1795912228750,
    SecureTokensAndInvitesSqlite1796162986368,
    OrganizationPermissionsSqlite1796248701911,
    MemberTagsAndSsoSqlite1796249496773,
    BrowserSessionsSqlite1796269193672,
  ],
};
