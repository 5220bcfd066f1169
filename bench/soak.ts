/**
 * `npm run soak [-- --payments 500 --seed 123]`: the fault soak against a built app (run `npx next build` first)
 * and a local PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test). Prints the figures
 * and exits non-zero when anything was lost, doubled, left unknown, or differs from Vipps.
 */
import { parseArgs } from 'node:util';
import { runSoak } from '../tests/system/support/soak';
import { formatSoakReport } from '../tests/system/support/soak-check';

const { values } = parseArgs({
  options: { payments: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' } },
});
async function main() {
  const report = await runSoak({
    payments: Number(values.payments ?? 500),
    seed: values.seed ? Number(values.seed) : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    log: (line) => console.log(line),
  });
  console.log(formatSoakReport(report));
  const bad =
    report.checkoutsUnanswered +
    report.ordersLost +
    report.doubleMoves +
    report.ledgerMismatches +
    report.unknownOperations;
  process.exit(bad === 0 && report.shares.status5xx >= 0.1 && report.shares.lostAfterCommit >= 0.05 ? 0 : 1);
}

void main();
