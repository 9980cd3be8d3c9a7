import { BIDS_OPENED_V1, type BidsOpenedV1Data } from '@tendril/bidding/contracts';
import type { RecordedEvent } from '@tendril/shared/event-store';
import {
  CONTRACT_CREATED_V1,
  CONTRACT_TERMINATED_V1,
  CONTRACT_VARIED_V1,
  type ContractCreatedV1Data,
  type ContractTerminatedV1Data,
  type ContractVariedV1Data,
  STRAND_DECOMMISSIONED_V1,
  type StrandDecommissionedV1Data,
  SUBCONTRACT_ENDED_V1,
  SUBCONTRACT_VARIED_V1,
  type SubcontractEndedV1Data,
  SUBCONTRACTOR_ADDED_V1,
  type SubcontractorAddedV1Data,
  type SubcontractVariedV1Data,
} from '@tendril/subcontracting/contracts';
import { STRAND_RELEASED_V1, type StrandReleasedV1Data } from '@tendril/tender/contracts';
import type {
  ClarificationAnsweredData,
  LotAwardedData,
  TenderCancelledData,
  TenderClosedData,
  TenderDocument,
  TenderDocumentAmendedData,
  TenderPublishedData,
  TenderDeadlineExtendedData,
  AwardProposedData,
  AwardWithdrawnData,
} from '@tendril/tender/domain';
import type { JsonObject, JsonValue } from './ocds-merge';
import { inLogOrder, type OrganisationDirectory, type TenderEventSources } from './ocds-sources';

export type OcdsReleaseTag =
  | 'planning'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'awardUpdate'
  | 'awardCancellation'
  | 'contract'
  | 'contractAmendment'
  | 'implementation'
  | 'contractTermination';

/** How this platform publishes: its OCID prefix (registered with the Open Contracting Partnership) and its name. */
export interface OcdsPublisher {
  /** e.g. `ocds-tndrl1`; a tender's ocid is `<prefix>-<tenderId>`. */
  readonly ocidPrefix: string;
  readonly name: string;
  readonly uri: string;
}

/** The name the event catalogue lists the open-data export under (with the trail, the source reader and the queries). */
export const OPEN_DATA_EXPORT = 'tender-open-data';

export const ocidFor = (ocidPrefix: string, tenderId: string): string => `${ocidPrefix}-${tenderId}`;

const CURRENCY = 'GBP';
const money = (pence: number): JsonObject => ({ amount: pence / 100, currency: CURRENCY });
/** Contract dates are calendar days (`YYYY-MM-DD`): a period runs from the start of its first day to the end of its last. */
const startOfDay = (day: string): string => `${day}T00:00:00Z`;
const endOfDay = (day: string): string => `${day}T23:59:59Z`;

/** RFC 6920 `ni` URI naming a document by its SHA-256: anyone holding a copy can check it is the published one. */
const contentAddress = (sha256Hex: string): string => `ni:///sha-256;${Buffer.from(sha256Hex, 'hex').toString('base64url')}`;

const DOCUMENT_TYPE: Readonly<Record<TenderDocument['kind'], string | null>> = {
  specification: 'technicalSpecifications',
  terms: 'contractDraft',
  other: null,
};

interface PartyState {
  readonly id: string;
  readonly roles: Set<string>;
}

interface DocumentState {
  readonly document: TenderDocument;
  readonly datePublished: string;
  dateModified: string | null;
  contentHash: string;
}

interface LotState {
  readonly id: string;
  readonly title: string;
  readonly estimatedValuePence: number;
  status: 'active' | 'complete' | 'cancelled' | 'unsuccessful';
}

interface SubcontractState {
  readonly id: string;
  readonly subcontractorOrganisationId: string;
  readonly parentOrganisationId: string;
  readonly tier: number;
  valuePence: number;
  scope: string;
  area: string;
  endDate: string;
  endedAt: string | null;
  endReason: string | null;
}

interface AwardState {
  readonly id: string;
  readonly lotId: string;
  readonly bidId: string;
  readonly supplierOrganisationId: string;
  readonly valuePence: number;
  readonly rationale: string;
  readonly date: string;
  readonly contractStartDate: string;
  readonly contractEndDate: string;
  status: 'pending' | 'active' | 'cancelled';
  contractValuePence: number | null;
  readonly subcontracts: SubcontractState[];
}

