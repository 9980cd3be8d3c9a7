/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { at, bidder, commissioner, rivalBidder, youthTrustRegistered, youthTrustSafeguarding } from '../testing/bidding.spec-fixtures';
import type { AddProviderMember, DeclareDueDiligence, RegisterProvider } from './provider.commands';
import { providerDecider, providerStreamName } from './provider.decider';
import type { ProviderMemberAdded } from './provider.events';

const spec = DeciderSpecification.for(providerDecider);
const REGISTERED_AT = '2026-01-05T09:00:00.000Z';
const DECLARED_AT = '2026-01-05T10:00:00.000Z';

const register = (overrides: Partial<RegisterProvider['data']> = {}, actor: Actor = bidder): RegisterProvider => ({
  type: 'RegisterProvider',
  data: {
    organisationId: 'org-youth-trust',
    name: ' Youth Trust ',
    kind: 'registered_charity',
    charityNumber: '1123456',
    companyNumber: null,
    schoolUrn: null,
    vcse: true,
    sme: true,
    serviceCategories: ['youth-work', ' youth-work'],
    serviceAreas: ['North locality'],
    registrantDisplayName: 'Dana',
    ...overrides,
  },
  metadata: at(REGISTERED_AT, actor),
});

const declare = (overrides: Partial<DeclareDueDiligence['data']> = {}, actor: Actor = bidder, now = DECLARED_AT): DeclareDueDiligence => ({
  type: 'DeclareDueDiligence',
  data: {
    organisationId: 'org-youth-trust',
    kind: 'safeguarding_policy',
    expiresAt: '2027-01-05T10:00:00Z',
    statement: ' Safeguarding policy reviewed by the trustees ',
    evidenceRefs: ['board-minute-2026-01'],
    ...overrides,
  },
  metadata: at(now, actor),
});

const addMember = (userId: string, role: AddProviderMember['data']['role'], actor: Actor = bidder): AddProviderMember => ({
  type: 'AddProviderMember',
  data: { organisationId: 'org-youth-trust', userId, displayName: 'Eli', role },
  metadata: at(DECLARED_AT, actor),
});

const memberAdded = (userId: string, role: AddProviderMember['data']['role']): ProviderMemberAdded => ({
  type: 'ProviderMemberAdded',
  data: { organisationId: 'org-youth-trust', member: { userId, displayName: 'Eli', role }, addedAt: DECLARED_AT },
});

const colleague: Actor = { userId: 'user-eli', role: 'provider', organisationId: 'org-youth-trust' };

