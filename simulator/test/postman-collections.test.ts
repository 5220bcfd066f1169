// Vipps' official Postman collections (test/postman/, verbatim) replayed with newman against a
// simulator this test starts, in lifecycle order, with the environment's placeholders replaced by the simulator's
// test credentials. Every request must get a 2xx, and every pm.test in the collections must pass.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS } from '../src/defaults';
import { startSimulator, type RunningSimulator } from '../src/server';

interface PostmanItem {
  name: string;
  request: { url: string | { raw: string } };
}
interface PostmanCollection {
  item: PostmanItem[];
}
interface PostmanEnvironment {
  values: { key: string; value: string }[];
}
interface RunSummary {
  run: {
    executions: { item: { name: string }; response?: { code: number; text(): string } }[];
    failures: { error: { message: string }; source?: { name?: string } }[];
  };
}
/** newman ships no types; this is the part of its API the test uses. */
const newman = createRequire(import.meta.url)('newman') as {
  run(
    options: { collection: unknown; environment: unknown; reporters: string[]; timeoutRequest: number },
    done: (error: Error | null, summary: RunSummary) => void,
  ): void;
};

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`postman/${file}`, import.meta.url), 'utf8')) as T;

/** The environment file with the placeholders a merchant fills in replaced by the simulator's test values. */
function environment(baseUrl: string): PostmanEnvironment {
  const env = read<PostmanEnvironment>('global-postman-environment.json');
  const ours: Record<string, string> = {
    base_url: baseUrl,
    client_id: SIMULATOR_CREDENTIALS.clientId,
    client_secret: SIMULATOR_CREDENTIALS.clientSecret,
    'Ocp-Apim-Subscription-Key': SIMULATOR_CREDENTIALS.subscriptionKey,
    merchantSerialNumber: SIMULATOR_CREDENTIALS.msn,
    mobileNumber: '12345678',
    internationalMobileNumber: '4712345678',
  };
  return { ...env, values: env.values.map((v) => (v.key in ours ? { ...v, value: ours[v.key] ?? v.value } : v)) };
}

/** The named requests of a collection, in the given order (the folder order is not the lifecycle order). */
function inOrder(collection: PostmanCollection, names: string[]): PostmanCollection {
  const item = names.map((name) => {
    const found = collection.item.find((i) => i.name === name);
    if (!found) throw new Error(`no request '${name}' in the collection`);
    return found;
  });
  return { ...collection, item };
}

function run(collection: PostmanCollection, baseUrl: string): Promise<RunSummary> {
  return new Promise((resolve, reject) =>
    newman.run(
      { collection, environment: environment(baseUrl), reporters: [], timeoutRequest: 10_000 },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    ),
  );
}

const outcome = (summary: RunSummary) =>
  summary.run.executions.map((e) => ({
    request: e.item.name,
    status: e.response?.code,
    ...((e.response?.code ?? 0) >= 300 && { body: e.response?.text() }),
  }));

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, logLevel: 'warn' });
});
afterAll(() => sim.close());

describe("Vipps' official Postman collections", () => {
  it('ePayment: create → get → force approve → capture → refund → events → cancel, then QR, push and native', async () => {
    const names = [
      'Get Access Token',
      'Create payment - Web redirect',
      'Get payment',
      'Force approve payment',
      'Capture payment',
      'Refund payment',
      'Get payment event log',
      'Cancel payment',
      'Create payment - QR',
      'Create payment - Push request',
      'Create payment - Native redirect',
    ];
    const summary = await run(inOrder(read('epayment-api-postman-collection.json'), names), sim.url);
    const results = outcome(summary);
    expect(results.map((r) => r.request)).toEqual(names);
    // Every request got an answer, and it was a 2xx (a missing answer counts as a failure here too).
    expect(results.filter((r) => r.status === undefined || r.status < 200 || r.status > 299)).toEqual([]);
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);

    // The lifecycle really happened, on the 19-digit reference the collection built (MSN + Date.now()).
    const [web] = sim.simulator.store.all();
    expect(web?.reference).toMatch(new RegExp(`^${SIMULATOR_CREDENTIALS.msn}\\d{13}$`));
    expect(web?.events.map((e) => e.name)).toEqual(['CREATED', 'AUTHORIZED', 'CAPTURED', 'REFUNDED', 'CANCELLED']);
    expect(sim.simulator.store.all().map((p) => p.userFlow)).toEqual([
      'WEB_REDIRECT',
      'QR',
      'PUSH_MESSAGE',
      'NATIVE_REDIRECT',
    ]);
  }, 60_000);

  it('Webhooks: register → list → delete', async () => {
    const collection = read<PostmanCollection>('webhooks-api-postman-collection.json');
    // Its token request is hard-coded to https://apitest.vipps.no; every other request uses {{base_url}}.
    for (const item of collection.item) {
      const url = item.request.url;
      const pointed = (raw: string) => raw.replace('https://apitest.vipps.no', '{{base_url}}');
      item.request.url = pointed(typeof url === 'string' ? url : url.raw);
    }
    const names = ['Get Access Token', 'Register', 'Get All', 'Delete Last'];
    const summary = await run(inOrder(collection, names), sim.url);
    const results = outcome(summary);
    expect(results.map((r) => [r.request, r.status])).toEqual([
      ['Get Access Token', 200],
      ['Register', 201],
      ['Get All', 200],
      ['Delete Last', 204],
    ]);
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);
    const left = (await (await fetch(`${sim.url}/_sim/webhooks/registrations`)).json()) as { registrations: [] };
    expect(left.registrations).toEqual([]); // Delete Last removed the one Register made
  }, 60_000);
});
