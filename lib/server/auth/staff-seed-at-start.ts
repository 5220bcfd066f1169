import { getDb } from '../db';
import { getEnv } from '../env';
import { DEMO_STAFF } from '../env/demo-staff';
import { demoStaffPresent, seedDemoStaff } from './staff-accounts';

// Against the simulator on a shop nobody else can reach: the two demo accounts (one per role), so the demo works
// on a fresh machine. Against a real Vipps host, or when others can reach the shop (a public PUBLIC_BASE_URL, a
// LAN SHOP_HOST): none, and a database that still holds them (e.g. first used for a local demo) stops the app,
// because their passwords are published in this repository.
const db = await getDb();
if (getEnv().demoSecretsAllowed) {
  const inserted = await seedDemoStaff(db);
  if (inserted > 0) console.info(`Seeded demo staff: ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(', ')}.`);
} else {
  const present = await demoStaffPresent(db);
  if (present.length > 0) {
    console.error(
      `\nDemo staff accounts exist in this database: ${present.join(', ')}. Their passwords are public, and the ` +
        `shop is reachable by others or the Vipps host is real. Remove them first: ${present.map((e) => `npm run staff -- remove ${e}`).join('; ')}\n`,
    );
    process.exit(1);
  }
}
