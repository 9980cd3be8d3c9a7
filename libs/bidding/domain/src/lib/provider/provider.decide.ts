import type { Actor } from '@tendril/shared/event-store';
import { actsForOrganisation } from '../actors';
import { BiddingRuleBroken } from '../bidding.errors';
import { parseInstant, toCanonicalInstant } from '../values/value-guards';
import { normaliseCharityNumber, normaliseCompanyNumber, normaliseSchoolUrn } from './provider-identifiers';
import type { AddProviderMember, DeclareDueDiligence, DueDiligenceKind, ProviderCommand, ProviderKind, ProviderMemberRole, RegisterProvider } from './provider.commands';
import type { DueDiligenceDeclared, ProviderEvent, ProviderMemberAdded, ProviderRegistered } from './provider.events';
import type { ProviderState, RegisteredProvider } from './provider.state';

// Kinds that must carry a public identifier, and kinds that cannot be VCSE or SME by definition.
const CHARITY_NUMBER_REQUIRED: readonly ProviderKind[] = ['registered_charity'];
const COMPANY_NUMBER_REQUIRED: readonly ProviderKind[] = ['community_interest_company', 'private_company'];
const SCHOOL_URN_REQUIRED: readonly ProviderKind[] = ['school'];
const NEVER_VCSE: readonly ProviderKind[] = ['private_company', 'public_body', 'in_house', 'school'];
const NEVER_SME: readonly ProviderKind[] = ['public_body', 'in_house'];

/** Who may declare what: safeguarding needs its lead, money matters the finance lead; administrators may declare all. */
const DECLARERS: Readonly<Record<DueDiligenceKind, readonly ProviderMemberRole[]>> = {
  safeguarding_policy: ['administrator', 'safeguarding_lead'],
  dbs_checks: ['administrator', 'safeguarding_lead'],
  insurance: ['administrator', 'finance'],
  latest_accounts: ['administrator', 'finance'],
};

/** A council's in-house team is registered and run by the council's commissioners; everyone else by their own providers. */
const actsFor = (actor: Actor, organisationId: string, kind: ProviderKind): boolean =>
  kind === 'in_house'
    ? actor.role === 'commissioner' && actor.organisationId === organisationId
    : actsForOrganisation(actor, organisationId);

const registered = (state: ProviderState, organisationId: string): RegisteredProvider => {
  if (state.status === 'unregistered') {
    throw new BiddingRuleBroken('PROVIDER_NOT_REGISTERED', `Organisation ${organisationId} is not in the provider registry`, { organisationId });
  }
  return state;
};

const memberRole = (provider: RegisteredProvider, actor: Actor): ProviderMemberRole => {
  const member = actsFor(actor, provider.organisationId, provider.kind) ? provider.members.find((m) => m.userId === actor.userId) : undefined;
  if (!member) {
    throw new BiddingRuleBroken('NOT_A_MEMBER_OF_THE_PROVIDER', `Only members of ${provider.name} may do this`, { organisationId: provider.organisationId });
  }
  return member.role;
};

const identifier = (
  value: string | null,
  required: boolean,
  normalise: (value: string) => string | null,
  codes: { required: 'CHARITY_NUMBER_REQUIRED' | 'COMPANY_NUMBER_REQUIRED' | 'SCHOOL_URN_REQUIRED'; invalid: 'CHARITY_NUMBER_INVALID' | 'COMPANY_NUMBER_INVALID' | 'SCHOOL_URN_INVALID' },
  explain: { required: string; invalid: string },
): string | null => {
  if (value === null || value.trim() === '') {
    if (required) throw new BiddingRuleBroken(codes.required, explain.required);
    return null;
  }
  const normalised = normalise(value);
  if (normalised === null) throw new BiddingRuleBroken(codes.invalid, explain.invalid, { value });
  return normalised;
};

const cleanList = (values: readonly string[]): string[] => [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];

