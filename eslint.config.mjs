import nx from '@nx/eslint-plugin';
import eslintConfigPrettier from 'eslint-config-prettier';

/** Who may import whom: the dependency direction of docs/architecture (lower never imports higher). */
const layers = ['core', 'auth', 'projects', 'tasks', 'annotations'];
const topLibraries = ['storages', 'prompts', 'analytics', 'webhooks'];
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
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  eslintConfigPrettier,
];
