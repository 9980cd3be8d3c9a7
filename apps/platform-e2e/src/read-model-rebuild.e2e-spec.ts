import { runAwardedTenderStory, signInStorySessions } from './support/awarded-tender-story';
import { runDemoSeed } from './support/demo-seed';
import { startTestPlatform, type TestPlatform } from './support/platform';
import { readModelTables, runRebuildCommand, snapshotReadModels } from './support/read-model-snapshot';

const POSTGRES_URL = process.env['TENDRIL_TEST_POSTGRES_URL'] ?? 'postgres://tendril:tendril@127.0.0.1:5432/tendril_test';

const readModelSetups: [string, () => Record<string, string>][] = [
  ['on SQLite (the embedded default)', () => ({})],
  ['on PostgreSQL (production)', () => ({ READ_MODEL_DB: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA_PREFIX: `e2e_rb_${process.pid}_${Date.now() % 100_000}_` })],
];

// Tables that hold data after the demo seed and the awarded-tender story: every context, the provider
// registry and the cross-context trail included.
const FILLED = [
  'tender-service.tender_view',
  'tender-service.tender_audit_entry',
  'tender-service.tender_opened_bid',
  'tender-service.tender_contract',
  'tender-service.tender_clarification',
  'tender-service.tender_registered_provider',
  'bidding-service.bid_view',
  'bidding-service.provider_view',
  'subcontracting-service.contract_view',
  'subcontracting-service.subcontract_view',
  'subcontracting-service.contract_variation_view',
];

describe.each(readModelSetups)('Rebuilding every read model of every service from the log, %s', (_name, environment) => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(environment());
    await runDemoSeed(platform.baseUrl);
    await runAwardedTenderStory(await signInStorySessions(platform.baseUrl));
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('gives the same rows in every table as before', async () => {
    // The services stop first, so nothing writes while the tables are compared.
    await platform.platform.stop();
    const before = await snapshotReadModels(platform.env);
    const tables = await readModelTables();
    const declared = Object.entries(tables).flatMap(([service, names]) => names.map((name) => `${service}.${name}`));
    expect(declared.length).toBeGreaterThanOrEqual(21);
    for (const table of declared) expect({ table, inSnapshot: table in before }).toEqual({ table, inSnapshot: true });
    for (const table of FILLED) expect({ table, rows: (before[table] ?? []).length > 0 }).toEqual({ table, rows: true });

    const output = await runRebuildCommand(platform.env);
    for (const service of Object.keys(tables)) expect(output).toContain(`Rebuilding ${service} read models from the event log`);
    const after = await snapshotReadModels(platform.env);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  }, 240_000);
});