describe('Provider (the registry record of an organisation)', () => {
  it('lives in a stream per organisation', () => {
    expect(providerStreamName('org-1')).toBe('provider-org-1');
  });

  describe('when registered', () => {
    it('records its kind, identifiers, flags, categories and areas, with the registrant as its first administrator', () => {
      spec.given([]).when(register()).then([youthTrustRegistered]);
    });

    it('is registered only once', () => {
      spec.given([youthTrustRegistered]).when(register()).thenThrows('PROVIDER_ALREADY_REGISTERED');
    });

    it('is registered by its own providers only', () => {
      spec.given([]).when(register({}, rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
      spec.given([]).when(register({}, commissioner)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
    });

    it("registers a council's in-house team by the council's commissioners", () => {
      const inHouse = register(
        { organisationId: 'org-leeds-council', kind: 'in_house', name: 'Leeds Youth Service', charityNumber: null, vcse: false, sme: false },
        commissioner,
      );
      spec.given([]).when(inHouse).then([
        {
          type: 'ProviderRegistered',
          data: {
            ...youthTrustRegistered.data,
            organisationId: 'org-leeds-council',
            name: 'Leeds Youth Service',
            kind: 'in_house',
            charityNumber: null,
            vcse: false,
            sme: false,
            firstMember: { userId: 'user-amara', displayName: 'Dana', role: 'administrator' },
          },
        },
      ]);
      spec.given([]).when({ ...inHouse, metadata: at(REGISTERED_AT, bidder) }).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
    });

    it('needs a name', () => {
      spec.given([]).when(register({ name: '  ' })).thenThrows('PROVIDER_NAME_REQUIRED');
    });

    it('refuses a registered charity without a charity number, or with a malformed one', () => {
      spec.given([]).when(register({ charityNumber: null })).thenThrows('CHARITY_NUMBER_REQUIRED');
      spec.given([]).when(register({ charityNumber: 'SC12' })).thenThrows('CHARITY_NUMBER_INVALID', { value: 'SC12' });
    });

    it('stores identifiers in their canonical form', () => {
      spec
        .given([])
        .when(register({ kind: 'community_interest_company', charityNumber: null, companyNumber: 'sc 123456' }))
        .then([{ type: 'ProviderRegistered', data: { ...youthTrustRegistered.data, kind: 'community_interest_company', charityNumber: null, companyNumber: 'SC123456' } }]);
    });

    it('refuses a company or CIC without a valid company number', () => {
      spec.given([]).when(register({ kind: 'private_company', charityNumber: null, vcse: false })).thenThrows('COMPANY_NUMBER_REQUIRED');
      spec.given([]).when(register({ kind: 'community_interest_company', companyNumber: 'ZZ123456' })).thenThrows('COMPANY_NUMBER_INVALID');
    });

    it('refuses a school without a six-digit URN', () => {
      spec.given([]).when(register({ kind: 'school', charityNumber: null, vcse: false })).thenThrows('SCHOOL_URN_REQUIRED');
      spec.given([]).when(register({ kind: 'school', charityNumber: null, vcse: false, schoolUrn: '12345' })).thenThrows('SCHOOL_URN_INVALID');
    });

    it('lets a group with no registered number register without one', () => {
      spec
        .given([])
        .when(register({ kind: 'voluntary_community_group', charityNumber: null }))
        .then([{ type: 'ProviderRegistered', data: { ...youthTrustRegistered.data, kind: 'voluntary_community_group', charityNumber: null } }]);
    });

    it('refuses a VCSE flag on a private company and an SME flag on a public body', () => {
      spec.given([]).when(register({ kind: 'private_company', charityNumber: null, companyNumber: '01234567' })).thenThrows('VCSE_FLAG_NOT_ALLOWED_FOR_KIND');
      spec.given([]).when(register({ kind: 'public_body', charityNumber: null, vcse: false })).thenThrows('SME_FLAG_NOT_ALLOWED_FOR_KIND');
    });
  });

  describe('when due diligence is declared', () => {
    it('records what was declared, the evidence and a canonical expiry', () => {
      spec.given([youthTrustRegistered]).when(declare()).then([youthTrustSafeguarding]);
    });

    it('needs an expiry in the future', () => {
      spec.given([youthTrustRegistered]).when(declare({ expiresAt: DECLARED_AT })).thenThrows('DUE_DILIGENCE_EXPIRY_MUST_BE_IN_THE_FUTURE');
      spec.given([youthTrustRegistered]).when(declare({ expiresAt: 'next year' })).thenThrows('DUE_DILIGENCE_EXPIRY_MUST_BE_IN_THE_FUTURE');
    });

    it('needs a statement and evidence', () => {
      spec.given([youthTrustRegistered]).when(declare({ evidenceRefs: [' '] })).thenThrows('DUE_DILIGENCE_EVIDENCE_REQUIRED');
      spec.given([youthTrustRegistered]).when(declare({ statement: '' })).thenThrows('DUE_DILIGENCE_EVIDENCE_REQUIRED');
    });

    it('is refused for an organisation not in the registry', () => {
      spec.given([]).when(declare()).thenThrows('PROVIDER_NOT_REGISTERED');
    });

    it('is made by members only, not by other signed-in users of the organisation or of others', () => {
      spec.given([youthTrustRegistered]).when(declare({}, colleague)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
      spec.given([youthTrustRegistered]).when(declare({}, rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_PROVIDER');
    });

    it('leaves safeguarding to its lead and accounts to finance', () => {
      spec.given([youthTrustRegistered, memberAdded('user-eli', 'finance')]).when(declare({}, colleague)).thenThrows('PROVIDER_MEMBER_ROLE_MAY_NOT_DO_THIS');
      spec
        .given([youthTrustRegistered, memberAdded('user-eli', 'finance')])
        .when(declare({ kind: 'latest_accounts' }, colleague))
        .then([{ type: 'DueDiligenceDeclared', data: { ...youthTrustSafeguarding.data, kind: 'latest_accounts' } }]);
    });
  });

  describe('when a member is added', () => {
    it('records the member and their role', () => {
      spec.given([youthTrustRegistered]).when(addMember('user-eli', 'bid_writer')).then([memberAdded('user-eli', 'bid_writer')]);
    });

    it('is done by an administrator only', () => {
      spec.given([youthTrustRegistered, memberAdded('user-eli', 'bid_writer')]).when(addMember('user-fay', 'finance', colleague)).thenThrows(
        'PROVIDER_MEMBER_ROLE_MAY_NOT_DO_THIS',
      );
    });

    it('refuses someone already a member', () => {
      spec.given([youthTrustRegistered]).when(addMember('user-dana', 'finance')).thenThrows('PROVIDER_MEMBER_ALREADY_ADDED');
    });
  });
});
