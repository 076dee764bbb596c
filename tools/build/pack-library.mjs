// Completes a built library as an npm package: `node tools/build/pack-library.mjs <name>` after
// `tsc --build libs/<name>/tsconfig.lib.json` has compiled it into dist/libs/<name>.
//
// - dist/libs/<name>/package.json: the library's manifest (libs/<name>/package.json) pointing at
//   the compiled entry point, and its README: what a team installs to embed the library.
// - dist/node_modules/@ls/<name>/package.json: a one-line package whose `main` is that entry
//   point, so the built apps under dist/ resolve `@ls/<name>` with Node's own lookup (no alias hook).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: node tools/build/pack-library.mjs <library>');
  process.exit(2);
}
const source = `libs/${name}`;
const output = `dist/libs/${name}`;
if (!existsSync(join(output, 'index.js'))) {
  console.error(`${output}/index.js is missing: build the library first`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
writeJson(join(output, 'package.json'), {
  ...manifest,
  main: './index.js',
  types: './index.d.ts',
});
copyFileSync(join(source, 'README.md'), join(output, 'README.md'));

const link = `dist/node_modules/@ls/${name}`;
mkdirSync(link, { recursive: true });
writeJson(join(link, 'package.json'), {
  name: manifest.name,
  version: manifest.version,
  private: true,
  main: `../../../libs/${name}/index.js`,
  types: `../../../libs/${name}/index.d.ts`,
});
