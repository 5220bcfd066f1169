/**
 * Contract checks against the saved Vipps OpenAPI files (docs/vipps-reference). Every response a test receives
 * should go through `expectResponseMatchesSpec`, so a drift between simulator and spec fails loudly instead of
 * being hidden by hand-written shape checks.
 *
 * - ePayment v1.4.1, Webhooks v1 and Access Token 2.0.0 are loaded with the `yaml` package and registered in ajv
 *   as whole documents, so their internal `#/components/...` refs resolve as written.
 * - The ePayment `receipt` is a remote `$ref` to Order Management 2.3.24 on raw.githubusercontent.com. We register
 *   the local copy of that file under exactly that URL as its `$id`, so the ref resolves offline.
 * - ajv 8 understands OpenAPI's `nullable`; `strict: false` lets it skip OpenAPI-only keywords (`example`, `x-…`).
 *
 * Known spec quirks are corrected here, openly (BRIEF §4, §2; the Userinfo ones at `fixUserinfoQuirks`):
 * - `PaymentEvent.required` lists the removed `paymentAction` and omits `name`; we require `name` instead.
 * - `access_token` is declared `format: byte` (plain base64), but real tokens are JWTs (base64url segments joined
 *   by dots), which that format rejects; we accept the JWT alphabet.
 *
 * Statuses the spec does not declare (401 from the API gateway, 404 on getPayment, token errors, 5xx) are checked
 * against the error shapes BRIEF §2 and §7 document; the body must match one of them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export type SpecName = 'epayment' | 'webhooks' | 'token' | 'userinfo';

const SPEC_DIR = fileURLToPath(new URL('../../../docs/vipps-reference/', import.meta.url));
const ORDER_MANAGEMENT_REMOTE_URL =
  'https://raw.githubusercontent.com/vippsas/vipps-order-management-api/2.3.24/docs/swagger.yaml';

const SPEC_FILES: Record<SpecName, string> = {
  epayment: 'epayment.v1.yml',
  webhooks: 'webhooks-api.swagger.yaml',
  token: 'access-token-api.swagger.yaml',
  userinfo: 'userinfo-api.swagger.yaml',
};

/** Local ids under which each document is registered in ajv. */
const SPEC_IDS: Record<SpecName, string> = {
  epayment: 'https://vipps-sim.local/epayment.v1.json',
  webhooks: 'https://vipps-sim.local/webhooks.json',
  token: 'https://vipps-sim.local/access-token.json',
  userinfo: 'https://vipps-sim.local/userinfo.json',
};

/** Azure API Management error body (BRIEF §7), e.g. for a missing subscription key or token. Not in any spec. */
const APIM_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: { statusCode: { type: 'integer' }, message: { type: 'string' } },
  additionalProperties: false,
};

/** Azure AD style token error (BRIEF §2, from the SDK's types). The token spec lists 400/401 without a schema. */
const AZURE_AD_ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: { type: 'string' },
    error_description: { type: 'string' },
    error_codes: { type: 'array', items: { type: 'integer' } },
    timestamp: { type: 'string' },
    trace_id: { type: 'string' },
    correlation_id: { type: 'string' },
    error_uri: { type: 'string' },
  },
  additionalProperties: false,
};

type JsonObject = Record<string, unknown>;

interface Loaded {
  ajv: Ajv;
  docs: Record<SpecName, JsonObject>;
}

let loaded: Loaded | undefined;

function readYaml(file: string): JsonObject {
  return parse(readFileSync(SPEC_DIR + file, 'utf8')) as JsonObject;
}

/** BRIEF §4 spec quirk: `PaymentEvent.required` names the removed `paymentAction` instead of `name`. */
function fixPaymentEventRequired(doc: JsonObject): void {
  const event = resolveLocal(doc, '#/components/schemas/PaymentEvent');
  if (event && Array.isArray(event.required)) {
    event.required = (event.required as string[]).map((field) => (field === 'paymentAction' ? 'name' : field));
  }
}

