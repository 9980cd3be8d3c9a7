import Database from 'better-sqlite3';
import * as path from 'node:path';
import { type GraphqlResult, newKey, Session, startTestPlatform, type TestPlatform } from './support/platform';

const PUBLISH = `mutation($input: PublishTenderInput!, $key: String!) { publishTender(input: $input, idempotencyKey: $key) { id } }`;

const tenderInput = (n: number) => ({
  title: `Shutdown test tender ${n}`,
  description: 'Published while the service is asked to stop',
  category: 'youth-work',
  lots: [{ lotId: 'L1', title: 'Lot 1', estimatedValuePence: 1_000_000 }],
  criteria: [{ criterionId: 'Q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
  submissionDeadline: new Date(Date.now() + 86_400_000).toISOString(),
});

describe('A service asked to stop while mutations are in flight', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ LOG_LEVEL: 'log' });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('finishes what it acknowledged, exits cleanly, and every acknowledged tender is in the event store', async () => {
    const commissioner = await Session.signIn(platform.baseUrl, 'clara.commissioner');
    const tenderService = platform.platform.processes.get('tender');
    if (!tenderService) throw new Error('tender-service is not running');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      tenderService.once('exit', (code, signal) => resolve({ code, signal })),
    );

    // Four clients keep publishing; the service is told to stop as soon as the first publish is answered,
    // so others are mid-flight when the signal lands.
    const results: GraphqlResult<{ publishTender: { id: string } }>[] = [];
    let stopping = false;
    let sent = 0;
    const client = async () => {
      for (;;) {
        const result = await commissioner.graphql<{ publishTender: { id: string } }>(PUBLISH, { key: newKey('stop'), input: tenderInput(sent++) });
        results.push(result);
        if (result.data?.publishTender && !stopping) {
          stopping = true;
          tenderService.kill('SIGTERM');
        }
        if (result.errors.length > 0 || results.length > 200) return;
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    // Nest runs its shutdown hooks, then re-raises the signal: the process ends by SIGTERM, not a crash.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    const tenderLog = platform.logs.filter((line) => line.startsWith('tender|')).join('\n');
    expect(tenderLog).toContain('Event store closed after SIGTERM');
    expect(tenderLog).not.toMatch(/ERROR/);

    const acknowledged = results.flatMap((result) => (result.data?.publishTender ? [result.data.publishTender.id] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    const db = new Database(path.join(platform.dataDir, 'events.sqlite'), { readonly: true });
    try {
      const streams = new Set((db.prepare("SELECT stream_name FROM events WHERE type = 'TenderPublished'").pluck().all() as string[]));
      for (const id of acknowledged) expect(streams).toContain(`tender-${id}`);
    } finally {
      db.close();
    }
    // Requests the service could no longer take were refused with an error, not left hanging.
    expect(results.filter((result) => result.errors.length > 0)).not.toHaveLength(0);
  }, 120_000);
});
