import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { canonicalEventContent, type ChainLink, linkAfter, publicKeyPem, signCheckpoint, verifyChain } from '@tendril/shared/audit-chain';
import type { EventMetadata } from '@tendril/shared/event-store';
import { anEvent, refusal } from '@tendril/shared/testing';
import { migrateSchema, SCHEMA_MIGRATIONS } from './lib/schema-migrations';
import { openSqliteEventStore, type SqliteEventStore } from './lib/sqlite-event-store';

const workspaceRoot = path.resolve(__dirname, '../../../..');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describe('The audit chain of the SQLite event store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tendril-audit-'));
    file = path.join(dir, 'events.sqlite');
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async () => {
    await store?.close();
    store = await openSqliteEventStore({ path: file, readPageSize: 4 });
    return store;
  };

  /** Ten events at positions 1..10 over three streams, appended concurrently so group commit mixes them. */
  const aLogOfTen = async () => {
    const s = await open();
    await Promise.all(
      ['tender-1', 'bid-1', 'bid-2'].map((stream) => s.appendToStream(stream, [anEvent('Opened', { stream })], { expectedRevision: 'no_stream' })),
    );
    for (let n = 0; n < 7; n += 1) {
      await s.appendToStream(`bid-${(n % 2) + 1}`, [anEvent('Amended', { n })], { expectedRevision: 'stream_exists' });
    }
    return s;
  };

  const verify = async () => {
    const s = await open();
    return verifyChain({ events: s.readAuditChain(), checkpoints: await s.auditCheckpoints(), publicKeys: [publicKey] });
  };

  /** Signs the link the store holds at `position`, as `audit checkpoint` does at the head. */
  const checkpointAt = async (position: number) => {
    const s = await open();
    for await (const { event, link } of s.readAuditChain()) {
      if (event.position === position && link) {
        await s.saveAuditCheckpoint(signCheckpoint({ position, sequence: link.sequence, hash: link.hash }, privateKey, new Date()));
      }
    }
  };

  /** Raw SQL on the closed file, as someone with access to the disk would do it. */
  const tamper = async (sql: string) => {
    await store?.close();
    store = undefined;
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  };

  describe('when nobody has touched the file', () => {
    it('verifies every event, including appends that shared a transaction and one that was refused', async () => {
      const s = await aLogOfTen();
      await Promise.all([
        s.appendToStream('bid-3', [anEvent('Opened'), anEvent('Amended')], { expectedRevision: 'no_stream' }),
        refusal(s.appendToStream('bid-1', [anEvent('Amended')], { expectedRevision: 0 })),
        s.appendToStream('bid-4', [anEvent('Opened')], { expectedRevision: 'no_stream' }),
      ]);

      const result = await verify();

      expect(result).toMatchObject({ intact: true, eventsChecked: 13, firstBreak: null });
      expect(result.head).toMatchObject({ position: 13, sequence: 12 });
    });

    it('still verifies after more events were appended since a signed checkpoint', async () => {
      await aLogOfTen();
      await checkpointAt(10);
      const s = await open();
      await s.appendToStream('tender-1', [anEvent('Published')], { expectedRevision: 0 });

      const result = await verify();

      expect(result.intact).toBe(true);
      expect(result.checkpoints).toEqual([expect.objectContaining({ signatureValid: true, stillInLog: true })]);
    });

    it('keeps one chain when two connections append to the same file in turn', async () => {
      const first = await openSqliteEventStore({ path: file });
      const second = await openSqliteEventStore({ path: file });
      try {
        for (let n = 0; n < 6; n += 1) {
          await (n % 2 === 0 ? first : second).appendToStream(`bid-${n}`, [anEvent('Opened')], { expectedRevision: 'no_stream' });
        }
      } finally {
        await first.close();
        await second.close();
      }

      expect(await verify()).toMatchObject({ intact: true, eventsChecked: 6 });
    });
  });

  describe('when the file is edited directly', () => {
    it('catches an event whose data was changed, at its position', async () => {
      await aLogOfTen();
      await tamper(`UPDATE events SET data = '{"n":999}' WHERE position = 4`);

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'DATA_CHANGED', position: 4, afterPosition: 3 });
    });

    it('catches metadata replaced by something that is not JSON, rather than failing to read it', async () => {
      await aLogOfTen();
      await tamper(`UPDATE events SET metadata = 'scrubbed' WHERE position = 2`);

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'DATA_CHANGED', position: 2, afterPosition: 1 });
      expect(result.eventsChecked).toBe(10);
    });

    it('catches a deleted event, at the position after the gap', async () => {
      await aLogOfTen();
      await tamper('DELETE FROM events WHERE position = 5');

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'EVENT_MISSING', position: 6, afterPosition: 4 });
      expect(result.breaks).toHaveLength(1);
    });

    it('catches two swapped events, at the first of them', async () => {
      await aLogOfTen();
      await tamper(`
        UPDATE events SET position = -1 WHERE position = 3;
        UPDATE events SET position = 3 WHERE position = 7;
        UPDATE events SET position = 7 WHERE position = -1;
      `);

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'ORDER_CHANGED', position: 3, afterPosition: 2 });
    });

    it('catches a tail cut below a signed checkpoint', async () => {
      await aLogOfTen();
      await checkpointAt(9);
      await tamper('DELETE FROM events WHERE position > 6');

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'TAIL_TRUNCATED', position: null, afterPosition: 6 });
      expect(result.checkpoints).toEqual([expect.objectContaining({ signatureValid: true, stillInLog: false })]);
    });

    it('catches a log rewritten with freshly computed hashes, at the signed checkpoint', async () => {
      await aLogOfTen();
      await checkpointAt(8);
      await tamper(`UPDATE events SET data = '{"n":999}' WHERE position = 4`);
      // Re-chain from position 4 on, as a careful forger with the library would.
      const db = new Database(file);
      try {
        const rows = db.prepare('SELECT position, stream_name, revision, type, data, metadata, chain_sequence, chain_hash FROM events ORDER BY position').all() as {
          position: number; stream_name: string; revision: number; type: string; data: string; metadata: string; chain_sequence: number; chain_hash: string;
        }[];
        let previous: ChainLink | null = null;
        for (const row of rows) {
          const content = canonicalEventContent({ type: row.type, data: JSON.parse(row.data) as unknown, metadata: JSON.parse(row.metadata) as EventMetadata });
          const link: ChainLink = linkAfter(previous, content, row.stream_name, row.revision);
          db.prepare('UPDATE events SET chain_previous_hash = ?, chain_hash = ? WHERE position = ?').run(link.previousHash, link.hash, row.position);
          previous = link;
        }
      } finally {
        db.close();
      }

      const result = await verify();

      expect(result.firstBreak).toMatchObject({ kind: 'CHECKPOINT_MISMATCH', position: 8 });
    });

    it('catches a forged checkpoint', async () => {
      await aLogOfTen();
      await checkpointAt(5);
      await tamper('UPDATE audit_checkpoints SET position = 10');

      expect((await verify()).firstBreak).toMatchObject({ kind: 'CHECKPOINT_SIGNATURE_INVALID', position: 10 });
    });
  });

  describe('a file written before the chain existed', () => {
    it('is chained when it is upgraded, and the chain continues with new appends', async () => {
      const db = new Database(file);
      migrateSchema(db, SCHEMA_MIGRATIONS.filter((m) => m.version === 1));
      const insert = db.prepare('INSERT INTO events (stream_name, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (let n = 0; n < 3; n += 1) {
        const event = anEvent('Opened', { n });
        insert.run(`tender-${n}`, 0, event.metadata.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString());
      }
      db.close();

      const s = await open();
      await s.appendToStream('tender-0', [anEvent('Published')], { expectedRevision: 0 });

      expect(await verify()).toMatchObject({ intact: true, eventsChecked: 4, head: { position: 4, sequence: 3 } });
    });
  });

  describe('through `npm run audit`', () => {
    const audit = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(workspaceRoot, 'tools/audit/cli.ts'), ...args, '--store', file], {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dir, AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      });

    it('signs a checkpoint, verifies with exit code 0, and exits 1 naming the position once the file is edited', async () => {
      await aLogOfTen();
      await store?.close();
      store = undefined;
      fs.writeFileSync(path.join(dir, 'auditor.pem'), publicKeyPem(publicKey));

      const signed = audit('checkpoint');
      expect(signed.stdout).toContain('Signed checkpoint: position 10');
      expect(signed.status).toBe(0);
      const intact = audit('verify', '--public-key', path.join(dir, 'auditor.pem'));
      expect(intact.stdout).toContain('is intact: 10 events and 1 signed checkpoint verified');
      expect(intact.status).toBe(0);

      await tamper(`UPDATE events SET metadata = replace(metadata, '"schemaVersion":1', '"schemaVersion":2') WHERE position = 7`);
      const broken = audit('verify', '--public-key', path.join(dir, 'auditor.pem'));
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain('TAMPERING DETECTED');
      expect(broken.stderr).toContain('DATA_CHANGED at position 7');
      expect(broken.stderr).toContain('The log is intact up to position 6.');
    });
  });
});
