import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type AuditTrailEntry, auditTrailEntryOf, DomainRuleBroken, foldStreamUntil, readStreamIfExists } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, type RecordedEvent } from '@tendril/shared/event-store';
import {
  type ContractDecommissioned,
  type ContractEvent,
  type ContractRated,
  contractDecider,
  contractStreamName,
  type DecommissioningCaseAnswered,
  type DecommissioningCaseOpened,
  type ImprovementPlanRequired,
  type ReturnSubmitted,
  type TransitionOutcome,
} from '@tendril/subcontracting/domain';

export interface SubcontractAsOfView {
  readonly subcontractId: string;
  readonly parentSubcontractId: string | null;
  readonly organisationId: string;
  readonly tier: number;
  readonly valuePence: number;
  readonly scope: string;
  readonly area: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: 'active' | 'ended';
  /** Active and within its dates on the day of the instant asked about. */
  readonly deliveringOnTheDay: boolean;
}

/** A contract and its whole subcontractor chain as they stood at an instant, folded with the contract decider's `evolve`. */
export interface ContractAsOfView {
  readonly contractId: string;
  readonly asOf: string;
  readonly existed: boolean;
  readonly status: string | null;
  readonly kind: string | null;
  readonly tenderId: string | null;
  readonly lotId: string | null;
  readonly commissionerOrganisationId: string | null;
  readonly primeOrganisationId: string | null;
  readonly valuePence: number | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly subcontracts: readonly SubcontractAsOfView[];
  readonly ratings: readonly { readonly period: string; readonly rating: string }[];
  readonly eventsApplied: number;
  readonly lastEventType: string | null;
  readonly lastEventAt: string | null;
}

export class ContractAsOfQuery {
  constructor(
    readonly contractId: string,
    readonly asOf: Date,
    readonly reader: Actor,
  ) {}
}

export class ContractTrailQuery {
  constructor(
    readonly contractId: string,
    readonly reader: Actor,
  ) {}
}

export class DecommissioningExplanationQuery {
  constructor(
    readonly contractId: string,
    readonly reader: Actor,
  ) {}
}

/**
 * Auditors and admins read any contract's past; commissioners only their own council's. The commissioning
 * council is fixed by the stream's first event, so that one event is all this reads.
 */
const assertMayReadPast = async (store: EventStore, contractId: string, reader: Actor): Promise<void> => {
  let commissionerOrganisationId: string | null = null;
  for await (const first of readStreamIfExists(store, contractStreamName(contractId))) {
    commissionerOrganisationId = String((first.data as { commissionerOrganisationId?: unknown }).commissionerOrganisationId ?? '');
    break;
  }
  if (commissionerOrganisationId === null) throw new DomainRuleBroken('CONTRACT_NOT_FOUND', `Contract ${contractId} does not exist`, { contractId });
  const isOwnCommissioner = reader.role === 'commissioner' && reader.organisationId === commissionerOrganisationId;
  if (reader.role !== 'auditor' && reader.role !== 'admin' && !isOwnCommissioner) {
    throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_CONTRACT_HISTORY', "Only auditors and the contract's commissioning council may read its history");
  }
};

@QueryHandler(ContractAsOfQuery)
export class ContractAsOfHandler implements IQueryHandler<ContractAsOfQuery, ContractAsOfView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ contractId, asOf, reader }: ContractAsOfQuery): Promise<ContractAsOfView> {
    await assertMayReadPast(this.store, contractId, reader);
    const { state, eventsApplied, lastEvent } = await foldStreamUntil(this.store, contractStreamName(contractId), contractDecider, asOf);
    const base = { contractId, asOf: asOf.toISOString(), eventsApplied, lastEventType: lastEvent?.type ?? null, lastEventAt: lastEvent?.occurredAt ?? null };
    if (state.status === 'none') {
      return {
        ...base, existed: false, status: null, kind: null, tenderId: null, lotId: null, commissionerOrganisationId: null, primeOrganisationId: null,
        valuePence: null, startDate: null, endDate: null, subcontracts: [], ratings: [],
      };
    }
    const day = asOf.toISOString().slice(0, 10);
    return {
      ...base,
      existed: true,
      status: state.status,
      kind: state.kind,
      tenderId: state.tenderId || null,
      lotId: state.lotId,
      commissionerOrganisationId: state.commissionerOrganisationId,
      primeOrganisationId: state.primeOrganisationId,
      valuePence: state.valuePence,
      startDate: state.startDate,
      endDate: state.endDate,
      subcontracts: state.subcontracts.map((s) => ({
        subcontractId: s.subcontractId,
        parentSubcontractId: s.parentSubcontractId,
        organisationId: s.organisationId,
        tier: s.tier,
        valuePence: s.valuePence,
        scope: s.scope,
        area: s.area,
        startDate: s.startDate,
        endDate: s.endDate,
        status: s.status,
        deliveringOnTheDay: s.status === 'active' && s.startDate <= day && day <= s.endDate,
      })),
      ratings: state.ratings.map(({ period, rating }) => ({ period, rating })),
    };
  }
}

