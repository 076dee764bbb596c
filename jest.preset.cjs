// Settings every project's jest.config.cjs starts from: TypeScript through SWC (decorators and
// their metadata, as Nest needs), the `@ls/*` aliases of tsconfig.base.json, and Node.
const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const escape = (text) => text.replace(/[/.]/g, '\\$&');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${escape(alias)}$`,
    join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Built packages and Nx's cached copies of them would offer a second `@ls/*` to Jest.
  modulePathIgnorePatterns: [join(__dirname, 'dist'), join(__dirname, '.nx')],
  testTimeout: 30000,
};