interface AmendmentState {
  readonly id: string;
  readonly date: string;
  readonly rationale: string;
  readonly description: string;
}

interface MilestoneState {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly dueDate: string;
}

interface ContractState {
  readonly id: string;
  readonly awardId: string;
  readonly lotId: string;
  readonly dateSigned: string;
  readonly startDate: string;
  endDate: string;
  valuePence: number;
  status: 'active' | 'terminated';
  readonly amendments: AmendmentState[];
  readonly milestones: MilestoneState[];
}

interface ProcessState {
  readonly ocid: string;
  published: TenderPublishedData | null;
  planning: JsonObject | null;
  status: 'active' | 'complete' | 'cancelled' | 'unsuccessful';
  readonly lots: LotState[];
  readonly documents: DocumentState[];
  readonly tenderAmendments: AmendmentState[];
  hasEnquiries: boolean;
  closedAt: string | null;
  awardPeriodEnd: string | null;
  tenderers: readonly string[] | null;
  readonly parties: Map<string, PartyState>;
  readonly awards: AwardState[];
  readonly contracts: ContractState[];
}

export interface OcdsRelease extends JsonObject {
  ocid: string;
  id: string;
  date: string;
  tag: OcdsReleaseTag[];
}

type Section = 'planning' | 'tender' | 'awards' | 'contracts';

interface Emission {
  readonly tags: OcdsReleaseTag[];
  readonly date: string;
  readonly sections: readonly Section[];
}

const addRole = (state: ProcessState, organisationId: string, role: string) => {
  const party = state.parties.get(organisationId) ?? { id: organisationId, roles: new Set<string>() };
  party.roles.add(role);
  state.parties.set(organisationId, party);
};

const awardIdFor = (lotId: string, bidId: string): string => `${lotId}/${bidId}`;

/** When the bids were unsealed: never before the submission deadline, whatever the events say. */
const mayRevealTenderers = (state: ProcessState, openedAt: string, asOf: string): boolean => {
  const deadline = state.published?.submissionDeadline;
  return deadline !== undefined && openedAt >= deadline && asOf >= deadline;
};

const findContract = (state: ProcessState, contractId: string) => state.contracts.find((contract) => contract.id === contractId);
const awardOfContract = (state: ProcessState, contract: ContractState) => state.awards.find((award) => award.id === contract.awardId);

