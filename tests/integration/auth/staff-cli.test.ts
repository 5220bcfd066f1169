import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run staff`: the only way to make an account against a real Vipps host. Runs the real script.
const dir = mkdtempSync(path.join(tmpdir(), 'staff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staff(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', ...args], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...opts.env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.stdin.end(opts.stdin ?? '');
    child.on('close', (code) => resolve({ code, out }));
  });
}

// Each step spawns tsx and opens PGlite: on a loaded 2-core machine one step has taken over 20 s.
describe('npm run staff', () => {
  it('adds an account with the password from stdin, lists it, and removes it', async () => {
    const add = await staff(['add', '--email', 'Kari@Shop.no', '--name', 'Kari', '--role', 'operator'], {
      stdin: 'a long passphrase\n',
    });
    expect(add.out).toContain('Added kari@shop.no (operator).');
    expect(add.code).toBe(0);
    const list = await staff(['list']);
    expect(list.out).toMatch(/kari@shop\.no\toperator\tKari/);
    expect(list.out).not.toContain('a long passphrase');
    const remove = await staff(['remove', 'kari@shop.no']);
    expect(remove.out).toContain('Removed kari@shop.no.');
    expect(remove.code).toBe(0);
  }, 180_000);

  it('explains bad input before opening the database, and creates nothing', async () => {
    // A folder that does not exist yet: opening the database would create it (and, for PGlite, take seconds).
    const unopened = path.join(dir, 'never-opened');
    const bad = await staff(['add', '--email', 'not-an-email', '--name', 'X', '--role', 'boss'], {
      env: { STAFF_PASSWORD: 'short', PGLITE_DIR: unopened },
    });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/--email/);
    expect(bad.out).toMatch(/--role/);
    expect(bad.out).toMatch(/--password: must be at least 12 characters/);
    expect(bad.out).not.toContain('Added');
    const noTarget = await staff(['remove'], { env: { PGLITE_DIR: unopened } });
    expect(noTarget.code).toBe(1);
    expect(noTarget.out).toContain('Which account?');
    expect(existsSync(unopened)).toBe(false);
  }, 180_000);

  it('refuses to open a PGlite folder another live process holds (a running shop would lose writes)', async () => {
    // Its own folder, so nothing another test left running in `dir` can hold or release this lock.
    const held = mkdtempSync(path.join(dir, 'held-'));
    const env = { PGLITE_DIR: held };
    writeFileSync(path.join(held, 'shop.lock'), String(process.pid));
    try {
      const blocked = await staff(['list'], { env });
      expect(blocked.code).toBe(1);
      expect(blocked.out).toContain(`in use by process ${process.pid}`);
    } finally {
      rmSync(path.join(held, 'shop.lock'), { force: true });
    }
    writeFileSync(path.join(held, 'shop.lock'), '999999'); // a process that died: its lock is taken over
    expect((await staff(['list'], { env })).code).toBe(0);
  }, 180_000);
});
