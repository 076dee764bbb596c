import { benchActivityLog } from './activity-log.bench';
import { benchAnnotationCreate } from './annotations-create.bench';
import { benchBareInsertReference } from './bare-insert-reference.bench';
import { benchExport } from './export.bench';
import { benchBulkInsertReference, benchImport } from './import.bench';
import { benchLabelConfigParse } from './label-config.bench';
import { benchProjectList } from './projects-list.bench';
import { benchPromptsInference } from './prompts-inference.bench';
import { benchAzureStorageSync, benchStorageSync } from './storage-sync.bench';
import { benchTaskList } from './task-list.bench';
import { benchWebhooks } from './webhooks.bench';

type Figures = Record<string, number | string>;

/** Benchmark groups BENCH_ONLY can name, in the order they run. */
const BENCHMARKS: Record<string, { label: string; run: () => Promise<Figures | Figures[]> }[]> = {
  'projects-list': [{ label: 'projects list', run: benchProjectList }],
  annotations: [
    { label: 'annotation create', run: benchAnnotationCreate },
    { label: 'bare INSERT reference', run: benchBareInsertReference },
  ],
  import: [
    { label: 'import', run: benchImport },
    { label: 'bulk insert reference', run: benchBulkInsertReference },
  ],
  'label-config': [{ label: 'label config parse', run: benchLabelConfigParse }],
  'task-list': [{ label: 'task list', run: benchTaskList }],
  export: [{ label: 'export', run: benchExport }],
  'storage-sync': [{ label: 'storage sync', run: benchStorageSync }],
  'storage-sync-azure': [{ label: 'storage sync', run: benchAzureStorageSync }],
  webhooks: [{ label: 'webhooks', run: benchWebhooks }],
  'prompts-inference': [{ label: 'prompts inference', run: benchPromptsInference }],
  'activity-log': [
    { label: 'activity log', run: benchActivityLog },
    { label: 'bare INSERT reference', run: benchBareInsertReference },
  ],
};

function selectedGroups(): string[] {
  const only = process.env.BENCH_ONLY?.trim();
  if (!only) return Object.keys(BENCHMARKS);
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY names unknown benchmarks: ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`,
    );
  }
  return Object.keys(BENCHMARKS).filter((name) => names.includes(name));
}

/**
 * Runs the benchmarks one after another and prints their figures (no pass/fail). A failing one
 * is reported and the others still run, so the reference prints even when the API half fails.
 */
async function main(): Promise<void> {
  for (const { label, run } of selectedGroups().flatMap((name) => BENCHMARKS[name])) {
    try {
      const figures = await run();
      for (const line of Array.isArray(figures) ? figures : [figures]) {
        console.log(`${label}:`, JSON.stringify(line));
      }
    } catch (error: unknown) {
      console.error(`${label} failed:`, error);
      process.exitCode = 1;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