/** Applies one recorded fact to the process; answers the release it makes, or null when it publishes nothing. */
const apply = (state: ProcessState, event: RecordedEvent, asOf: string, strandId: string | null): Emission | null => {
  switch (event.type) {
    case STRAND_RELEASED_V1: {
      const d = event.data as StrandReleasedV1Data;
      if (d.strandId !== strandId) return null;
      state.planning = {
        rationale: `Commissioning plan strand "${d.name}"${d.area ? ` (${d.area})` : ''}, released for ${d.deliveryModel === 'mixed' ? 'mixed in-house and external' : d.deliveryModel.replace('_', '-')} delivery.`,
        budget: { id: d.strandId, description: d.name, amount: money(d.budgetPence), projectID: d.planId },
        milestones: d.outcomeMeasures.map((measure) => ({
          id: `outcome-${measure.measureId}`,
          title: measure.name,
          type: 'assessment',
          description: `Outcome target: ${measure.target}`,
          status: 'scheduled',
        })),
      };
      addRole(state, d.organisationId, 'buyer');
      return { tags: ['planning'], date: d.releasedAt, sections: ['planning'] };
    }
    case 'TenderPublished': {
      const d = event.data as TenderPublishedData;
      state.published = d;
      state.lots.push(...d.lots.map((lot): LotState => ({ id: lot.lotId, title: lot.title, estimatedValuePence: lot.estimatedValuePence, status: 'active' })));
      state.documents.push(...(d.documents ?? []).map((document): DocumentState => ({ document, datePublished: d.publishedAt, dateModified: null, contentHash: document.contentHash })));
      addRole(state, d.organisationId, 'buyer');
      addRole(state, d.organisationId, 'procuringEntity');
      return { tags: ['tender'], date: d.publishedAt, sections: ['tender'] };
    }
    case 'TenderDocumentAmended': {
      const d = event.data as TenderDocumentAmendedData;
      const document = state.documents.find((candidate) => candidate.document.documentId === d.documentId);
      if (document) {
        document.contentHash = d.contentHash;
        document.dateModified = d.amendedAt;
      }
      state.tenderAmendments.push({
        id: `document-${d.documentId}-${d.contentHash.slice(0, 12)}`,
        date: d.amendedAt,
        rationale: d.summary,
        description: `Document ${d.documentId} changed from SHA-256 ${d.previousContentHash} to ${d.contentHash}.`,
      });
      return { tags: ['tenderAmendment'], date: d.amendedAt, sections: ['tender'] };
    }
    case 'TenderDeadlineExtended': {
      const d = event.data as TenderDeadlineExtendedData;
      if (state.published) state.published = { ...state.published, submissionDeadline: d.submissionDeadline, clarificationDeadline: d.clarificationDeadline };
      state.tenderAmendments.push({
        id: `deadline-${d.submissionDeadline}`,
        date: d.extendedAt,
        rationale: d.reason,
        description: `The submission deadline moved from ${d.previousSubmissionDeadline} to ${d.submissionDeadline}.`,
      });
      return { tags: ['tenderAmendment'], date: d.extendedAt, sections: ['tender'] };
    }
    // A proposed award is published as pending while its standstill runs; the final award makes it active.
    case 'AwardProposed': {
      const d = event.data as AwardProposedData;
      const id = awardIdFor(d.lotId, d.bidId);
      const previous = state.awards.findIndex((award) => award.id === id);
      if (previous >= 0) state.awards.splice(previous, 1);
      state.awards.push({
        id,
        lotId: d.lotId,
        bidId: d.bidId,
        supplierOrganisationId: d.supplierOrganisationId,
        valuePence: d.valuePence,
        rationale: d.rationale,
        date: d.proposedAt,
        contractStartDate: d.contractStartDate,
        contractEndDate: d.contractEndDate,
        status: 'pending',
        contractValuePence: null,
        subcontracts: [],
      });
      return { tags: ['award'], date: d.proposedAt, sections: ['awards'] };
    }
    case 'AwardWithdrawn': {
      const d = event.data as AwardWithdrawnData;
      const award = state.awards.find((candidate) => candidate.id === awardIdFor(d.lotId, d.bidId));
      if (!award) return null;
      award.status = 'cancelled';
      return { tags: ['awardUpdate'], date: d.withdrawnAt, sections: ['awards'] };
    }
    case 'ClarificationAnswered': {
      const d = event.data as ClarificationAnsweredData;
      state.hasEnquiries = true;
      return { tags: ['tenderUpdate'], date: d.answeredAt, sections: ['tender'] };
    }
    case 'TenderClosed': {
      const d = event.data as TenderClosedData;
      state.closedAt = d.closedAt;
      return { tags: ['tenderUpdate'], date: d.closedAt, sections: ['tender'] };
    }
    case BIDS_OPENED_V1: {
      const d = event.data as BidsOpenedV1Data;
      if (!mayRevealTenderers(state, d.openedAt, asOf)) return null;
      const tenderers = [...new Set(d.bids.map((bid) => bid.organisationId))];
      state.tenderers = tenderers;
      for (const organisationId of tenderers) addRole(state, organisationId, 'tenderer');
      return { tags: ['tenderUpdate'], date: d.openedAt, sections: ['tender'] };
    }
    case 'LotAwarded': {
      const d = event.data as LotAwardedData;
      const id = awardIdFor(d.lotId, d.bidId);
      const existing = state.awards.find((award) => award.id === id);
      if (existing) existing.status = 'active';
      else {
        state.awards.push({
          id,
          lotId: d.lotId,
          bidId: d.bidId,
          supplierOrganisationId: d.supplierOrganisationId,
          valuePence: d.valuePence,
          rationale: d.rationale,
          date: d.awardedAt,
          contractStartDate: d.contractStartDate,
          contractEndDate: d.contractEndDate,
          status: 'active',
          contractValuePence: null,
          subcontracts: [],
        });
      }
      addRole(state, d.supplierOrganisationId, 'supplier');
      const lot = state.lots.find((candidate) => candidate.id === d.lotId);
      if (lot) lot.status = 'complete';
      if (state.lots.every((candidate) => candidate.status === 'complete')) {
        state.status = 'complete';
        state.awardPeriodEnd = d.awardedAt;
      }
      return { tags: ['award'], date: d.awardedAt, sections: ['tender', 'awards'] };
    }
    case 'TenderCancelled': {
      const d = event.data as TenderCancelledData;
      state.status = 'cancelled';
      for (const lot of state.lots) if (lot.status === 'active') lot.status = 'cancelled';
      state.tenderAmendments.push({ id: 'cancellation', date: d.cancelledAt, rationale: d.reason, description: 'The tender was cancelled.' });
      return { tags: ['tenderCancellation'], date: d.cancelledAt, sections: ['tender'] };
    }
    case 'TenderDeclaredUnsuccessful': {
      const d = event.data as { reason: string; declaredAt: string };
      state.status = 'unsuccessful';
      for (const lot of state.lots) if (lot.status === 'active') lot.status = 'unsuccessful';
      state.tenderAmendments.push({ id: 'unsuccessful', date: d.declaredAt, rationale: d.reason, description: 'The competition ended without an award.' });
      return { tags: ['tenderUpdate'], date: d.declaredAt, sections: ['tender'] };
    }
    case CONTRACT_CREATED_V1: {
      const d = event.data as ContractCreatedV1Data;
      const awardId = awardIdFor(d.lotId, d.bidId);
      state.contracts.push({
        id: d.contractId,
        awardId,
        lotId: d.lotId,
        dateSigned: d.createdAt,
        startDate: d.startDate,
        endDate: d.endDate,
        valuePence: d.valuePence,
        status: 'active',
        amendments: [],
        milestones: [],
      });
      const award = state.awards.find((candidate) => candidate.id === awardId);
      if (award) award.contractValuePence = d.valuePence;
      addRole(state, d.primeOrganisationId, 'supplier');
      return { tags: ['contract'], date: d.createdAt, sections: ['contracts'] };
    }
    case CONTRACT_VARIED_V1: {
      const d = event.data as ContractVariedV1Data;
      const contract = findContract(state, d.contractId);
      if (!contract) return null;
      if (d.changes.valuePence !== undefined) contract.valuePence = d.changes.valuePence;
      if (d.changes.endDate !== undefined) contract.endDate = d.changes.endDate;
      const award = awardOfContract(state, contract);
      if (award) award.contractValuePence = contract.valuePence;
      contract.amendments.push({ id: d.variationId, date: d.variedAt, rationale: d.reason, description: describeChanges(d) });
      return { tags: ['contractAmendment'], date: d.variedAt, sections: ['awards', 'contracts'] };
    }
    case CONTRACT_TERMINATED_V1: {
      const d = event.data as ContractTerminatedV1Data;
      const contract = findContract(state, d.contractId);
      if (!contract) return null;
      contract.status = 'terminated';
      contract.amendments.push({ id: 'termination', date: d.terminatedAt, rationale: d.reason, description: 'The contract was terminated.' });
      return { tags: ['contractTermination'], date: d.terminatedAt, sections: ['contracts'] };
    }
    case STRAND_DECOMMISSIONED_V1: {
      const d = event.data as StrandDecommissionedV1Data;
      const contract = findContract(state, d.contractId);
      if (!contract) return null;
      contract.endDate = d.endDate;
      contract.amendments.push({
        id: `decommissioning-${d.caseId}`,
        date: d.decidedAt,
        rationale: d.rationale,
        description: `The strand was decommissioned with ${d.noticePeriodDays} days' notice; the contract ends on ${d.endDate} and the lot will be re-tendered.`,
      });
      contract.milestones.push({
        id: `handover-${d.caseId}`,
        title: 'Hand-over of the decommissioned service',
        description: describeTransition(d),
        dueDate: endOfDay(d.endDate),
      });
      return { tags: ['contractAmendment', 'implementation'], date: d.decidedAt, sections: ['contracts'] };
    }
    case SUBCONTRACTOR_ADDED_V1: {
      const d = event.data as SubcontractorAddedV1Data;
      const award = awardForContractId(state, d.contractId);
      if (!award) return null;
      award.subcontracts.push({
        id: d.subcontractId,
        subcontractorOrganisationId: d.subcontractorOrganisationId,
        parentOrganisationId: d.parentOrganisationId,
        tier: d.tier,
        valuePence: d.valuePence,
        scope: d.scope,
        area: d.area,
        endDate: d.endDate,
        endedAt: null,
        endReason: null,
      });
      addRole(state, d.subcontractorOrganisationId, 'subcontractor');
      return { tags: ['awardUpdate'], date: d.addedAt, sections: ['awards'] };
    }
    case SUBCONTRACT_VARIED_V1: {
      const d = event.data as SubcontractVariedV1Data;
      const subcontract = awardForContractId(state, d.contractId)?.subcontracts.find((candidate) => candidate.id === d.subcontractId);
      if (!subcontract) return null;
      if (d.changes.valuePence !== undefined) subcontract.valuePence = d.changes.valuePence;
      if (d.changes.endDate !== undefined) subcontract.endDate = d.changes.endDate;
      if (d.changes.scope !== undefined) subcontract.scope = d.changes.scope;
      if (d.changes.area !== undefined) subcontract.area = d.changes.area;
      return { tags: ['awardUpdate'], date: d.variedAt, sections: ['awards'] };
    }
    case SUBCONTRACT_ENDED_V1: {
      const d = event.data as SubcontractEndedV1Data;
      const subcontract = awardForContractId(state, d.contractId)?.subcontracts.find((candidate) => candidate.id === d.subcontractId);
      if (!subcontract) return null;
      subcontract.endedAt = d.endedAt;
      subcontract.endReason = d.reason;
      return { tags: ['awardUpdate'], date: d.endedAt, sections: ['awards'] };
    }
    default:
      // Facts that are not open data (clarification questions, evaluation scores, anonymous bid arrivals)
      // and event types this mapping does not know yet publish nothing.
      return null;
  }
};

