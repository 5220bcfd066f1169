import Link from 'next/link';

export const ORDER_TABS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'api-log', label: 'Vipps API log' },
] as const;
export type OrderTab = (typeof ORDER_TABS)[number]['id'];

/**
 * Links, not an ARIA tablist: each view has its own URL (`?tab=api-log`), works without JavaScript, and the
 * browser's back button moves between them. `aria-current` tells screen readers which view is showing.
 */
export function OrderTabs({ orderPath, current }: { orderPath: string; current: OrderTab }) {
  return (
    <nav aria-label="Order views" className="border-b border-shop-line">
      <ul className="flex gap-1">
        {ORDER_TABS.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.id === 'timeline' ? orderPath : `${orderPath}?tab=${tab.id}`}
              aria-current={current === tab.id ? 'page' : undefined}
              className="-mb-px block rounded-t-md border border-transparent px-4 py-2 text-sm font-semibold text-shop-muted hover:text-shop-ink aria-[current=page]:border-shop-line aria-[current=page]:border-b-white aria-[current=page]:bg-white aria-[current=page]:text-shop-ink"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
