// The short soak that is part of `npm test`; `npm run soak` runs the long one (500).
import { describe, expect, it } from 'vitest';
import { runSoak } from './support/soak';
import { formatSoakReport } from './support/soak-check';

describe('fault soak', () => {
  // The timeout is a bound for a loaded CI machine, not a goal: the run prints how long its traffic took.
  it('100 payments with faults and a restart: nothing lost, nothing doubled, the ledger equals Vipps', async () => {
    const report = await runSoak({
      payments: Number(process.env.SOAK_PAYMENTS ?? 100),
      seed: process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : undefined,
      log: (line) => console.log(line),
    });
    console.log(formatSoakReport(report));
    expect(report.shares.status5xx).toBeGreaterThanOrEqual(0.1);
    expect(report.shares.lostAfterCommit).toBeGreaterThanOrEqual(0.05);
    expect(report.shares.rateLimited).toBeGreaterThan(0);
    expect({
      checkoutsUnanswered: report.checkoutsUnanswered,
      ordersLost: report.ordersLost,
      doubleMoves: report.doubleMoves,
      ledgerMismatches: report.ledgerMismatches,
      unknownOperations: report.unknownOperations,
      problems: report.problems,
    }).toEqual({
      checkoutsUnanswered: 0,
      ordersLost: 0,
      doubleMoves: 0,
      ledgerMismatches: 0,
      unknownOperations: 0,
      problems: [],
    });
  }, 1_200_000);
});
