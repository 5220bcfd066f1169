/**
 * The two demo accounts seeded while the Vipps host is the local simulator, printed by `npm run dev`. Never
 * seeded against a real Vipps host; if they are found in the database there, the app refuses to start
 * (auth/staff-seed-at-start.ts), since everyone who has read this repository knows the passwords. They live with
 * the configuration because their passwords are documented demo secrets, which the env schema refuses outside
 * a local demo; the roles are spelled out rather than imported from auth/, which depends on env/ (auth's seeding
 * checks them against its StaffRole).
 */
export const DEMO_STAFF: ReadonlyArray<{
  email: string;
  name: string;
  role: 'operator' | 'viewer';
  password: string;
}> = [
  { email: 'operator@example.com', name: 'Demo operator', role: 'operator', password: 'vipps-demo-operator' },
  { email: 'viewer@example.com', name: 'Demo viewer', role: 'viewer', password: 'vipps-demo-viewer' },
];
