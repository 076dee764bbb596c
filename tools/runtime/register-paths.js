// Resolves the `@ls/<lib>` aliases of tsconfig.base.json to the compiled files in dist/,
// so `node -r ./tools/runtime/register-paths.js dist/apps/api/src/main.js` runs the build.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

const distRoot = path.resolve(__dirname, '../../dist');
const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, targets]) => [
    alias,
    targets.map((target) => target.replace(/\.ts$/, '')),
  ]),
);

tsconfigPaths.register({ baseUrl: distRoot, paths, addMatchAll: false });
