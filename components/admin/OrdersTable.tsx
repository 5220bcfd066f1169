import Link from 'next/link';
import type { OrderListItem } from '@/lib/admin-api';
import { ageOf, formatDateTime } from '@/lib/admin-format';
import { formatOre } from '@/lib/money';
import { StatusBadge } from './StatusBadge';

interface OrdersTableProps {
  items: OrderListItem[];
  caption: string;
  /** When the page was rendered (ms): one clock for every row's reservation age. */
  now: number;
}

const th = 'whitespace-nowrap px-3 py-2 font-medium';
const td = 'whitespace-nowrap px-3 py-2';

/**
 * On a phone each order is a card (order number, status and amounts first; .stack-table in globals.css). From
 * 640 px it is a table that may scroll sideways inside its own focusable region (so a keyboard can scroll it
 * too), while the order number column stays put.
 */
export function OrdersTable({ items, caption, now }: OrdersTableProps) {
  return (
    <div
      role="region"
      aria-labelledby="orders-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-shop-line bg-white"
    >
      <table className="stack-table w-full text-sm">
        <caption id="orders-caption" className="px-3 py-2 text-left text-sm font-semibold">
          {caption}
        </caption>
        <thead className="border-y border-shop-line bg-shop-surface text-left text-shop-muted">
          <tr>
            <th scope="col" className={`${th} sticky left-0 bg-shop-surface`}>
              Order
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={th}>
              Customer
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={`${th} text-right`}>
              Total
            </th>
            <th scope="col" className={`${th} text-right`}>
              Authorized
            </th>
            <th scope="col" className={`${th} text-right`}>
              Captured
            </th>
            <th scope="col" className={`${th} text-right`}>
              Refunded
            </th>
            <th scope="col" className={th}>
              Reserved for
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((order) => {
            const kr = (ore: number) => formatOre(ore, order.currency);
            return (
              <tr
                key={order.orderNumber}
                data-testid={`order-row-${order.orderNumber}`}
                className="border-b border-shop-line last:border-b-0"
              >
                <th scope="row" className={`${td} bg-white text-left font-semibold sm:sticky sm:left-0`}>
                  <Link
                    href={`/admin/orders/${order.orderNumber}`}
                    className="text-vipps-dark underline underline-offset-4"
                  >
                    {order.orderNumber}
                  </Link>
                </th>
                <td className={td} data-label="Created">
                  {formatDateTime(order.createdAt)}
                </td>
                <td className={`${td} max-w-48 truncate`} data-label="Customer" data-testid="customer-name">
                  {order.customerName ?? <span className="text-shop-muted">—</span>}
                </td>
                <td className={td} data-label="Status">
                  <span className="flex flex-wrap gap-1">
                    <StatusBadge status={order.status} figures={order} />
                    {order.hasUnknownOutcome && <StatusBadge status="outcome_unknown" />}
                  </span>
                </td>
                <td className={`${td} text-right tabular-nums`} data-label="Total">
                  {kr(order.totalOre)}
                </td>
                <td className={`${td} text-right tabular-nums`} data-label="Authorized">
                  {kr(order.authorizedOre)}
                </td>
                <td className={`${td} text-right tabular-nums`} data-label="Captured">
                  {kr(order.capturedOre)}
                </td>
                <td className={`${td} text-right tabular-nums`} data-label="Refunded">
                  {kr(order.refundedOre)}
                </td>
                <td className={`${td} sm:whitespace-normal`} data-testid="reservation-age" data-label="Reserved for">
                  {order.reservedSince ? ageOf(order.reservedSince, now) : <span className="text-shop-muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