@QueryHandler(ContractTrailQuery)
export class ContractTrailHandler implements IQueryHandler<ContractTrailQuery, readonly AuditTrailEntry[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ contractId, reader }: ContractTrailQuery): Promise<readonly AuditTrailEntry[]> {
    await assertMayReadPast(this.store, contractId, reader);
    const entries: AuditTrailEntry[] = [];
    for await (const event of readStreamIfExists(this.store, contractStreamName(contractId))) entries.push(auditTrailEntryOf(event));
    return entries;
  }
}

export interface RecordedBy {
  readonly actor: Actor;
  readonly at: string;
}

export interface CitedEvidence {
  readonly ref: string;
  /** `return`, `rating` when the reference names this contract's recorded return or rating; `document` otherwise. */
  readonly kind: 'return' | 'rating' | 'document';
  readonly returns: readonly ReturnSubmitted['data'][];
  readonly rating: ContractRated['data'] | null;
}

export interface CaseValueForMoneyFigures {
  /** Over the returns the contract had received by the time of the decision (or now, while undecided). */
  readonly periods: readonly string[];
  readonly spendPence: number;
  readonly youngPeopleReached: number;
  readonly hoursDelivered: number;
  readonly costPerYoungPersonPence: number | null;
}

export interface DecommissioningCaseExplanation {
  readonly caseId: string;
  readonly opened: RecordedBy & { readonly reason: string; readonly evidenceRefs: readonly string[] };
  readonly response: (RecordedBy & { readonly response: string; readonly evidenceRefs: readonly string[] }) | null;
  readonly decision:
    | (RecordedBy & {
        readonly outcome: 'decommissioned';
        readonly rationale: string;
        readonly evidenceRefs: readonly string[];
        readonly noticePeriodDays: number;
        readonly endDate: string;
        readonly previousEndDate: string;
        readonly transition: readonly TransitionOutcome[];
      })
    | (RecordedBy & { readonly outcome: 'improvement_plan'; readonly rationale: string; readonly reviewDate: string })
    | null;
  readonly evidence: readonly CitedEvidence[];
  readonly valueForMoney: CaseValueForMoneyFigures;
}

export interface DecommissioningExplanationView {
  readonly contractId: string;
  readonly primeOrganisationId: string;
  readonly commissionerOrganisationId: string;
  readonly cases: readonly DecommissioningCaseExplanation[];
}

const recordedBy = (event: RecordedEvent): RecordedBy => ({ actor: event.metadata.actor, at: event.metadata.occurredAt });

/** `return:2026-Q2`, `return:<returnId>`, `rating:2026-Q2` or the bare period or id name recorded facts; anything else is a document. */
const citedEvidence = (ref: string, returns: readonly ReturnSubmitted['data'][], ratings: readonly ContractRated['data'][]): CitedEvidence => {
  const [prefix, rest] = ref.includes(':') ? [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)] : ['', ref];
  const key = rest.trim();
  const matchingReturns = prefix === 'rating' ? [] : returns.filter((r) => r.period === key || r.returnId === key);
  const rating = prefix === 'return' ? null : (ratings.find((r) => r.period === key) ?? null);
  if (prefix === 'return' || (prefix === '' && matchingReturns.length > 0)) return { ref, kind: 'return', returns: matchingReturns, rating: null };
  if (rating && (prefix === 'rating' || prefix === '')) return { ref, kind: 'rating', returns: [], rating };
  return { ref, kind: 'document', returns: [], rating: null };
};

const valueForMoney = (returns: readonly ReturnSubmitted['data'][]): CaseValueForMoneyFigures => {
  const spendPence = returns.reduce((sum, r) => sum + r.spendPence, 0);
  const youngPeopleReached = returns.reduce((sum, r) => sum + r.youngPeopleReached, 0);
  return {
    periods: [...new Set(returns.map((r) => r.period))].sort(),
    spendPence,
    youngPeopleReached,
    hoursDelivered: returns.reduce((sum, r) => sum + r.hoursDelivered, 0),
    costPerYoungPersonPence: youngPeopleReached === 0 ? null : Math.round(spendPence / youngPeopleReached),
  };
};

