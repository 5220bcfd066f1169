import Link from 'next/link';

interface NewerOlderPagerProps {
  page: number;
  /** The server read one row past the page: there is an older page. */
  hasMore: boolean;
  hrefFor: (page: number) => string;
  /** What the rows are, for the link texts ("Newer deliveries"). */
  noun: string;
}

const link = 'rounded-md border border-shop-line bg-white px-3 py-1.5 hover:bg-shop-surface';

/** Paging for logs that grow all the time: no total is counted, so "page N" and the way to either side. */
export function NewerOlderPager({ page, hasMore, hrefFor, noun }: NewerOlderPagerProps) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          ← Newer {noun}
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">Page {page}</p>
      {hasMore ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          Older {noun} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
