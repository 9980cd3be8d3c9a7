/// <reference types="jest" />
import type { CallHandler } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { AuthenticatedUser } from '@tendril/shared/auth';
import type { EventStore } from '@tendril/shared/event-store';
import { openSqliteEventStore } from '@tendril/shared/event-store-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lastValueFrom, of } from 'rxjs';
import { AUDITOR_ACCESS_STREAM_PREFIX, ELIDED, readAccessLog, recordAuditorQuery } from './auditor-access-log';
import { AuditorAccessInterceptor } from './auditor-access.interceptor';

const audrey: AuthenticatedUser = { userId: 'u-audrey', role: 'auditor', organisationId: null, displayName: 'Audrey' };
const clara: AuthenticatedUser = { userId: 'u-clara', role: 'commissioner', organisationId: 'org-council', displayName: 'Clara' };
const at = (iso: string) => ({ now: () => new Date(iso) });

const graphqlCall = (user: AuthenticatedUser | undefined, parentType: 'Query' | 'Mutation', fieldName: string, args: Record<string, unknown>) => {
  const req = { headers: { 'x-correlation-id': 'corr-1' }, ...(user ? { user } : {}) };
  const info = { parentType: { name: parentType }, fieldName, operation: { name: { value: 'AuditorLooks' } } };
  const host = new ExecutionContextHost([{}, args, { req }, info]);
  host.setType('graphql');
  return host;
};

const answering = () => {
  const handler = { calls: 0 };
  const next: CallHandler = { handle: () => { handler.calls++; return of('the answer'); } };
  return { handler, next };
};