/** Names the reader in the event catalogue. */
export const DECOMMISSIONING_EXPLANATION_READER = 'decommissioning-explanation';

interface CaseInProgress {
  opened: DecommissioningCaseExplanation['opened'];
  response: DecommissioningCaseExplanation['response'];
  decision: DecommissioningCaseExplanation['decision'];
  /** Facts recorded by the time the case was decided; frozen at the decision. */
  returnsAtDecision: ReturnSubmitted['data'][] | null;
  ratingsAtDecision: ContractRated['data'][] | null;
}

/**
 * Each decommissioning case of a contract, from its events: the case and the evidence it cites (returns,
 * ratings and the value-for-money figures of the returns the council had when it decided), the prime's
 * response, the decision with its actor and rationale, and the transition plan.
 */
@QueryHandler(DecommissioningExplanationQuery)
export class DecommissioningExplanationHandler implements IQueryHandler<DecommissioningExplanationQuery, DecommissioningExplanationView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ contractId, reader }: DecommissioningExplanationQuery): Promise<DecommissioningExplanationView> {
    await assertMayReadPast(this.store, contractId, reader);
    const returns: ReturnSubmitted['data'][] = [];
    const ratings: ContractRated['data'][] = [];
    const cases = new Map<string, CaseInProgress>();
    let parties = { primeOrganisationId: '', commissionerOrganisationId: '' };
    for await (const recorded of readStreamIfExists(this.store, contractStreamName(contractId))) {
      const event = { type: recorded.type, data: recorded.data } as ContractEvent;
      switch (event.type) {
        case 'ContractCreated':
          parties = { primeOrganisationId: event.data.primeOrganisationId, commissionerOrganisationId: event.data.commissionerOrganisationId };
          break;
        case 'InternalAgreementMade':
          parties = { primeOrganisationId: event.data.inHouseOrganisationId, commissionerOrganisationId: event.data.commissionerOrganisationId };
          break;
        case 'ReturnSubmitted':
          returns.push(event.data);
          break;
        case 'ContractRated':
          ratings.push(event.data);
          break;
        case 'DecommissioningCaseOpened': {
          const data = (event as DecommissioningCaseOpened).data;
          cases.set(data.caseId, {
            opened: { ...recordedBy(recorded), reason: data.reason, evidenceRefs: data.evidenceRefs },
            response: null,
            decision: null,
            returnsAtDecision: null,
            ratingsAtDecision: null,
          });
          break;
        }
        case 'DecommissioningCaseAnswered': {
          const data = (event as DecommissioningCaseAnswered).data;
          const found = cases.get(data.caseId);
          if (found) found.response = { ...recordedBy(recorded), response: data.response, evidenceRefs: data.evidenceRefs };
          break;
        }
        case 'ImprovementPlanRequired': {
          const data = (event as ImprovementPlanRequired).data;
          const found = cases.get(data.caseId);
          if (found) {
            found.decision = { ...recordedBy(recorded), outcome: 'improvement_plan', rationale: data.rationale, reviewDate: data.reviewDate };
            found.returnsAtDecision = [...returns];
            found.ratingsAtDecision = [...ratings];
          }
          break;
        }
        case 'ContractDecommissioned': {
          const data = (event as ContractDecommissioned).data;
          const found = cases.get(data.caseId);
          if (found) {
            found.decision = {
              ...recordedBy(recorded),
              outcome: 'decommissioned',
              rationale: data.rationale,
              evidenceRefs: data.evidenceRefs,
              noticePeriodDays: data.noticePeriodDays,
              endDate: data.endDate,
              previousEndDate: data.previousEndDate,
              transition: data.transition,
            };
            found.returnsAtDecision = [...returns];
            found.ratingsAtDecision = [...ratings];
          }
          break;
        }
        default:
          break;
      }
    }
    return {
      contractId,
      ...parties,
      cases: [...cases.entries()].map(([caseId, c]) => {
        const knownReturns = c.returnsAtDecision ?? returns;
        const knownRatings = c.ratingsAtDecision ?? ratings;
        const refs = [...new Set([...c.opened.evidenceRefs, ...(c.response?.evidenceRefs ?? [])])];
        return {
          caseId,
          opened: c.opened,
          response: c.response,
          decision: c.decision,
          evidence: refs.map((ref) => citedEvidence(ref, knownReturns, knownRatings)),
          valueForMoney: valueForMoney(knownReturns),
        };
      }),
    };
  }
}

export const CONTRACT_AUDIT_QUERY_HANDLERS = [ContractAsOfHandler, ContractTrailHandler, DecommissioningExplanationHandler];
