// The bench's table rows and what it says about the machine.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | undefined;
}

export const verdict = (pass: boolean | undefined) => (pass === undefined ? '—' : pass ? 'PASS' : 'MISS');

/** The machine's CPU time so far, in clock ticks, from /proc/stat (Linux; zeros elsewhere). */
export function cpuTicks(): { total: number; steal: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: guest time is already inside user.
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return { total: 0, steal: 0 };
  }
}

/**
 * The share of this VM's CPU time that the hypervisor gave to others between two readings. On a shared host this is
 * what makes one run of the same code twice as slow as the next, so the results say it.
 */
export function stealPercent(from: { total: number; steal: number }, to: { total: number; steal: number }): number {
  const total = to.total - from.total;
  return total > 0 ? (100 * (to.steal - from.steal)) / total : 0;
}

export function machine() {
  const sh = (command: string) => {
    try {
      return execSync(command, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  const busy = sh(`ps -eo pid=,pcpu= | awk '$1 != ${process.pid} && $2 > 5 {n++} END {print n+0}'`);
  return {
    uname: sh('uname -a'),
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    busy,
    ticks: cpuTicks(),
  };
}
