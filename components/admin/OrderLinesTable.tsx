import type { OrderLineView } from '@/lib/admin-api';
import { formatOre } from '@/lib/money';

interface OrderLinesTableProps {
  lines: OrderLineView[];
  totalOre: number;
  vatOre: number;
  currency: string;
}

const th = 'whitespace-nowrap px-3 py-2 font-medium';
const td = 'whitespace-nowrap px-3 py-2 tabular-nums';

/**
 * What the shopper bought, as priced by the server at checkout, with the VAT each line contains. On a phone each
 * line is a card of "label … value" rows (.stack-table in globals.css), so the amounts are never scrolled away.
 */
export function OrderLinesTable({ lines, totalOre, vatOre, currency }: OrderLinesTableProps) {
  const kr = (ore: number) => formatOre(ore, currency);
  return (
    <div role="region" aria-labelledby="lines-caption" tabIndex={0} className="overflow-x-auto">
      <table className="stack-table w-full text-sm" data-testid="order-lines">
        <caption id="lines-caption" className="sr-only">
          Order lines and totals
        </caption>
        <thead className="border-b border-shop-line text-left text-shop-muted">
          <tr>
            <th scope="col" className={th}>
              Product
            </th>
            <th scope="col" className={`${th} text-right`}>
              Qty
            </th>
            <th scope="col" className={`${th} text-right`}>
              Unit price
            </th>
            <th scope="col" className={`${th} text-right`}>
              VAT
            </th>
            <th scope="col" className={`${th} text-right`}>
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.position} className="border-b border-shop-line">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {line.name}
                <span className="block text-xs text-shop-muted">{line.sku}</span>
              </th>
              <td className={`${td} text-right`} data-label="Qty">
                {line.quantity}
              </td>
              <td className={`${td} text-right`} data-label="Unit price">
                {kr(line.unitPriceOre)}
              </td>
              <td className={`${td} text-right`} data-label="VAT">
                <span>
                  {kr(line.vatOre)} <span className="text-xs text-shop-muted">({line.vatPercent} %)</span>
                </span>
              </td>
              <td className={`${td} text-right font-semibold sm:font-normal`} data-label="Amount" data-column="amount">
                {kr(line.totalOre)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4} className="px-3 pt-3 text-left text-base font-semibold">
              Total
            </th>
            <td className={`${td} pt-3 text-right text-base font-bold`} data-testid="order-total" data-column="amount">
              {kr(totalOre)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={4} className="px-3 text-left font-normal text-shop-muted">
              of which VAT
            </th>
            <td className={`${td} text-right text-shop-muted`} data-testid="order-vat" data-column="amount">
              {kr(vatOre)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