describe("The auditors' access log", () => {
  let dir: string;
  let store: EventStore;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tendril-access-log-'));
    store = await openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the interceptor', () => {
    it("records an auditor's query, with the arguments and the records it names, before answering it", async () => {
      const interceptor = new AuditorAccessInterceptor(store, at('2026-05-01T10:00:00.000Z'), { serviceName: 'tender-service' });
      const { handler, next } = answering();
      const answer = await lastValueFrom(await interceptor.intercept(graphqlCall(audrey, 'Query', 'tenderAsOf', { tenderId: 't-1', asOf: new Date('2026-04-01T00:00:00Z') }), next));
      expect(answer).toBe('the answer');
      expect(handler.calls).toBe(1);
      const page = await readAccessLog(store, {}, { first: 10, after: null });
      expect(page.entries).toHaveLength(1);
      expect(page.entries[0]).toMatchObject({
        service: 'tender-service',
        field: 'tenderAsOf',
        operationName: 'AuditorLooks',
        arguments: { tenderId: 't-1', asOf: '2026-04-01T00:00:00.000Z' },
        entityIds: ['t-1'],
        requestedAt: '2026-05-01T10:00:00.000Z',
        actor: { userId: 'u-audrey', role: 'auditor', organisationId: null },
        correlationId: 'corr-1',
      });
    });

    it('does not record the reads of anyone who is not an auditor, nor mutations', async () => {
      const interceptor = new AuditorAccessInterceptor(store, at('2026-05-01T10:00:00.000Z'), { serviceName: 'tender-service' });
      const { handler, next } = answering();
      await lastValueFrom(await interceptor.intercept(graphqlCall(clara, 'Query', 'tenderHistory', { tenderId: 't-1' }), next));
      await lastValueFrom(await interceptor.intercept(graphqlCall(undefined, 'Query', 'tenders', {}), next));
      await lastValueFrom(await interceptor.intercept(graphqlCall(audrey, 'Mutation', 'awardLot', { input: {} }), next));
      expect(handler.calls).toBe(3);
      expect(await store.headPosition()).toBeNull();
    });

    it('refuses the read, without answering, when the record cannot be stored', async () => {
      const failing = { appendToStream: () => Promise.reject(new Error('disk full')) };
      const interceptor = new AuditorAccessInterceptor(failing, at('2026-05-01T10:00:00.000Z'), { serviceName: 'bidding-service' });
      const { handler, next } = answering();
      await expect(interceptor.intercept(graphqlCall(audrey, 'Query', 'bidAsOf', { bidId: 'b-1' }), next)).rejects.toMatchObject({
        extensions: { code: 'AUDIT_ACCESS_NOT_RECORDED' },
      });
      expect(handler.calls).toBe(0);
    });
  });

  describe('a record', () => {
    it('elides sensitive values however deeply they are nested', async () => {
      const recorded = await recordAuditorQuery(store, {
        service: 'bidding-service',
        field: 'search',
        operationName: null,
        args: { filter: { bidId: 'b-1', password: 'hunter2', notes: ['private'], answers: [{ questionId: 'q1', answer: 'young person said...' }] }, first: 10 },
        actor: { userId: 'u-audrey', role: 'auditor', organisationId: null },
        correlationId: 'c',
        now: new Date('2026-05-01T10:00:00.000Z'),
      });
      expect(recorded.arguments).toEqual({ filter: { bidId: 'b-1', password: ELIDED, notes: ELIDED, answers: ELIDED }, first: 10 });
      expect(recorded.entityIds).toEqual(['b-1', 'q1']);
    });

    it('is its own stream in the one log, so it is hash-chained with every other event', async () => {
      const recorded = await recordAuditorQuery(store, {
        service: 'tender-service', field: 'tender', operationName: null, args: { id: 't-9' },
        actor: { userId: 'u-audrey', role: 'auditor', organisationId: null }, correlationId: 'c', now: new Date(),
      });
      expect(await store.streamRevision(`${AUDITOR_ACCESS_STREAM_PREFIX}${recorded.accessId}`)).toBe(0);
    });
  });

  describe('reading it', () => {
    const record = (userId: string, field: string, args: Record<string, unknown>, iso: string) =>
      recordAuditorQuery(store, { service: 'tender-service', field, operationName: null, args, actor: { userId, role: 'auditor', organisationId: null }, correlationId: 'c', now: new Date(iso) });

    beforeEach(async () => {
      await record('u-audrey', 'tenderAsOf', { tenderId: 't-1' }, '2026-05-01T10:00:00.000Z');
      await record('u-audrey', 'awardExplanation', { tenderId: 't-1', lotId: 'L1' }, '2026-05-01T11:00:00.000Z');
      await record('u-other', 'contractAsOf', { contractId: 'c-1' }, '2026-05-02T09:00:00.000Z');
      await record('u-audrey', 'contractAsOf', { contractId: 'c-1' }, '2026-05-03T09:00:00.000Z');
    });

    it('pages newest first with a cursor, and the pages neither overlap nor skip', async () => {
      const first = await readAccessLog(store, {}, { first: 3, after: null });
      expect(first.entries.map((e) => e.requestedAt)).toEqual(['2026-05-03T09:00:00.000Z', '2026-05-02T09:00:00.000Z', '2026-05-01T11:00:00.000Z']);
      expect(first.hasNextPage).toBe(true);
      const second = await readAccessLog(store, {}, { first: 3, after: first.endCursor });
      expect(second.entries.map((e) => e.requestedAt)).toEqual(['2026-05-01T10:00:00.000Z']);
      expect(second).toMatchObject({ hasNextPage: false, endCursor: null });
    });

    it('filters by auditor, field, record and time, combined', async () => {
      const audreysContracts = await readAccessLog(store, { userId: 'u-audrey', entityId: 'c-1' }, { first: 10, after: null });
      expect(audreysContracts.entries.map((e) => e.requestedAt)).toEqual(['2026-05-03T09:00:00.000Z']);
      const onTheFirst = await readAccessLog(store, { from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-05-01T10:30:00Z') }, { first: 10, after: null });
      expect(onTheFirst.entries.map((e) => e.field)).toEqual(['tenderAsOf']);
      expect((await readAccessLog(store, { field: 'awardExplanation' }, { first: 10, after: null })).entries).toHaveLength(1);
    });

    it('refuses a page size out of range and a cursor that is not one', async () => {
      await expect(readAccessLog(store, {}, { first: 0, after: null })).rejects.toThrow(RangeError);
      await expect(readAccessLog(store, {}, { first: 5, after: 'abc' })).rejects.toThrow(RangeError);
    });
  });
});
