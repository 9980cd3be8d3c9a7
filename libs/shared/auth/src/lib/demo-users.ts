import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidCredentialsError } from './auth.errors';
import type { AuthenticatedUser, HumanRole } from './authenticated-user';

export type DemoOrganisationKind =
  | 'council'
  | 'youth_charity'
  | 'community_group'
  | 'social_enterprise'
  | 'social_landlord'
  | 'school'
  | 'public_body'
  | 'private_company';

export interface DemoOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: DemoOrganisationKind;
}

export type AgeBand = '16-17' | '18-21' | '22-25';

export interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: HumanRole;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly organisationKind: DemoOrganisationKind | null;
  /** Youth panel members are pseudonymous: a chosen name and an age band, nothing more. */
  readonly ageBand: AgeBand | null;
  /** What this user is for in a demo. */
  readonly description: string;
}

// Fixed ids so demo data seeded from them is stable across restarts and machines.
export const DEMO_ORGANISATIONS = {
  northmoorCouncil: { id: 'a0000000-0000-4000-8000-000000000001', name: 'Northmoor Council', kind: 'council' },
  eastbridgeCouncil: { id: 'a0000000-0000-4000-8000-000000000002', name: 'Eastbridge Borough Council', kind: 'council' },
  brightpathYouthTrust: { id: 'a0000000-0000-4000-8000-000000000003', name: 'Brightpath Youth Trust', kind: 'youth_charity' },
  riversideCommunityNetwork: {
    id: 'a0000000-0000-4000-8000-000000000004',
    name: 'Riverside Community Network',
    kind: 'community_group',
  },
  kindredWorks: { id: 'a0000000-0000-4000-8000-000000000005', name: 'Kindred Works CIC', kind: 'social_enterprise' },
  moorlandHomes: { id: 'a0000000-0000-4000-8000-000000000006', name: 'Moorland Homes', kind: 'social_landlord' },
  northmoorAcademy: { id: 'a0000000-0000-4000-8000-000000000007', name: 'Northmoor Academy', kind: 'school' },
  northmoorHealthTrust: { id: 'a0000000-0000-4000-8000-000000000008', name: 'Northmoor Community Health NHS Trust', kind: 'public_body' },
  summitYouthServices: { id: 'a0000000-0000-4000-8000-000000000009', name: 'Summit Youth Services Ltd', kind: 'private_company' },
} as const satisfies Record<string, DemoOrganisation>;

const ORGANISATIONS: readonly DemoOrganisation[] = Object.values(DEMO_ORGANISATIONS);

const user = (
  id: string,
  username: string,
  displayName: string,
  role: HumanRole,
  organisation: DemoOrganisation | null,
  description: string,
  ageBand: AgeBand | null = null,
): DemoUser => ({
  id,
  username,
  displayName,
  role,
  organisationId: organisation?.id ?? null,
  organisationName: organisation?.name ?? null,
  organisationKind: organisation?.kind ?? null,
  ageBand,
  description,
});

const orgs = DEMO_ORGANISATIONS;

export const DEMO_USERS: readonly DemoUser[] = [
  user('b0000000-0000-4000-8000-000000000001', 'clara.commissioner', 'Clara Okafor', 'commissioner', orgs.northmoorCouncil,
    "Commissions young people's services for Northmoor Council: publishes tenders and awards contracts."),
  user('b0000000-0000-4000-8000-000000000002', 'ed.commissioner', 'Ed Lindqvist', 'commissioner', orgs.eastbridgeCouncil,
    "A commissioner at another council, to see that councils cannot touch each other's tenders."),
  user('b0000000-0000-4000-8000-000000000003', 'yasmin.provider', 'Yasmin Clarke', 'provider', orgs.brightpathYouthTrust,
    'Bid writer at a youth charity running detached youth work.'),
  user('b0000000-0000-4000-8000-000000000004', 'sam.provider', 'Sam Patel', 'provider', orgs.riversideCommunityNetwork,
    'Volunteer coordinator at a small community group; often bids as a subcontractor.'),
  user('b0000000-0000-4000-8000-000000000005', 'priya.provider', 'Priya Nair', 'provider', orgs.kindredWorks,
    'Director of a social enterprise offering employment support to young people.'),
  user('b0000000-0000-4000-8000-000000000006', 'harriet.prime', 'Harriet Mensah', 'prime', orgs.moorlandHomes,
    'Social landlord acting as prime contractor and subcontracting to local groups.'),
  user('b0000000-0000-4000-8000-000000000007', 'omar.prime', 'Omar Haddad', 'prime', orgs.northmoorAcademy,
    'School business manager leading a consortium as prime contractor.'),
  user('b0000000-0000-4000-8000-000000000008', 'panel.kestrel', 'Kestrel', 'youth_panel', orgs.northmoorCouncil,
    "Youth panel member convened by Northmoor Council; scores bids under a pseudonym.", '16-17'),
  user('b0000000-0000-4000-8000-000000000009', 'panel.otter', 'Otter', 'youth_panel', orgs.northmoorCouncil,
    "Youth panel member convened by Northmoor Council; scores bids under a pseudonym.", '18-21'),
  user('b0000000-0000-4000-8000-00000000000a', 'audrey.auditor', 'Audrey Finch', 'auditor', null,
    'Independent auditor with read access to every decision and its history.'),
  user('b0000000-0000-4000-8000-00000000000b', 'alex.admin', 'Alex Morgan', 'admin', null,
    'Platform administrator.'),
  user('b0000000-0000-4000-8000-00000000000c', 'nadia.provider', 'Nadia Qureshi', 'provider', orgs.northmoorHealthTrust,
    'Youth mental health lead at an NHS trust, a public body that bids for council contracts.'),
  user('b0000000-0000-4000-8000-00000000000d', 'tom.provider', 'Tom Avery', 'provider', orgs.summitYouthServices,
    'Bid manager at a private company running youth programmes.'),
  user('b0000000-0000-4000-8000-00000000000f', 'noah.commissioner', 'Noah Bennett', 'commissioner', orgs.northmoorCouncil,
    'A second commissioning officer at Northmoor Council, so two officers can evaluate the same tender.'),
];

export const demoOrganisations = (): readonly DemoOrganisation[] => ORGANISATIONS;

export const findDemoUser = (username: string): DemoUser | undefined => {
  const wanted = username.trim().toLowerCase();
  return DEMO_USERS.find((candidate) => candidate.username === wanted);
};

export const demoUserAsAuthenticatedUser = (demoUser: DemoUser): AuthenticatedUser => ({
  userId: demoUser.id,
  role: demoUser.role,
  organisationId: demoUser.organisationId,
  displayName: demoUser.displayName,
});

/** Checks a demo sign-in. Both branches compare a digest, so an unknown username takes as long as a wrong password. */
export const checkDemoCredentials = (username: string, password: string, demoPassword: string): DemoUser => {
  const demoUser = findDemoUser(username);
  const expected = createHash('sha256').update(demoPassword).digest();
  const given = createHash('sha256').update(password).digest();
  const passwordMatches = timingSafeEqual(expected, given);
  if (demoUser === undefined || !passwordMatches) throw new InvalidCredentialsError();
  return demoUser;
};
