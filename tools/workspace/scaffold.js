// Writes project.json, tsconfig.json and jest.config.js for each project listed below (idempotent).
// Run: node tools/workspace/scaffold.js
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const projects = [
  ['libs/shared/event-store', 'util', 'shared'],
  ['libs/shared/event-store-sqlite', 'infra', 'shared'],
  ['libs/shared/event-store-esdb', 'infra', 'shared'],
  ['libs/shared/ddd', 'util', 'shared'],
  ['libs/shared/projections', 'infra', 'shared'],
  ['libs/shared/platform', 'platform', 'shared'],
  ['libs/shared/auth', 'platform', 'shared'],
  ['libs/shared/testing', 'testing', 'shared'],
  ['libs/shared/launcher', 'util', 'shared'],
  ['libs/shared/audit-chain', 'util', 'shared'],
  ...['tender', 'bidding', 'subcontracting'].flatMap((ctx) => [
    [`libs/${ctx}/domain`, 'domain', ctx],
    [`libs/${ctx}/application`, 'application', ctx],
    [`libs/${ctx}/infra`, 'infra', ctx],
    [`libs/${ctx}/graphql`, 'api', ctx],
    [`libs/${ctx}/contracts`, 'contracts', ctx],
  ]),
  ['libs/tender/open-data', 'application', 'tender'],
  ['apps/gateway', 'app', 'gateway'],
  ['apps/tender-service', 'app', 'tender'],
  ['apps/bidding-service', 'app', 'bidding'],
  ['apps/subcontracting-service', 'app', 'subcontracting'],
  ['apps/platform-e2e', 'e2e', 'shared'],
];

const write = (file, content, { overwrite = true } = {}) => {
  const full = path.join(root, file);
  if (!overwrite && fs.existsSync(full)) return;
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
};

for (const [dir, type, scope] of projects) {
  const name = dir.replace(/^(libs|apps)\//, '').replace(/\//g, '-');
  const up = dir.split('/').map(() => '..').join('/');
  const isApp = dir.startsWith('apps/');
  const targets = {
    lint: {
      executor: 'nx:run-commands',
      cache: true,
      options: { command: `eslint ${dir} --max-warnings=0` },
    },
    test: {
      executor: 'nx:run-commands',
      options: { command: `jest --config ${dir}/jest.config.js --passWithNoTests` },
    },
  };
  if (isApp && type === 'app') {
    targets.serve = {
      executor: 'nx:run-commands',
      options: { command: `node -r @swc-node/register ${dir}/src/main.ts` },
    };
  }
  write(
    `${dir}/project.json`,
    JSON.stringify(
      {
        name,
        $schema: `${up}/node_modules/nx/schemas/project-schema.json`,
        sourceRoot: `${dir}/src`,
        projectType: isApp ? 'application' : 'library',
        tags: [`type:${type}`, `scope:${scope}`],
        targets,
      },
      null,
      2,
    ) + '\n',
  );
  write(
    `${dir}/tsconfig.json`,
    JSON.stringify({ extends: `${up}/tsconfig.base.json`, include: ['src/**/*.ts'] }, null, 2) + '\n',
  );
  write(
    `${dir}/jest.config.js`,
    `module.exports = require('${up}/jest.preset.js')(__dirname, '${name}');\n`,
  );
  if (!isApp) write(`${dir}/src/index.ts`, '', { overwrite: false });
}
