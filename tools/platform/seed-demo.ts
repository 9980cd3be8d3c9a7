// Demo data for the embedded default. Every change is sent under a fixed idempotency key, so running the
// seed again on every start writes nothing new.
import { DEMO_USERS } from '@tendril/shared/auth';
import { GraphqlClient, signIn } from '@tendril/shared/launcher';

const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'tendril-demo';

const PUBLISH = `mutation Publish($input: PublishTenderInput!, $key: String!) {
  publishTender(input: $input, idempotencyKey: $key) { id title status submissionDeadline }
}`;

const inDays = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(12, 0, 0, 0);
  return date.toISOString();
};

const standardCriteria = [
  { criterionId: 'Q1', name: 'Quality of youth work practice', kind: 'quality', weightPercent: 40 },
  { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 30 },
  { criterionId: 'S1', name: 'Social value', kind: 'social_value', weightPercent: 15 },
  { criterionId: 'Y1', name: "Young people's panel", kind: 'youth_panel', weightPercent: 15 },
];

const demoTenders = [
  {
    key: 'demo-seed-tender-open-access-v1',
    title: 'Open-access youth work, North and East localities',
    description: 'Detached and centre-based youth work, four evenings a week, with a focus on learning and progress.',
    category: 'youth-work',
    lots: [
      { lotId: 'NORTH', title: 'North locality', estimatedValuePence: 42_000_000 },
      { lotId: 'EAST', title: 'East locality', estimatedValuePence: 38_000_000 },
    ],
    days: 21,
    suitableForVcse: true,
  },
  {
    key: 'demo-seed-tender-targeted-support-v1',
    title: 'Targeted support for young people not in education, employment or training',
    description: 'One-to-one and group support towards learning, work and training, for 16 to 19 year olds.',
    category: 'targeted-support',
    lots: [{ lotId: 'BOROUGH', title: 'Borough-wide', estimatedValuePence: 55_000_000 }],
    days: 28,
    suitableForVcse: false,
  },
  {
    key: 'demo-seed-tender-arts-v1',
    title: 'Creative arts programme for young people',
    description: 'Music, drama and visual arts projects co-designed with young people.',
    category: 'arts',
    lots: [{ lotId: 'ARTS', title: 'Arts programme', estimatedValuePence: 12_000_000 }],
    days: 35,
    suitableForVcse: true,
  },
];

export const seedDemoData = async (gatewayUrl: string): Promise<string> => {
  const baseUrl = gatewayUrl.replace(/\/graphql$/, '');
  const commissioner = DEMO_USERS.find((user) => user.role === 'commissioner');
  if (!commissioner) throw new Error('No demo commissioner is defined');
  const client = new GraphqlClient(gatewayUrl, await signIn(baseUrl, commissioner.username, DEMO_PASSWORD));
  for (const tender of demoTenders) {
    await client.expectData(PUBLISH, {
      key: tender.key,
      input: {
        title: tender.title,
        description: tender.description,
        category: tender.category,
        lots: tender.lots,
        criteria: standardCriteria,
        submissionDeadline: inDays(tender.days),
        lightTouchRegime: true,
        suitableForVcse: tender.suitableForVcse,
        reservedParticipation: false,
      },
    });
  }
  const users = DEMO_USERS.map((user) => `  ${user.username.padEnd(20)} ${user.role.padEnd(13)} ${user.organisationName ?? ''}`).join('\n');
  return [
    `Demo data: ${demoTenders.length} open tenders from ${commissioner.organisationName ?? 'the demo council'}.`,
    `Sign in with POST ${baseUrl.replace('127.0.0.1', 'localhost')}/auth/sign-in {"username": "...", "password": "${DEMO_PASSWORD}"}, then send "Authorization: Bearer <accessToken>".`,
    `Demo users:\n${users}`,
  ].join('\n');
};
