import { LATEST_SCHEMA_VERSION, SCHEMA_MIGRATIONS } from './schema-migrations';

describe('The schema migrations', () => {
  it('are numbered 1, 2, 3... in order, so a file records exactly which ones it has', () => {
    expect(SCHEMA_MIGRATIONS.map((m) => m.version)).toEqual(SCHEMA_MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_MIGRATIONS.length);
  });
});