const awardForContractId = (state: ProcessState, contractId: string) => {
  const contract = findContract(state, contractId);
  return contract ? awardOfContract(state, contract) : undefined;
};

const describeChanges = (d: ContractVariedV1Data): string => {
  const parts: string[] = [];
  if (d.changes.valuePence !== undefined) parts.push(`value from ${(d.previous.valuePence ?? 0) / 100} to ${d.changes.valuePence / 100} ${CURRENCY}`);
  if (d.changes.endDate !== undefined) parts.push(`end date from ${d.previous.endDate ?? 'unset'} to ${d.changes.endDate}`);
  if (d.changes.scope !== undefined) parts.push(`scope to "${d.changes.scope}"`);
  if (d.changes.area !== undefined) parts.push(`area to ${d.changes.area}`);
  return `Variation ${d.variationId} changed the ${parts.length > 0 ? parts.join('; ') : 'terms'}.`;
};

const describeTransition = (d: StrandDecommissionedV1Data): string => {
  if (d.transition.length === 0) return `The prime delivers until ${d.endDate}; no subcontracts to transfer.`;
  const outcomes = d.transition.map((step) => {
    if (step.outcome === 'moves-to-prime') return `subcontract ${step.subcontractId} moves to contract ${step.toContractId}`;
    if (step.outcome === 'moves-in-house') return `subcontract ${step.subcontractId} moves in-house`;
    return `subcontract ${step.subcontractId} ends`;
  });
  return `The prime delivers until ${d.endDate}; ${outcomes.join('; ')}.`;
};

