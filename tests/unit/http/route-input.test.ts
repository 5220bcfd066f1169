import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderListQuerySchema } from '@/lib/admin-api';
import { isProblemError } from '@/lib/server/http/problem';
import {
  parsePageParams,
  parsePageSearchParams,
  parseRouteParams,
  parseSearchParams,
  serialIdParam,
} from '@/lib/server/http/route-input';
import { paymentReferenceParams } from '@/lib/server/orders/references';

const idParams = z.object({ id: serialIdParam });
const listQuery = z.object({
  filter: z.enum(['all', 'refused']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
});
const request = (query: string) => new Request(`http://shop.test/api/x${query}`);

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseRouteParams (route handlers)', () => {
  it('answers the parsed params, awaited or not', async () => {
    expect(await parseRouteParams(Promise.resolve({ id: '12' }), idParams)).toEqual({ id: 12 });
    expect(await parseRouteParams({ reference: 'fb-100001-1-abcdef' }, paymentReferenceParams)).toEqual({
      reference: 'fb-100001-1-abcdef',
    });
  });

  it.each(['0', '012', '-1', '1.5', '12abc', '2147483648', '99999999999', ''])(
    'id %j is a 404 not_found problem in the envelope, with the wording given',
    async (id) => {
      const error = await thrown(
        parseRouteParams(Promise.resolve({ id }), idParams, { title: 'Delivery not found', detail: 'Gone.' }),
      );
      expect(isProblemError(error)).toBe(true);
      expect(isProblemError(error) && error.toBody()).toEqual({
        type: 'https://httpstatuses.io/404',
        title: 'Delivery not found',
        status: 404,
        code: 'not_found',
        detail: 'Gone.',
      });
    },
  );

  it('takes the largest int4 id, and a missing param is not found too', async () => {
    expect(await parseRouteParams({ id: '2147483647' }, idParams)).toEqual({ id: 2_147_483_647 });
    const error = await thrown(parseRouteParams(Promise.resolve({}), idParams));
    expect(error).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
  });
});

describe('parseSearchParams (route handlers)', () => {
  it('reads a request, URLSearchParams or a page record alike, with the schema defaults', async () => {
    expect(await parseSearchParams(request('?filter=refused&page=3'), listQuery)).toEqual({
      filter: 'refused',
      page: 3,
    });
    expect(await parseSearchParams(new URLSearchParams('page=2'), listQuery)).toEqual({ filter: 'all', page: 2 });
    expect(await parseSearchParams(Promise.resolve({ filter: 'refused' }), listQuery)).toEqual({
      filter: 'refused',
      page: 1,
    });
  });

  it('treats an empty or blank field as not given (an HTML GET form sends them)', async () => {
    expect(await parseSearchParams(new URLSearchParams('status=&q=++&page=2'), orderListQuerySchema)).toEqual({
      page: 2,
    });
    expect(await parseSearchParams({ filter: '', page: undefined }, listQuery)).toEqual({ filter: 'all', page: 1 });
  });

  it('takes the first of a repeated field, from a URL or a page record', async () => {
    expect(await parseSearchParams(request('?page=2&page=9'), listQuery)).toEqual({ filter: 'all', page: 2 });
    expect(await parseSearchParams({ status: ['reserved', 'captured'], q: ' FB-1 ' }, orderListQuerySchema)).toEqual({
      status: 'reserved',
      q: 'FB-1',
      page: 1,
    });
  });

  it('answers a bad query with a 400 validation_failed problem naming each bad field', async () => {
    const error = await thrown(parseSearchParams(request('?filter=forged&page=0'), listQuery));
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(isProblemError(error) && error.errors?.map((e) => e.path)).toEqual(['filter', 'page']);
  });
});

describe('parsePageParams (pages)', () => {
  it('answers the params, and shows the not-found page for a bad one', async () => {
    expect(await parsePageParams(Promise.resolve({ id: '7' }), idParams)).toEqual({ id: 7 });
    const error = await thrown(parsePageParams(Promise.resolve({ id: '../7' }), idParams));
    // notFound() throws Next's own 404 signal, which renders app/not-found.tsx: not a problem envelope.
    expect(isProblemError(error)).toBe(false);
    expect(error).toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  });
});

describe('parsePageSearchParams (pages)', () => {
  it('answers a good query with no invalid fields', async () => {
    expect(await parsePageSearchParams(Promise.resolve({ filter: 'refused', page: '2' }), listQuery)).toEqual({
      query: { filter: 'refused', page: 2 },
      invalid: [],
    });
  });

  it('falls back to the schema defaults for a bad query, and names what was wrong', async () => {
    const parsed = await parsePageSearchParams(Promise.resolve({ filter: 'refused', page: 'x' }), listQuery);
    expect(parsed.query).toEqual({ filter: 'all', page: 1 });
    expect(parsed.invalid).toEqual([expect.objectContaining({ path: 'page' })]);
    const orders = await parsePageSearchParams({ status: 'paid' }, orderListQuerySchema);
    expect(orders).toEqual({ query: { page: 1 }, invalid: [expect.objectContaining({ path: 'status' })] });
  });
});
