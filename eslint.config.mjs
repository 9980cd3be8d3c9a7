import nx from '@nx/eslint-plugin';

const frameworkImports = [
  '@nestjs/*',
  '@apollo/*',
  'typeorm',
  'graphql',
  'graphql-*',
  '@eventstore/*',
  'better-sqlite3',
  'pg',
  'rxjs',
  'express',
  'jose',
];

// Layers and contexts. Test files may also use the shared testing library (contract suites, fixtures).
const depConstraints = (testing = false) => {
  const allow = (tags) => (testing ? [...tags, 'type:testing'] : tags);
  return [
    // Layers.
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: allow(['type:util']), bannedExternalImports: frameworkImports },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: allow(['type:util']), bannedExternalImports: frameworkImports },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: allow(['type:util']), bannedExternalImports: frameworkImports },
    { sourceTag: 'type:application', onlyDependOnLibsWithTags: allow(['type:domain', 'type:contracts', 'type:util']) },
    {
      sourceTag: 'type:infra',
      onlyDependOnLibsWithTags: allow(['type:infra', 'type:application', 'type:domain', 'type:contracts', 'type:util']),
    },
    { sourceTag: 'type:api', onlyDependOnLibsWithTags: allow(['type:application', 'type:contracts', 'type:util', 'type:platform']) },
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: allow(['type:platform', 'type:infra', 'type:util']) },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: allow(['type:api', 'type:application', 'type:infra', 'type:contracts', 'type:util', 'type:platform']),
    },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:infra', 'type:platform', 'type:testing'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:util', 'type:contracts'] },
    // Bounded contexts: their own libraries, shared ones, and other contexts' published contracts only.
    { sourceTag: 'scope:tender', onlyDependOnLibsWithTags: ['scope:tender', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:bidding', onlyDependOnLibsWithTags: ['scope:bidding', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:subcontracting', onlyDependOnLibsWithTags: ['scope:subcontracting', 'scope:shared', 'type:contracts'] },
    { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ];
};

const boundaries = (testing) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: true,
    checkDynamicDependenciesExceptions: [],
    allow: [],
    depConstraints: depConstraints(testing),
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/coverage', '**/*.js', '**/*.mjs'] },
  {
    // Suppressing a rule inline is not allowed: fix the code or change the rule here, with review.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Scripts, CLIs, benchmarks and tests talk to a terminal.
    files: ['tools/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/cli/**/*.ts', '**/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
];
