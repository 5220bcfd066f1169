import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own, and a second process on the same folder silently loses writes (TOOLCHAIN G9),
 * e.g. `npm run staff` while the shop runs. So whoever opens a folder holds `shop.lock` in it with its PID;
 * another live process is refused with a clear message. A lock left by a process that died is taken over.
 */
export function lockPgliteDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'shop.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return () => {
        process.removeListener('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder === process.pid) return () => {};
      if (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The database folder ${dataDir} is in use by process ${holder} (a running shop?). ` +
            'PGlite allows one process per folder: stop it first, or use PostgreSQL (DATABASE_URL).',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the database folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
