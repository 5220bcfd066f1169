import { getDb } from '../db';
import { seedCatalogue } from './products';

// The demo catalogue is inserted at server start (after the database is open and migrated), never as a side
// effect of opening the database; existing rows are left as they are.
const inserted = await seedCatalogue(await getDb());
if (inserted > 0) console.info(`Seeded ${inserted} catalogue products.`);