/**
 * Userinfo 2.0.2 spec quirks (SOURCES.md "Userinfo API"), corrected so the check means something:
 * - `address` has `items` but no `type: array`. ajv applies `items` to arrays only, so as written *any* value
 *   passes; it is one object, the preferred address, so it must match `UserinfoAddress`.
 * - `phone_number`'s pattern demands exactly 15 digits while its text says "Up to 15 digits" (a Norwegian MSISDN
 *   has 10); we check 1-15 digits.
 * - `other_addresses` items point at the legacy `Address` (addressLine1, city, country "Norway"), yet the same
 *   description says they carry `address_type` home/work/other, a field only `UserinfoAddress` has; we check
 *   them as `UserinfoAddress`, the shape of `address`.
 * Every `Userinfo` and `UserinfoAddress` field is also declared `additionalProperties: false`, so a claim the spec
 * does not know (a typo such as `birth_date`) fails.
 */
function fixUserinfoQuirks(doc: JsonObject): void {
  const userinfo = resolveLocal(doc, '#/components/schemas/Userinfo');
  const properties = asObject(userinfo?.properties);
  if (!userinfo || !properties) throw new Error('userinfo spec: no Userinfo schema');
  const addressRef = { $ref: '#/components/schemas/UserinfoAddress' };
  properties.address = { description: asObject(properties.address)?.description, ...addressRef };
  properties.other_addresses = { type: 'array', items: addressRef };
  properties.phone_number = { ...asObject(properties.phone_number), pattern: '^\\d{1,15}$' };
  userinfo.additionalProperties = false;
  const address = resolveLocal(doc, '#/components/schemas/UserinfoAddress');
  if (address) address.additionalProperties = false;
}

function load(): Loaded {
  if (loaded) return loaded;
  // ajv-formats is CommonJS; depending on the loader its default export arrives wrapped or not.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addFormat('byte', /^[A-Za-z0-9+/=._-]*$/);
  const docs = {} as Record<SpecName, JsonObject>;
  for (const name of Object.keys(SPEC_FILES) as SpecName[]) {
    docs[name] = readYaml(SPEC_FILES[name]);
    if (name === 'epayment') fixPaymentEventRequired(docs[name]);
    if (name === 'userinfo') fixUserinfoQuirks(docs[name]);
    ajv.addSchema(docs[name], SPEC_IDS[name]);
  }
  ajv.addSchema(readYaml('order-management-api.2.3.24.swagger.yaml'), ORDER_MANAGEMENT_REMOTE_URL);
  ajv.addSchema(APIM_ERROR_SCHEMA, 'https://vipps-sim.local/apim-error.json');
  ajv.addSchema(AZURE_AD_ERROR_SCHEMA, 'https://vipps-sim.local/azure-ad-error.json');
  loaded = { ajv, docs };
  return loaded;
}

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' ? (value as JsonObject) : undefined;
}

/** Follows a local `#/...` JSON pointer inside one spec document. */
function resolveLocal(doc: JsonObject, ref: string): JsonObject | undefined {
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) node = asObject(node)?.[part];
  return asObject(node);
}

/** Finds the spec path for a template or a concrete path ("/epayment/v1/payments/abc12345/capture"). */
function findPath(spec: SpecName, doc: JsonObject, path: string): { template: string; item: JsonObject } {
  const paths = asObject(doc.paths) ?? {};
  const bare = path.split('?')[0] ?? path;
  // The webhooks spec's server URL ends in /webhooks, its paths start at /v1; the token path is case-insensitive.
  const candidates = spec === 'webhooks' ? [bare, bare.replace(/^\/webhooks/, '')] : [bare];
  for (const candidate of candidates) {
    for (const [template, item] of Object.entries(paths)) {
      const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$', spec === 'token' ? 'i' : '');
      if (template === candidate || pattern.test(candidate)) return { template, item: asObject(item) ?? {} };
    }
  }
  throw new Error(`No path in the ${spec} spec matches ${path}`);
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `  - ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}

const compiled = new Map<string, ValidateFunction>();
function validatorFor(ref: string): ValidateFunction {
  let validate = compiled.get(ref);
  if (!validate) {
    validate = load().ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate;
}

function fallbackRefs(spec: SpecName, status: number): string[] {
  const apim = 'https://vipps-sim.local/apim-error.json';
  if (spec === 'token')
    return ['https://vipps-sim.local/azure-ad-error.json', apim, `${SPEC_IDS.epayment}#/components/schemas/Problem`];
  if (spec === 'webhooks') return [`${SPEC_IDS.webhooks}#/components/schemas/ProblemDetails`, apim];
  if (spec === 'userinfo') return [`${SPEC_IDS.userinfo}#/components/schemas/UserinfoError`, apim];
  return status === 401 ? [apim] : [`${SPEC_IDS.epayment}#/components/schemas/Problem`, apim];
}

