import nx from '@nx/eslint-plugin';
import eslintConfigPrettier from 'eslint-config-prettier';
import jsoncParser from 'jsonc-eslint-parser';

/** Who may import whom: the dependency direction of docs/architecture (lower never imports higher). */
const layers = ['core', 'auth', 'projects', 'tasks', 'annotations', 'data-manager'];
const topLibraries = ['storages', 'prompts', 'analytics', 'webhooks', 'ui'];
const scope = (name) => `scope:${name}`;

const depConstraints = [
  ...layers.map((name, index) => ({
    sourceTag: scope(name),
    onlyDependOnLibsWithTags: layers.slice(0, index + 1).map(scope),
  })),
  ...topLibraries.map((name) => ({
    sourceTag: scope(name),
    onlyDependOnLibsWithTags: [...layers, name].map(scope),
  })),
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:domain'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:core', 'type:domain', 'type:app'] },
  { sourceTag: 'type:example', onlyDependOnLibsWithTags: ['type:core', 'type:domain'] },
];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'coverage', 'data', 'tmp'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: true,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // A library's package.json lists what its built code needs: checked against its imports.
    files: ['libs/*/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          ignoredFiles: [
            '{projectRoot}/test/**/*',
            '{projectRoot}/src/**/*.spec.ts',
            '{projectRoot}/src/testing.ts',
            '{projectRoot}/src/testing/**/*',
            '{projectRoot}/jest.config.cjs',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  eslintConfigPrettier,
];
