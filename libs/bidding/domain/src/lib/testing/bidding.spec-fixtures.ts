// Shared data for the bidding specs (not exported from the library).
import type { CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { BidSubmitted } from '../bid/bid.events';
import type { CompetitionOpened } from '../competition/competition.events';
import type { DueDiligenceDeclared, ProviderEvent, ProviderRegistered } from '../provider/provider.events';
import { evolveProvider, initialProviderState, type ProviderState } from '../provider/provider.state';

export const DEADLINE = '2026-03-01T12:00:00.000Z';
export const BEFORE_DEADLINE = '2026-02-10T09:00:00.000Z';
export const JUST_BEFORE_DEADLINE = '2026-03-01T11:59:59.999Z';
export const AFTER_DEADLINE = '2026-03-01T12:00:05.000Z';

export const bidder: Actor = { userId: 'user-dana', role: 'provider', organisationId: 'org-youth-trust' };
export const bidderColleague: Actor = { userId: 'user-eli', role: 'prime', organisationId: 'org-youth-trust' };
export const rivalBidder: Actor = { userId: 'user-fen', role: 'provider', organisationId: 'org-sports-cic' };
export const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
export const otherCommissioner: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
export const auditor: Actor = { userId: 'user-gus', role: 'auditor', organisationId: null };
export const admin: Actor = { userId: 'user-hal', role: 'admin', organisationId: null };
export const youthPanel: Actor = { userId: 'user-ivy', role: 'youth_panel', organisationId: 'org-leeds-council' };
export const platform: Actor = { userId: 'platform', role: 'system', organisationId: null };

export const at = (now: string, actor: Actor): CommandMetadata => ({ now: new Date(now), actor, correlationId: 'corr-1' });

export const competitionOpened: CompetitionOpened = {
  type: 'CompetitionOpened',
  data: {
    tenderId: 'tender-1',
    commissionerOrganisationId: 'org-leeds-council',
    lotIds: ['lot-north', 'lot-south'],
    answerableCriterionIds: ['crit-quality', 'crit-social'],
    submissionDeadline: DEADLINE,
    openedAt: '2026-02-01T09:00:00.000Z',
  },
};

export const bidSubmitted: BidSubmitted = {
  type: 'BidSubmitted',
  data: {
    bidId: 'bid-1',
    tenderId: 'tender-1',
    lotId: 'lot-north',
    organisationId: 'org-youth-trust',
    commissionerOrganisationId: 'org-leeds-council',
    submissionDeadline: DEADLINE,
    answerableCriterionIds: ['crit-quality', 'crit-social'],
    pricePence: 9_950_000,
    qualityAnswers: [{ criterionId: 'crit-quality', answer: 'Trained mentors in every ward' }],
    socialValueCommitments: 'Two apprenticeships for local care leavers',
    subcontractors: [],
    consortium: null,
    submittedAt: BEFORE_DEADLINE,
  },
};

export const youthTrustRegistered: ProviderRegistered = {
  type: 'ProviderRegistered',
  data: {
    organisationId: 'org-youth-trust',
    name: 'Youth Trust',
    kind: 'registered_charity',
    charityNumber: '1123456',
    companyNumber: null,
    schoolUrn: null,
    vcse: true,
    sme: true,
    serviceCategories: ['youth-work'],
    serviceAreas: ['North locality'],
    firstMember: { userId: 'user-dana', displayName: 'Dana', role: 'administrator' },
    registeredAt: '2026-01-05T09:00:00.000Z',
  },
};

/** Valid from January 2026 to January 2027, so current at every instant the bid specs use. */
export const youthTrustSafeguarding: DueDiligenceDeclared = {
  type: 'DueDiligenceDeclared',
  data: {
    organisationId: 'org-youth-trust',
    kind: 'safeguarding_policy',
    statement: 'Safeguarding policy reviewed by the trustees',
    evidenceRefs: ['board-minute-2026-01'],
    declaredAt: '2026-01-05T10:00:00.000Z',
    expiresAt: '2027-01-05T10:00:00.000Z',
  },
};

export const providerOf = (...events: ProviderEvent[]): ProviderState => events.reduce(evolveProvider, initialProviderState());

/** The youth trust, registered with a current safeguarding declaration: free to bid. */
export const eligibleBidder = (): ProviderState => providerOf(youthTrustRegistered, youthTrustSafeguarding);