/** Returns the schema refs the body must match (any one of them), or `null` when the spec says "no body". */
export function responseSchemaRefs(spec: SpecName, method: string, path: string, status: number): string[] | null {
  const { docs } = load();
  const doc = docs[spec];
  const { template, item } = findPath(spec, doc, path);
  const operation = asObject(item[method.toLowerCase()]);
  if (!operation) throw new Error(`${method.toUpperCase()} ${template} is not an operation in the ${spec} spec`);
  const responses = asObject(operation.responses) ?? {};
  let response = asObject(responses[String(status)]);
  if (response && typeof response.$ref === 'string') response = resolveLocal(doc, response.$ref);
  const content = asObject(response?.content);
  if (!response || !content) {
    if (status >= 400) return fallbackRefs(spec, status);
    if (response) return null; // declared without content, e.g. forceApprove 200
    throw new Error(`${method.toUpperCase()} ${template} declares no ${status} response in the ${spec} spec`);
  }
  const mediaKey = Object.keys(content)[0];
  const schema = asObject(asObject(content[mediaKey ?? ''])?.schema);
  if (!schema) return null;
  if (typeof schema.$ref === 'string') return [SPEC_IDS[spec] + schema.$ref];
  // Inline schema (e.g. the event log's array): compile it under the document so its inner refs resolve.
  const inlineId = `${SPEC_IDS[spec]}#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/${mediaKey?.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`;
  return [inlineId];
}

/**
 * Asserts that `body` is what the spec declares for `status` of `method path`. `path` may be the spec's template
 * (`/epayment/v1/payments/{reference}`) or a concrete path. Throws with every ajv error listed.
 */
export function expectResponseMatchesSpec(
  spec: SpecName,
  method: string,
  path: string,
  status: number,
  body: unknown,
): void {
  const refs = responseSchemaRefs(spec, method, path, status);
  const where = `${method.toUpperCase()} ${path} → ${status} (${spec} spec)`;
  if (refs === null) {
    if (body === undefined || body === null || body === '') return;
    throw new Error(`${where}: the spec declares no body, got ${JSON.stringify(body)}`);
  }
  const failures: string[] = [];
  for (const ref of refs) {
    const validate = validatorFor(ref);
    if (validate(body)) return;
    failures.push(`against ${ref}:\n${formatErrors(validate.errors)}`);
  }
  throw new Error(`${where}: body does not match\n${failures.join('\n')}\nbody: ${JSON.stringify(body, null, 2)}`);
}

/** Asserts that a request body is valid per the spec (keeps test fixtures honest; resolves the remote `receipt`). */
export function expectRequestMatchesSpec(spec: SpecName, method: string, path: string, body: unknown): void {
  const { docs } = load();
  const { template, item } = findPath(spec, docs[spec], path);
  const operation = asObject(item[method.toLowerCase()]);
  const content = asObject(asObject(operation?.requestBody)?.content);
  const schema = asObject(asObject(content?.['application/json'])?.schema);
  if (!schema || typeof schema.$ref !== 'string') throw new Error(`${method} ${template} has no JSON request schema`);
  const validate = validatorFor(SPEC_IDS[spec] + schema.$ref);
  if (!validate(body))
    throw new Error(`request to ${method} ${template} does not match:\n${formatErrors(validate.errors)}`);
}
