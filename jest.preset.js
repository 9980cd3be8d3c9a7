// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for NestJS),
// tsconfig path aliases resolve to library sources, and tests are found by suffix:
//   *.spec.ts      unit (pure, fast)
//   *.int-spec.ts  integration (real SQLite files, real PostgreSQL, real processes)
//   *.e2e-spec.ts  end to end (the running platform over HTTP)
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const workspaceRoot = __dirname;

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')}$`,
    path.join(workspaceRoot, target),
  ]),
);

const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = (projectDir, displayName) => ({
  displayName,
  rootDir: projectDir,
  testEnvironment: 'node',
  // jose 6 ships ES modules only; Jest (unlike Node 20.19+) cannot require them, so SWC compiles it to CommonJS.
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig], '/node_modules/jose/.+\\.js$': ['@swc/jest', swcConfig] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/src/**/*.e2e-spec.ts'],
  setupFiles: [path.join(workspaceRoot, 'tools/jest/setup.js')],
});

module.exports.swcConfig = swcConfig;
