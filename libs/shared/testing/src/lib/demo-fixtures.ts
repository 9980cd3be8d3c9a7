// The seeded demo users and organisations, for black-box tests that sign in as them.
export { DEMO_ORGANISATIONS, DEMO_USERS, type DemoOrganisation, type DemoUser } from '@tendril/shared/auth';
