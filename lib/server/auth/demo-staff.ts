import type { StaffRole } from './roles';

/**
 * The two demo accounts seeded while the Vipps host is the local simulator, printed by `npm run dev`. Never
 * seeded against a real Vipps host; if they are found in the database there, the app refuses to start
 * (staff-seed-at-start.ts), since everyone who has read this repository knows the passwords.
 */
export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; role: StaffRole; password: string }> = [
  { email: 'operator@example.com', name: 'Demo operator', role: 'operator', password: 'vipps-demo-operator' },
  { email: 'viewer@example.com', name: 'Demo viewer', role: 'viewer', password: 'vipps-demo-viewer' },
];
