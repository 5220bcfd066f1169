import type { DbHandle } from '@/lib/server/db/core';
import { openTestPglite } from './pglite-image';
import { openThrowawayPostgres } from './throwaway-postgres';

export { POSTGRES_ADMIN_URL, openThrowawayPostgres } from './throwaway-postgres';

export const DRIVERS: { name: 'pglite' | 'postgres'; open: () => Promise<DbHandle> }[] = [
  { name: 'pglite', open: openTestPglite },
  ...(process.env.SKIP_POSTGRES_TESTS === '1'
    ? []
    : [{ name: 'postgres' as const, open: () => openThrowawayPostgres() }]),
];

if (process.env.SKIP_POSTGRES_TESTS === '1') {
  console.warn('\n!!! SKIP_POSTGRES_TESTS=1: data-access tests run against PGlite ONLY, not PostgreSQL !!!\n');
}