const organisationReference = (organisations: OrganisationDirectory, id: string): JsonObject => {
  const name = organisations.get(id)?.name;
  return name === undefined ? { id } : { id, name };
};

const partiesOf = (state: ProcessState, organisations: OrganisationDirectory): JsonValue[] =>
  [...state.parties.values()].map((party) => {
    const details = organisations.get(party.id);
    const [identifier, ...additional] = details?.identifiers ?? [];
    return {
      id: party.id,
      ...(details ? { name: details.name } : {}),
      ...(identifier ? { identifier: { scheme: identifier.scheme, id: identifier.id, ...(details ? { legalName: details.name } : {}) } } : {}),
      ...(additional.length > 0 ? { additionalIdentifiers: additional.map((extra) => ({ scheme: extra.scheme, id: extra.id })) } : {}),
      roles: [...party.roles],
    };
  });

const amendmentsOf = (amendments: readonly AmendmentState[]): JsonValue[] =>
  amendments.map((amendment) => ({ id: amendment.id, date: amendment.date, rationale: amendment.rationale, description: amendment.description }));

const tenderSection = (state: ProcessState, published: TenderPublishedData, organisations: OrganisationDirectory): JsonObject => {
  const criteria = published.criteria.map((criterion) => `${criterion.name} (${criterion.kind.replace('_', ' ')}) ${criterion.weightPercent}%`).join('; ');
  const eligibility = [
    published.reservedParticipation ? 'Participation is reserved for mutuals and social enterprises delivering public services.' : null,
    published.suitableForVcse ? 'Suitable for voluntary, community and social enterprise (VCSE) organisations.' : null,
  ].filter((text): text is string => text !== null);
  return {
    id: published.tenderId,
    title: published.title,
    description: published.description,
    status: state.status,
    procuringEntity: organisationReference(organisations, published.organisationId),
    items: state.lots.map((lot) => ({ id: lot.id, description: lot.title, relatedLot: lot.id })),
    value: money(state.lots.reduce((sum, lot) => sum + lot.estimatedValuePence, 0)),
    procurementMethod: 'open',
    procurementMethodDetails: published.lightTouchRegime ? 'Light-touch regime for social and other specific services' : 'Open procedure',
    mainProcurementCategory: 'services',
    awardCriteria: 'ratedCriteria',
    awardCriteriaDetails: criteria,
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: published.publishedAt, endDate: published.submissionDeadline },
    enquiryPeriod: { startDate: published.publishedAt, endDate: published.clarificationDeadline ?? published.submissionDeadline },
    hasEnquiries: state.hasEnquiries,
    ...(eligibility.length > 0 ? { eligibilityCriteria: eligibility.join(' ') } : {}),
    ...(state.closedAt !== null ? { awardPeriod: { startDate: state.closedAt, ...(state.awardPeriodEnd !== null ? { endDate: state.awardPeriodEnd } : {}) } } : {}),
    ...(state.tenderers !== null
      ? { numberOfTenderers: state.tenderers.length, tenderers: state.tenderers.map((id) => organisationReference(organisations, id)) }
      : {}),
    documents: state.documents.map(({ document, datePublished, dateModified, contentHash }) => ({
      id: document.documentId,
      ...(DOCUMENT_TYPE[document.kind] !== null ? { documentType: DOCUMENT_TYPE[document.kind] } : {}),
      title: document.title,
      description: `SHA-256 of the content: ${contentHash}`,
      url: contentAddress(contentHash),
      datePublished,
      ...(dateModified !== null ? { dateModified } : {}),
      language: 'en',
    })),
    amendments: amendmentsOf(state.tenderAmendments),
    lots: state.lots.map((lot) => ({ id: lot.id, title: lot.title, status: lot.status, value: money(lot.estimatedValuePence) })),
  };
};

