// Profile sharing tests: a real simulator for the payment, a fake Userinfo call (the simulator's userinfo route is
// another branch's work) that counts its calls and can be told to fail.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { paymentProfiles } from '@/lib/server/db/schema';
import { startCheckout } from '@/lib/server/orders/checkout';
import type { OrdersDeps } from '@/lib/server/orders/deps';
import type { Userinfo } from '@/lib/server/vipps';
import type { OrdersWorld } from './support';
import { newCheckoutKey } from './support';

export interface FakeUserinfo {
  calls: string[];
  /** What the next calls do; by default they answer `claimsFor(sub)` after `delayMs`. */
  answer: (sub: string) => Promise<Userinfo>;
  delayMs: number;
}

/** Claims unique per test run, so a search by e-mail finds this test's order only. */
export function claimsFor(sub: string, tag = randomUUID().slice(0, 8)): Userinfo {
  return {
    sub,
    name: `Kari Nordmann ${tag}`,
    given_name: 'Kari',
    family_name: `Nordmann ${tag}`,
    email: `kari.${tag}@example.no`,
    email_verified: true,
    phone_number: '4791234567',
    address: { street_address: `Storgata ${tag}`, postal_code: '0155', region: 'Oslo', country: 'NO' },
    birthdate: '1990-05-17',
  };
}

export function fakeUserinfo(): FakeUserinfo {
  const tag = randomUUID().slice(0, 8);
  const fake: FakeUserinfo = {
    calls: [],
    delayMs: 50,
    answer: (sub) => Promise.resolve(claimsFor(sub, tag)),
  };
  return fake;
}

/** Orders deps as one app instance: its own real client for the payment, the shared fake for userinfo. */
export function depsWith(world: OrdersWorld, fake: FakeUserinfo, log?: OrdersDeps['log']): OrdersDeps {
  const deps = world.deps();
  return {
    ...deps,
    ...(log && { log }),
    vipps: {
      ...deps.vipps,
      getUserinfo: async (sub) => {
        fake.calls.push(sub);
        await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
        return fake.answer(sub);
      },
    },
  };
}

export async function sharingCheckout(deps: OrdersDeps, shareProfile = true) {
  return startCheckout(deps, {
    checkoutKey: newCheckoutKey(),
    items: [{ sku: 'fjord-mug', quantity: 1 }],
    shareProfile,
  });
}

export async function profileRow(world: OrdersWorld, reference: string) {
  const [row] = await world.handle.db.select().from(paymentProfiles).where(eq(paymentProfiles.reference, reference));
  return row;
}
