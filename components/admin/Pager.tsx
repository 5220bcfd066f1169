import Link from 'next/link';

interface PagerProps {
  page: number;
  pageCount: number;
  /** The link to another page with the same filter and search. */
  hrefFor: (page: number) => string;
}

const link = 'rounded-md border border-shop-line bg-white px-3 py-1.5 hover:bg-shop-surface';

export function Pager({ page, pageCount, hrefFor }: PagerProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          ← Newer orders
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          Older orders →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