const subcontractingOf = (award: AwardState, organisations: OrganisationDirectory): JsonObject => {
  const live = award.subcontracts.filter((subcontract) => subcontract.endedAt === null);
  const direct = live.filter((subcontract) => subcontract.tier === 1).reduce((sum, subcontract) => sum + subcontract.valuePence, 0);
  const contractValue = award.contractValuePence ?? award.valuePence;
  const share = contractValue > 0 ? Math.min(1, Math.round((direct / contractValue) * 10_000) / 10_000) : 0;
  const lines = award.subcontracts.map((subcontract) => {
    const who = organisations.get(subcontract.subcontractorOrganisationId)?.name ?? subcontract.subcontractorOrganisationId;
    const status = subcontract.endedAt === null ? `until ${subcontract.endDate}` : `ended ${subcontract.endedAt.slice(0, 10)}: ${subcontract.endReason ?? ''}`;
    return `Tier ${subcontract.tier}: ${who}, ${subcontract.scope} in ${subcontract.area}, ${subcontract.valuePence / 100} ${CURRENCY} (${status})`;
  });
  return {
    description: lines.join('\n'),
    value: money(direct),
    ...(share > 0 ? { minimumPercentage: share, maximumPercentage: share } : {}),
    subcontracts: award.subcontracts.map((subcontract) => ({
      id: subcontract.id,
      subcontractor: organisationReference(organisations, subcontract.subcontractorOrganisationId),
      tenderers: [organisationReference(organisations, subcontract.parentOrganisationId)],
    })),
  };
};

