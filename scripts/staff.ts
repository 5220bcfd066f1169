/**
 * Staff accounts from the command line (the only way to create one against a real Vipps host):
 *
 *   npm run staff -- add --email kari@shop.no --name "Kari Nordmann" --role operator [--replace]
 *   npm run staff -- list
 *   npm run staff -- remove kari@shop.no
 *
 * `add` reads the password from STAFF_PASSWORD, or from stdin (piped, or typed without echo). It uses the
 * shop's own configuration (.env, DATABASE_URL / PGLITE_DIR); with PGlite, stop the shop first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../lib/server/db/core';
import { addStaff, listStaff, newStaffSchema, removeStaff, type NewStaff } from '../lib/server/auth/staff-accounts';
import { isEnvError, parseEnv } from '../lib/server/env/schema';
import { readSecret } from './read-secret';

if (existsSync('.env')) process.loadEnvFile('.env');

const USAGE = `Usage:
  npm run staff -- add --email <e-mail> --name <name> --role viewer|operator [--replace]
  npm run staff -- list
  npm run staff -- remove <e-mail>`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      replace: { type: 'boolean' },
    },
  });
  const [command, argument] = positionals;
  if (!command || !['add', 'list', 'remove'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const env = parseEnv(process.env);
  // The whole command is checked before the database is opened: a typo is answered at once, and never waits
  // for, or creates, a PGlite folder.
  const job = await jobFor(command, argument, values);
  const handle = await openDb({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : path.resolve(env.PGLITE_DIR),
  });
  try {
    switch (job.kind) {
      case 'list':
        for (const s of await listStaff(handle.db)) {
          console.log(`${s.email}\t${s.role}\t${s.name}${s.disabledAt ? '\t(disabled)' : ''}`);
        }
        return 0;
      case 'remove': {
        const removed = await removeStaff(handle.db, job.email);
        console.log(removed ? `Removed ${job.email}.` : `No account ${job.email}.`);
        return removed ? 0 : 1;
      }
      case 'add': {
        const staff = await addStaff(handle.db, job.staff, { replace: job.replace });
        console.log(`${job.replace ? 'Saved' : 'Added'} ${staff.email} (${staff.role}).`);
        return 0;
      }
    }
  } finally {
    await handle.close();
  }
}

type Job = { kind: 'list' } | { kind: 'remove'; email: string } | { kind: 'add'; staff: NewStaff; replace: boolean };

/** The command with its input validated (zod issues and plain errors are printed by the caller). */
async function jobFor(
  command: string,
  argument: string | undefined,
  values: { email?: string; name?: string; role?: string; replace?: boolean },
): Promise<Job> {
  if (command === 'list') return { kind: 'list' };
  if (command === 'remove') {
    if (!argument) throw new Error('Which account? npm run staff -- remove <e-mail>');
    return { kind: 'remove', email: argument };
  }
  const password = process.env.STAFF_PASSWORD ?? (await readSecret(`Password for ${values.email ?? '?'}: `));
  const staff = newStaffSchema.parse({
    email: values.email ?? '',
    name: values.name ?? '',
    role: values.role,
    password,
  });
  return { kind: 'add', staff, replace: values.replace ?? false };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isEnvError(error)) console.error(`\n${error.message}\n`);
    else if (error && typeof error === 'object' && 'issues' in error) {
      const issues = (error as { issues: Array<{ path: PropertyKey[]; message: string }> }).issues;
      console.error(issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n') + `\n\n${USAGE}`);
    } else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
