// Step 1's figures as table rows and notes: the status route against the bare route at 100 connections.
import { LOAD_ROUNDS, LOAD_SECONDS } from './config';
import { fmtLoad, type Load, type LoadFigures } from './load';
import type { Row } from './report';
import { ms } from './stats';

export const gap = (seconds: number) => (Number.isFinite(seconds) ? `${seconds.toFixed(2)} s` : '—');

export function loadFigures(l: LoadFigures): { rows: Row[]; notes: string[] } {
  const rows: Row[] = [];
  const notes: string[] = [];
  const { finalRatio, createdRatio } = l;
  const loadRow = (what: string, s: Load, ratio: number): Row[] => [
    {
      figure: `${what}: req/s`,
      measured: s.rps.toFixed(0),
      baseline: `${l.bare.rps.toFixed(0)} (bare route)`,
      ratio: `${ratio.toFixed(2)}×`,
      target: '≥ 0.8× bare',
      pass: ratio >= 0.8,
    },
    {
      figure: `${what}: p50 / p99`,
      measured: `${ms(s.p50)} / ${ms(s.p99)}`,
      baseline: `${ms(l.bare.p50)} / ${ms(l.bare.p99)}`,
      ratio: `p99 ${(s.p99 / l.bare.p99).toFixed(2)}×`,
      target: 'p99 < 50 ms',
      pass: s.p99 < 50,
    },
  ];
  rows.push(...loadRow('Status route, AUTHORIZED payment (DB only)', l.final, finalRatio));
  rows.push(...loadRow('Status route, CREATED payment (claims upstream reads)', l.created, createdRatio));
  notes.push(
    `Load rounds (${LOAD_ROUNDS} × ${LOAD_SECONDS} s each, bare → AUTHORIZED → CREATED, 100 connections, after 2 s ` +
      'warm-ups). Every figure in the table is the median over the rounds; the req/s ratio is the median of the ' +
      `rounds' own ratios. Worst round's p99: bare ${ms(l.worstP99.bare)}, AUTHORIZED ${ms(l.worstP99.final)}, ` +
      `CREATED ${ms(l.worstP99.created)}.`,
    ...l.rounds.map(
      (r, i) =>
        `  - round ${i + 1}: bare ${fmtLoad(r.bare)}; AUTHORIZED ${fmtLoad(r.final)}; CREATED ${fmtLoad(r.created)}`,
    ),
    `Below 100 connections (${LOAD_SECONDS} s each, after the rounds), bare route and AUTHORIZED status route: ` +
      l.sweep
        .map(
          (w) =>
            `${w.connections} → bare ${w.bare.rps.toFixed(0)} req/s p99 ${ms(w.bare.p99)}, ` +
            `AUTHORIZED ${w.final.rps.toFixed(0)} req/s p99 ${ms(w.final.p99)}`,
        )
        .join('; ') +
      '. Where req/s no longer grows with connections the app is saturated, and latency only grows with the queue.',
    `While the CREATED payment was under 100 connections (${l.createdUpstream.seconds.toFixed(1)} s in all), the ` +
      `simulator saw ${l.createdUpstream.gets} GETs for it: ` +
      (Number.isFinite(l.createdUpstream.shortestGap)
        ? `the shortest gap between two in one round was ${gap(l.createdUpstream.shortestGap)}.`
        : 'at most one in each round.'),
  );

  const { paced } = l;
  rows.push({
    figure: `Status route, AUTHORIZED, 100 connections paced at half the bare route's req/s (${paced.rate} req/s offered): p50 / p99`,
    measured: `${ms(paced.final.p50)} / ${ms(paced.final.p99)}`,
    baseline: `${ms(paced.bare.p50)} / ${ms(paced.bare.p99)} (bare route, same pace)`,
    ratio: `p99 ${(paced.final.p99 / paced.bare.p99).toFixed(2)}×`,
    target: '— (context for the p99 target above, which is judged at saturation)',
    pass: undefined,
  });
  notes.push(
    `Paced load (${LOAD_SECONDS * 4} s each, after the sweep): 100 connections offered ${paced.rate} req/s in all, ` +
      'half what the bare route served closed-loop, evenly spaced (bench/paced-load.ts; each latency counts from ' +
      `the moment its request was due). Bare ${fmtLoad(paced.bare)}; AUTHORIZED ${fmtLoad(paced.final)}. A closed loop at 100 ` +
      'connections keeps 100 requests queued, so its p99 cannot be below 100 ÷ throughput (Little’s law): under ' +
      "50 ms takes over 2 000 req/s, which this machine's bare route does not reach; paced, the latency is the " +
      "route's own plus what the machine adds.",
  );
  return { rows, notes };
}
