import { benchProjectList } from './projects-list.bench';

/** Runs the benchmarks one after another and prints their figures (no pass/fail). */
async function main(): Promise<void> {
  console.log('projects list:', JSON.stringify(await benchProjectList()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