const awardsSection = (state: ProcessState, organisations: OrganisationDirectory): JsonValue[] =>
  state.awards.map((award) => {
    const lot = state.lots.find((candidate) => candidate.id === award.lotId);
    return {
      id: award.id,
      title: `Award of ${lot ? `lot "${lot.title}"` : `lot ${award.lotId}`}`,
      description: award.rationale,
      status: award.status,
      date: award.date,
      value: money(award.valuePence),
      suppliers: [organisationReference(organisations, award.supplierOrganisationId)],
      contractPeriod: { startDate: startOfDay(award.contractStartDate), endDate: endOfDay(award.contractEndDate) },
      relatedLots: [award.lotId],
      hasSubcontracting: award.subcontracts.some((subcontract) => subcontract.endedAt === null),
      ...(award.subcontracts.length > 0 ? { subcontracting: subcontractingOf(award, organisations) } : {}),
    };
  });

const contractsSection = (state: ProcessState): JsonValue[] =>
  state.contracts.map((contract) => {
    const lot = state.lots.find((candidate) => candidate.id === contract.lotId);
    return {
      id: contract.id,
      awardID: contract.awardId,
      title: `Contract for ${lot ? `lot "${lot.title}"` : `lot ${contract.lotId}`}`,
      status: contract.status,
      period: { startDate: startOfDay(contract.startDate), endDate: endOfDay(contract.endDate) },
      value: money(contract.valuePence),
      dateSigned: contract.dateSigned,
      amendments: amendmentsOf(contract.amendments),
      implementation: {
        milestones: contract.milestones.map((milestone) => ({
          id: milestone.id,
          title: milestone.title,
          type: 'delivery',
          description: milestone.description,
          dueDate: milestone.dueDate,
          status: 'scheduled',
        })),
      },
    };
  });

export interface OcdsReleaseOptions {
  readonly publisher: OcdsPublisher;
  readonly organisations: OrganisationDirectory;
  /** The moment of publication; tenderers are never published before the submission deadline. */
  readonly asOf: string;
}

/**
 * The OCDS 1.1.5 releases of one tender, oldest first: one per published fact (planning, tender notice,
 * amendments and updates, awards, contracts and their amendments, implementation), each carrying the full
 * current state of the sections it changes, so merging them gives the state of the process. Release ids
 * are the recorded events' ids: stable across exports and rebuilds.
 */
export const buildOcdsReleases = (sources: TenderEventSources, options: OcdsReleaseOptions): OcdsRelease[] => {
  const published = sources.tenderEvents.find((event) => event.type === 'TenderPublished')?.data as TenderPublishedData | undefined;
  if (!published) return [];
  const state: ProcessState = {
    ocid: ocidFor(options.publisher.ocidPrefix, published.tenderId),
    published: null,
    planning: null,
    status: 'active',
    lots: [],
    documents: [],
    tenderAmendments: [],
    hasEnquiries: false,
    closedAt: null,
    awardPeriodEnd: null,
    tenderers: null,
    parties: new Map(),
    awards: [],
    contracts: [],
  };
  const releases: OcdsRelease[] = [];
  for (const event of inLogOrder(sources)) {
    if (event.metadata.occurredAt > options.asOf) break;
    const emission = apply(state, event, options.asOf, published.strandId ?? null);
    if (emission === null) continue;
    const release: OcdsRelease = {
      ocid: state.ocid,
      id: `${emission.tags[0]}-${event.metadata.eventId}`,
      date: emission.date,
      tag: emission.tags,
      initiationType: 'tender',
      language: 'en',
      parties: partiesOf(state, options.organisations),
      buyer: organisationReference(options.organisations, published.organisationId),
    };
    if (emission.sections.includes('planning') && state.planning !== null) release['planning'] = state.planning;
    if (emission.sections.includes('tender') && state.published !== null) release['tender'] = tenderSection(state, state.published, options.organisations);
    if (emission.sections.includes('awards')) release['awards'] = awardsSection(state, options.organisations);
    if (emission.sections.includes('contracts')) release['contracts'] = contractsSection(state);
    releases.push(release);
  }
  return releases;
};
