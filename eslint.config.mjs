// Lint for every workspace, run in `npm test` (test/lint.test.ts) and by `npm run lint`.
// Typed rules catch what tsc does not: promises nobody awaits or handles, and unused code.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const COMPARISON = 'subgraphs/comparison/src';
const COMPARISON_ROOT = ['index.ts', 'subgraph.ts', 'config.ts', 'context.ts', 'generated'].map((f) => `${COMPARISON}/${f}`);
/** Each layer of the comparison and what it must not import: the layers before it, and the root. */
const COMPARISON_LAYERS = ['api', 'read-model', 'aggregates', 'domain'];
const COMPARISON_ZONES = COMPARISON_LAYERS.map((layer, i) => ({
  target: `${COMPARISON}/${layer}`,
  from: [
    ...COMPARISON_LAYERS.slice(0, i).map((before) => `${COMPARISON}/${before}`),
    ...(layer === 'api' ? COMPARISON_ROOT.filter((f) => !/context|generated/.test(f)) : COMPARISON_ROOT),
  ],
  message: `${layer}/ imports only ${COMPARISON_LAYERS.slice(i + 1).join(', ') || 'contract and shared'} (docs/ARCHITECTURE.md, the comparison's layers).`,
}));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'web/**/build/**',
      'web/dashboard/generated/**',
      'bench/peer/**',
      '.data/**',
      'docs/**',
      '**/*.mjs',
      '**/*.js',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.lint.json', './web/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  // Imports go one way: no module may reach itself again through its imports (issue #25). Type-only
  // imports are erased by tsc, so they cannot form a runtime cycle and are not counted.
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }] },
  },
  // The comparison subgraph's layers (docs/ARCHITECTURE.md): api → read-model → aggregates → domain.
  // A layer imports only the layers after it, type imports included; the root (index, subgraph,
  // config, context, generated stubs) wires them. domain/ holds no GraphQL and no SQL, aggregates/ no SQL.
  {
    files: ['subgraphs/comparison/src/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: COMPARISON_ZONES }] },
  },
  // Typed to the end: a stored group is read through the kind that wrote it (aggregates/groups.ts), rows are typed.
  { files: ['subgraphs/comparison/src/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  {
    files: ['subgraphs/comparison/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['type-graphql', 'graphql', '@mikro-orm/*', 'knex', 'pg', 'sql-template-tag'],
              message: "domain/ is a region's facts: no GraphQL, no SQL.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['subgraphs/comparison/src/aggregates/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@mikro-orm/*', 'knex', 'pg', 'sql-template-tag'], message: 'aggregates/ derive and assemble in code: SQL belongs to read-model/.' },
          ],
        },
      ],
    },
  },
);
