// The bench's table rows and what it says about the machine.
import { execSync } from 'node:child_process';
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
  };
}
