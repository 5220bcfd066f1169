/**
 * `npm run dev` (Next dev server) and `npm start` (next build + next start): validates the configuration,
 * starts the Vipps simulator when VIPPS_BASE_URL is a local host, starts Next, prefixes their logs,
 * prints the staff logins (the demo accounts, against the simulator), and stops both on Ctrl-C.
 * Both bind to SHOP_HOST (127.0.0.1 unless told otherwise), so a demo with published secrets is never
 * reachable from the network by accident. `--no-build` (with `--prod`) starts an existing build.
 */
import { existsSync } from 'node:fs';
import concurrently, { type ConcurrentlyCommandInput } from 'concurrently';
import { DEMO_STAFF } from '../lib/server/env/demo-staff';
import { isLoopbackHost } from '../lib/server/env/exposure';
import { isEnvError, parseEnv } from '../lib/server/env/schema';

if (existsSync('.env')) process.loadEnvFile('.env');

const prod = process.argv.includes('--prod');
const build = !process.argv.includes('--no-build');
let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (isEnvError(error)) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const appUrl = new URL(env.PUBLIC_BASE_URL);
const appPort = appUrl.port || '3000';
const childEnv = {
  ...process.env,
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL,
  NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
};

const commands: ConcurrentlyCommandInput[] = [
  {
    name: 'shop',
    prefixColor: 'cyan',
    command: prod
      ? `${build ? 'npx next build && ' : ''}npx next start -p ${appPort} -H ${env.SHOP_HOST}`
      : `npx next dev -p ${appPort} -H ${env.SHOP_HOST}`,
    env: childEnv,
  },
];

if (env.usingLocalVipps) {
  const simUrl = new URL(env.VIPPS_BASE_URL);
  commands.unshift({
    name: 'vipps-sim',
    prefixColor: 'magenta',
    command: 'node --import tsx simulator/src/main.ts',
    env: {
      ...process.env,
      SIM_PORT: simUrl.port || '80',
      SIM_HOST: env.SHOP_HOST,
      SIM_PUBLIC_URL: env.VIPPS_BASE_URL,
      SIM_CLIENT_ID: env.VIPPS_CLIENT_ID,
      SIM_CLIENT_SECRET: env.VIPPS_CLIENT_SECRET,
      SIM_SUBSCRIPTION_KEY: env.VIPPS_SUBSCRIPTION_KEY,
      SIM_MSN: env.VIPPS_MSN,
    },
  });
}

console.log(
  [
    '',
    `  Shop:           ${env.PUBLIC_BASE_URL}`,
    `  Listening on:   ${env.SHOP_HOST}${isLoopbackHost(env.SHOP_HOST) ? '  (this machine only)' : '  (reachable by others: demo secrets refused)'}`,
    ...(env.demoSecretsAllowed
      ? DEMO_STAFF.map(
          (s, i) =>
            `  ${i === 0 ? 'Staff login:' : '            '}    ${env.PUBLIC_BASE_URL}/admin  →  ${s.email} / ${s.password}  (${s.role})`,
        )
      : [
          `  Staff login:    ${env.PUBLIC_BASE_URL}/admin  →  accounts from: npm run staff -- add --email … --role operator`,
        ]),
    `  Vipps API:      ${env.VIPPS_BASE_URL}${env.usingLocalVipps ? '  (bundled simulator)' : ''}`,
    `  Database:       ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.PGLITE_DIR}`}`,
    '',
  ].join('\n'),
);

const { result } = concurrently(commands, { killOthersOn: ['failure', 'success'], prefix: 'name', restartTries: 0 });
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
