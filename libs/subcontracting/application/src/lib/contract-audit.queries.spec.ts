/// <reference types="jest" />
import { type Actor, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import { ContractAsOfHandler, ContractAsOfQuery, DecommissioningExplanationHandler, DecommissioningExplanationQuery } from './contract-audit.queries';

const COUNCIL = 'org-council';
const clara: Actor = { userId: 'u-clara', role: 'commissioner', organisationId: COUNCIL };
const harriet: Actor = { userId: 'u-harriet', role: 'prime', organisationId: 'org-moorland' };
const auditor: Actor = { userId: 'u-audrey', role: 'auditor', organisationId: null };

/** The contract's stream as a list: the handlers only read streams forwards. */
class ListedLog {
  readonly events: RecordedEvent[] = [];

  add(type: string, data: Record<string, unknown>, actor: Actor, occurredAt: string): void {
    this.events.push({
      streamName: 'contract-C1', revision: this.events.length, position: 100 + this.events.length, type, data: { contractId: 'C1', ...data }, recordedAt: occurredAt,
      metadata: { eventId: `00000000-0000-4000-8000-${String(this.events.length).padStart(12, '0')}`, schemaVersion: 1, occurredAt, correlationId: 'c', causationId: null, actor },
    });
  }

  readStream(streamName: string): AsyncIterable<RecordedEvent> {
    const stream = this.events.filter((e) => e.streamName === streamName);
    return {
      async *[Symbol.asyncIterator]() {
        if (stream.length === 0) throw new StreamNotFoundError(streamName);
        yield* stream;
      },
    };
  }
}

const subcontract = (subcontractId: string, organisationId: string, valuePence: number, parentSubcontractId: string | null = null, tier = 1) => ({
  subcontractId, parentSubcontractId, parentOrganisationId: 'org-moorland', subcontractorOrganisationId: organisationId, tier, valuePence,
  scope: 'Youth club', area: 'East', startDate: '2026-04-01', endDate: '2029-03-31', paymentTermsDays: 30, addedAt: '',
});

const returnOf = (returnId: string, period: string, youngPeopleReached: number, spendPence: number) => ({
  returnId, period, subcontractId: null, organisationId: 'org-moorland', tier: 0, youngPeopleReached, hoursDelivered: 100, spendPence,
  outcomes: { learning: 1, achievement: 1, progress: 1 }, submittedAt: '',
});

const contractHistory = () => {
  const log = new ListedLog();
  log.add('ContractCreated', {
    tenderId: 'T', lotId: 'ALL', bidId: 'B', commissionerOrganisationId: COUNCIL, primeOrganisationId: 'org-moorland', valuePence: 9_000_000,
    startDate: '2026-04-01', endDate: '2029-03-31', paymentTermsDays: 30, createdAt: '2026-03-10T09:00:00.000Z',
  }, { userId: 'system', role: 'system', organisationId: null }, '2026-03-10T09:00:00.000Z');
  log.add('SubcontractorAdded', subcontract('S1', 'org-kindred', 2_000_000), harriet, '2026-04-02T09:00:00.000Z');
  log.add('SubcontractorAdded', subcontract('S2', 'org-riverside', 500_000, 'S1', 2), harriet, '2026-05-02T09:00:00.000Z');
  log.add('SubcontractEnded', { subcontractId: 'S2', reason: 'Moved away', releasedValuePence: 500_000, endedAt: '' }, harriet, '2026-06-02T09:00:00.000Z');
  log.add('ReturnSubmitted', returnOf('R1', '2026-Q2', 40, 400_000), harriet, '2026-07-05T09:00:00.000Z');
  log.add('ContractRated', { period: '2026-Q2', rating: 'inadequate', rationale: 'Far below target', evidenceRefs: ['return:2026-Q2'], ratedAt: '' }, clara, '2026-07-10T09:00:00.000Z');
  log.add('DecommissioningCaseOpened', { caseId: 'K1', reason: 'Two quarters below target', evidenceRefs: ['return:2026-Q2', 'rating:2026-Q2', 'complaints-log'], openedAt: '' }, clara, '2026-07-11T09:00:00.000Z');
  log.add('DecommissioningCaseAnswered', { caseId: 'K1', response: 'Staff shortage, now fixed', evidenceRefs: ['R1'], answeredAt: '' }, harriet, '2026-07-15T09:00:00.000Z');
  log.add('ContractDecommissioned', {
    caseId: 'K1', tenderId: 'T', lotId: 'ALL', commissionerOrganisationId: COUNCIL, primeOrganisationId: 'org-moorland', valuePence: 9_000_000,
    rationale: 'No credible recovery plan', evidenceRefs: ['return:2026-Q2', 'rating:2026-Q2', 'complaints-log', 'R1'], noticePeriodDays: 90,
    endDate: '2026-10-18', previousEndDate: '2029-03-31', transition: [{ subcontractId: 'S1', subcontractorOrganisationId: 'org-kindred', outcome: 'moves-in-house' }],
    decidedAt: '',
  }, clara, '2026-07-20T09:00:00.000Z');
  // A return after the decision is not what the council decided on.
  log.add('ReturnSubmitted', returnOf('R2', '2026-Q3', 100, 100_000), harriet, '2026-10-05T09:00:00.000Z');
  return log;
};

describe('A contract as of an instant', () => {
  const asOf = (iso: string, reader: Actor = auditor) => new ContractAsOfHandler(contractHistory() as unknown as EventStore).execute(new ContractAsOfQuery('C1', new Date(iso), reader));

  it('shows the chain as it was on each date: who, at which tier, for how much', async () => {
    expect((await asOf('2026-04-15T00:00:00.000Z')).subcontracts.map((s) => [s.organisationId, s.tier, s.valuePence, s.status])).toEqual([['org-kindred', 1, 2_000_000, 'active']]);
    const may = await asOf('2026-05-15T00:00:00.000Z');
    expect(may.subcontracts.map((s) => [s.organisationId, s.tier, s.status, s.deliveringOnTheDay])).toEqual([['org-kindred', 1, 'active', true], ['org-riverside', 2, 'active', true]]);
    expect((await asOf('2026-06-15T00:00:00.000Z')).subcontracts.map((s) => [s.organisationId, s.status, s.deliveringOnTheDay])).toEqual([['org-kindred', 'active', true], ['org-riverside', 'ended', false]]);
    expect(await asOf('2026-08-01T00:00:00.000Z')).toMatchObject({ status: 'decommissioned', endDate: '2026-10-18', ratings: [{ period: '2026-Q2', rating: 'inadequate' }] });
  });

  it('did not exist before it was created', async () => {
    expect(await asOf('2026-01-01T00:00:00.000Z')).toMatchObject({ existed: false, subcontracts: [], eventsApplied: 0 });
  });

  it('is read by auditors and its own council only', async () => {
    expect((await asOf('2026-04-15T00:00:00.000Z', clara)).existed).toBe(true);
    await expect(asOf('2026-04-15T00:00:00.000Z', harriet)).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ_CONTRACT_HISTORY' });
    await expect(asOf('2026-04-15T00:00:00.000Z', { ...clara, organisationId: 'org-elsewhere' })).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ_CONTRACT_HISTORY' });
    await expect(new ContractAsOfHandler(new ListedLog() as unknown as EventStore).execute(new ContractAsOfQuery('C1', new Date(), auditor))).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
  });
});

describe('Explaining a decommissioning decision', () => {
  it('gives the case, the evidence it cites resolved to the records, the response, the decision and the transition plan', async () => {
    const { cases, primeOrganisationId } = await new DecommissioningExplanationHandler(contractHistory() as unknown as EventStore).execute(new DecommissioningExplanationQuery('C1', auditor));
    expect(primeOrganisationId).toBe('org-moorland');
    expect(cases).toHaveLength(1);
    const [decided] = cases;
    expect(decided?.opened).toEqual({ actor: clara, at: '2026-07-11T09:00:00.000Z', reason: 'Two quarters below target', evidenceRefs: ['return:2026-Q2', 'rating:2026-Q2', 'complaints-log'] });
    expect(decided?.response).toMatchObject({ actor: harriet, response: 'Staff shortage, now fixed', evidenceRefs: ['R1'] });
    expect(decided?.decision).toMatchObject({
      actor: clara, outcome: 'decommissioned', rationale: 'No credible recovery plan', noticePeriodDays: 90, endDate: '2026-10-18',
      transition: [{ subcontractId: 'S1', subcontractorOrganisationId: 'org-kindred', outcome: 'moves-in-house' }],
    });
    expect(decided?.evidence.map((e) => [e.ref, e.kind, e.returns.map((r) => r.returnId), e.rating?.rating ?? null])).toEqual([
      ['return:2026-Q2', 'return', ['R1'], null],
      ['rating:2026-Q2', 'rating', [], 'inadequate'],
      ['complaints-log', 'document', [], null],
      ['R1', 'return', ['R1'], null],
    ]);
    // Value for money over what the council had when it decided: the later return is left out.
    expect(decided?.valueForMoney).toEqual({ periods: ['2026-Q2'], spendPence: 400_000, youngPeopleReached: 40, hoursDelivered: 100, costPerYoungPersonPence: 10_000 });
  });
});