const registerProvider = (command: RegisterProvider, state: ProviderState): ProviderRegistered => {
  const { data, metadata } = command;
  if (!actsFor(metadata.actor, data.organisationId, data.kind)) {
    throw new BiddingRuleBroken(
      'NOT_A_MEMBER_OF_THE_PROVIDER',
      data.kind === 'in_house' ? "Only the council's own commissioners may register its in-house team" : 'You may register only your own organisation',
      { organisationId: data.organisationId },
    );
  }
  if (state.status === 'registered') {
    throw new BiddingRuleBroken('PROVIDER_ALREADY_REGISTERED', `${state.name} is already registered`, { organisationId: data.organisationId });
  }
  const name = data.name.trim();
  if (name === '') throw new BiddingRuleBroken('PROVIDER_NAME_REQUIRED', "Give the organisation's name");
  const charityNumber = identifier(data.charityNumber, CHARITY_NUMBER_REQUIRED.includes(data.kind), normaliseCharityNumber,
    { required: 'CHARITY_NUMBER_REQUIRED', invalid: 'CHARITY_NUMBER_INVALID' },
    {
      required: 'A registered charity must give its charity number',
      invalid: 'A charity number is 6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC and 6 digits (Northern Ireland)',
    });
  const companyNumber = identifier(data.companyNumber, COMPANY_NUMBER_REQUIRED.includes(data.kind), normaliseCompanyNumber,
    { required: 'COMPANY_NUMBER_REQUIRED', invalid: 'COMPANY_NUMBER_INVALID' },
    {
      required: 'A company (including a CIC) must give its Companies House number',
      invalid: 'A company number is 8 digits, or a prefix such as SC, NI or OC followed by 6 digits',
    });
  const schoolUrn = identifier(data.schoolUrn, SCHOOL_URN_REQUIRED.includes(data.kind), normaliseSchoolUrn,
    { required: 'SCHOOL_URN_REQUIRED', invalid: 'SCHOOL_URN_INVALID' },
    { required: 'A school must give its unique reference number (URN)', invalid: 'A school URN is 6 digits' });
  if (data.vcse && NEVER_VCSE.includes(data.kind)) {
    throw new BiddingRuleBroken('VCSE_FLAG_NOT_ALLOWED_FOR_KIND', `A ${data.kind.replace(/_/g, ' ')} is not a voluntary, community or social enterprise`, { kind: data.kind });
  }
  if (data.sme && NEVER_SME.includes(data.kind)) {
    throw new BiddingRuleBroken('SME_FLAG_NOT_ALLOWED_FOR_KIND', `A ${data.kind.replace(/_/g, ' ')} is not a small or medium-sized enterprise`, { kind: data.kind });
  }
  return {
    type: 'ProviderRegistered',
    data: {
      organisationId: data.organisationId,
      name,
      kind: data.kind,
      charityNumber,
      companyNumber,
      schoolUrn,
      vcse: data.vcse,
      sme: data.sme,
      serviceCategories: cleanList(data.serviceCategories),
      serviceAreas: cleanList(data.serviceAreas),
      firstMember: { userId: metadata.actor.userId, displayName: data.registrantDisplayName.trim() || metadata.actor.userId, role: 'administrator' },
      registeredAt: metadata.now.toISOString(),
    },
  };
};

const declareDueDiligence = (command: DeclareDueDiligence, state: ProviderState): DueDiligenceDeclared => {
  const { data, metadata } = command;
  const provider = registered(state, data.organisationId);
  const role = memberRole(provider, metadata.actor);
  if (!DECLARERS[data.kind].includes(role)) {
    throw new BiddingRuleBroken('PROVIDER_MEMBER_ROLE_MAY_NOT_DO_THIS', `A ${role.replace(/_/g, ' ')} may not declare ${data.kind.replace(/_/g, ' ')}`, {
      role,
      kind: data.kind,
    });
  }
  const expiresAt = parseInstant(data.expiresAt);
  if (expiresAt === null || expiresAt <= metadata.now.getTime()) {
    throw new BiddingRuleBroken('DUE_DILIGENCE_EXPIRY_MUST_BE_IN_THE_FUTURE', 'A declaration must expire at a future instant (ISO-8601 with an offset)', {
      expiresAt: data.expiresAt,
    });
  }
  const evidenceRefs = cleanList(data.evidenceRefs);
  if (evidenceRefs.length === 0 || data.statement.trim() === '') {
    throw new BiddingRuleBroken('DUE_DILIGENCE_EVIDENCE_REQUIRED', 'Say what you declare and where the evidence is (a document, link or board minute)');
  }
  return {
    type: 'DueDiligenceDeclared',
    data: {
      organisationId: provider.organisationId,
      kind: data.kind,
      statement: data.statement.trim(),
      evidenceRefs,
      declaredAt: metadata.now.toISOString(),
      expiresAt: toCanonicalInstant(expiresAt),
    },
  };
};

const addProviderMember = (command: AddProviderMember, state: ProviderState): ProviderMemberAdded => {
  const { data, metadata } = command;
  const provider = registered(state, data.organisationId);
  if (memberRole(provider, metadata.actor) !== 'administrator') {
    throw new BiddingRuleBroken('PROVIDER_MEMBER_ROLE_MAY_NOT_DO_THIS', 'Only an administrator of the organisation may add members', { role: 'administrator' });
  }
  if (provider.members.some((m) => m.userId === data.userId)) {
    throw new BiddingRuleBroken('PROVIDER_MEMBER_ALREADY_ADDED', `User ${data.userId} is already a member`, { userId: data.userId });
  }
  return {
    type: 'ProviderMemberAdded',
    data: {
      organisationId: provider.organisationId,
      member: { userId: data.userId, displayName: data.displayName.trim() || data.userId, role: data.role },
      addedAt: metadata.now.toISOString(),
    },
  };
};

export const decideProvider = (command: ProviderCommand, state: ProviderState): readonly ProviderEvent[] => {
  switch (command.type) {
    case 'RegisterProvider':
      return [registerProvider(command, state)];
    case 'DeclareDueDiligence':
      return [declareDueDiligence(command, state)];
    case 'AddProviderMember':
      return [addProviderMember(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown provider command ${(unknown as { type: string }).type}`);
    }
  }
};
