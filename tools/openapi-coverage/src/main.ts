import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { computeCoverage, OpenApiDocument, renderMarkdown, renderTable } from './coverage';

/** The contract: `LS_OPENAPI_SPEC`, else `../shared/spec/openapi.yaml` beside the workspace. */
export function specPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LS_OPENAPI_SPEC ?? '../shared/spec/openapi.yaml');
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function main(args: string[]): number {
  const oursPath = argument(args, '--ours');
  const outPath = resolve(argument(args, '--out') ?? 'docs/api-coverage.md');
  if (!oursPath) {
    console.error(
      'usage: openapi-coverage --ours <our-openapi.json> [--out <file.md>] [--list-missing]',
    );
    return 2;
  }
  let spec: OpenApiDocument;
  let ours: OpenApiDocument;
  try {
    spec = parse(readFileSync(specPath(), 'utf8')) as OpenApiDocument;
    ours = JSON.parse(readFileSync(oursPath, 'utf8')) as OpenApiDocument;
  } catch (error) {
    console.error(`openapi-coverage: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = computeCoverage(spec, ours);
  console.log(renderTable(result));
  console.log(`\n${result.missing.length} operations of the contract are not served yet.`);
  if (args.includes('--list-missing')) {
    for (const operation of result.missing) console.log(`  ${operation.operationId}`);
  }
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, renderMarkdown(result, { specPath: relative(process.cwd(), specPath()) }));
  console.log(`Report written to ${outPath}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
