// After a soak: wait until the reconciler has brought every payment to Vipps' state, then compare our ledger with
// the simulator's own record (its payments, aggregates and event logs).
import type { FaultCounts, SoakWorld } from './soak';

interface SimEvent {
  name: string;
  amount: { value: number };
  idempotencyKey: string | null;
  success: boolean;
}
interface SimPayment {
  reference: string;
  state: string;
  aggregate: Record<'authorizedAmount' | 'capturedAmount' | 'refundedAmount' | 'cancelledAmount', { value: number }>;
  events: SimEvent[];
}
interface OurPayment {
  reference: string;
  vipps_state: string | null;
  authorized_ore: number;
  captured_ore: number;
  refunded_ore: number;
  cancelled_ore: number;
}

export interface SoakReport {
  seed: number;
  payments: number;
  faults: FaultCounts;
  /** Shares of the money calls (create, capture, refund, cancel; retries included) the simulator answered so. */
  shares: { status5xx: number; lostAfterCommit: number; rateLimited: number; moneyCalls: number };
  ordersLost: number;
  doubleMoves: number;
  ledgerMismatches: number;
  unknownOperations: number;
  secondsToConverge: number;
  problems: string[];
}

const MONEY_CALL = /\/epayment\/v1\/payments(\/[^/]+\/(capture|refund|cancel))?$/;

async function compare(world: SoakWorld, started: Array<{ orderNumber: string; reference: string }>) {
  const problems: string[] = [];
  const simPayments: SimPayment[] = await world.sim.payments();
  const ours = new Map(
    (await world.db.query<OurPayment>('select * from payments')).rows.map((p) => [p.reference, p] as const),
  );
  const orders = new Set(
    (await world.db.query<{ order_number: string }>('select order_number from orders')).rows.map((o) => o.order_number),
  );
  const ops = (
    await world.db.query<{
      reference: string;
      kind: string;
      idempotency_key: string;
      status: string;
      amount_ore: number;
    }>('select reference, kind, idempotency_key, status, amount_ore from payment_operations')
  ).rows;

  let ordersLost = started.filter((s) => !orders.has(s.orderNumber)).length;
  let doubleMoves = 0;
  let ledgerMismatches = 0;
  for (const sim of simPayments) {
    const mine = ours.get(sim.reference);
    if (!mine) {
      ordersLost++;
      problems.push(`${sim.reference}: at Vipps but not in our database`);
      continue;
    }
    const a = sim.aggregate;
    const same =
      mine.vipps_state === sim.state &&
      mine.authorized_ore === a.authorizedAmount.value &&
      mine.captured_ore === a.capturedAmount.value &&
      mine.refunded_ore === a.refundedAmount.value &&
      mine.cancelled_ore === a.cancelledAmount.value;
    if (!same) {
      ledgerMismatches++;
      problems.push(`${sim.reference}: ours ${JSON.stringify(mine)} vs Vipps ${sim.state} ${JSON.stringify(a)}`);
    }
    for (const [event, kind] of [
      ['CAPTURED', 'capture'],
      ['REFUNDED', 'refund'],
    ] as const) {
      const happened = sim.events.filter((e) => e.name === event && e.success);
      const keys = new Set(happened.map((e) => e.idempotencyKey));
      const recorded = ops.filter((o) => o.reference === sim.reference && o.kind === kind && o.status === 'succeeded');
      const recordedOre = recorded.reduce((sum, o) => sum + o.amount_ore, 0);
      const happenedOre = happened.reduce((sum, e) => sum + e.amount.value, 0);
      if (keys.size !== happened.length || happened.length !== recorded.length || happenedOre !== recordedOre) {
        doubleMoves++;
        problems.push(
          `${sim.reference}: ${happened.length} ${event} at Vipps (${happenedOre} øre), ${recorded.length} in our ledger (${recordedOre} øre)`,
        );
      }
    }
  }
  const unsettled = ops.filter((o) => o.status === 'unknown' || o.status === 'pending');
  for (const o of unsettled) {
    const mine = ours.get(o.reference);
    problems.push(
      `${o.reference}: ${o.kind} of ${o.amount_ore} øre still ${o.status} (payment ${mine?.vipps_state ?? 'missing'})`,
    );
  }
  return { ordersLost, doubleMoves, ledgerMismatches, unknownOperations: unsettled.length, problems };
}

export async function checkSoak(
  world: SoakWorld,
  started: Array<{ orderNumber: string; reference: string }>,
  faults: FaultCounts,
  opts: { seed: number; log: (line: string) => void; timeoutMs?: number },
): Promise<SoakReport> {
  const since = Date.now();
  let result = await compare(world, started);
  while (result.ledgerMismatches + result.unknownOperations > 0 && Date.now() - since < (opts.timeoutMs ?? 90_000)) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    result = await compare(world, started);
  }
  const requests = await world.sim.requests();
  const money = requests.filter((r) => r.method === 'POST' && MONEY_CALL.test(r.path));
  const share = (match: (status: string) => boolean) =>
    money.filter((r) => match(r.status)).length / Math.max(1, money.length);
  return {
    seed: opts.seed,
    payments: started.length,
    faults,
    shares: {
      status5xx: share((s) => /^5\d\d$/.test(s)),
      lostAfterCommit: share((s) => s === 'dropped'),
      rateLimited: share((s) => s === '429'),
      moneyCalls: money.length,
    },
    ...result,
    secondsToConverge: Math.round((Date.now() - since) / 1000),
  };
}

export function formatSoakReport(r: SoakReport & { checkoutsUnanswered?: number }): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  return [
    `soak: ${r.payments} payments (seed ${r.seed}); ${r.shares.moneyCalls} money calls at Vipps:`,
    `  5xx ${pct(r.shares.status5xx)} · lost after commit ${pct(r.shares.lostAfterCommit)} · 429 ${pct(r.shares.rateLimited)}`,
    `  webhooks dropped ${r.faults.webhookDropped} · duplicated ${r.faults.webhookDuplicated} · reordered ${r.faults.webhookReordered} · one app restart`,
    `  orders lost:                    ${r.ordersLost}`,
    ...(r.checkoutsUnanswered === undefined ? [] : [`  checkouts never answered:       ${r.checkoutsUnanswered}`]),
    `  double captures or refunds:     ${r.doubleMoves}`,
    `  ledger differs from Vipps:      ${r.ledgerMismatches}`,
    `  operations outcome unknown:     ${r.unknownOperations}`,
    `  reconciled ${r.secondsToConverge} s after the traffic stopped`,
    ...r.problems.slice(0, 20).map((p) => `  ! ${p}`),
  ].join('\n');
}
