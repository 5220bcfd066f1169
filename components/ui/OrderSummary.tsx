import { formatOre } from '@/lib/money';

export interface SummaryLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceOre: number;
  totalOre: number;
}

interface OrderSummaryProps {
  caption: string;
  lines: readonly SummaryLine[];
  totalOre: number;
  vatOre: number;
  currency: string;
}

/** Read-only lines and totals: the checkout summary and the paid confirmation show the same shape. */
export function OrderSummary({ caption, lines, totalOre, vatOre, currency }: OrderSummaryProps) {
  return (
    <table className="w-full text-sm" data-testid="order-summary">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-shop-line text-left text-shop-muted">
        <tr>
          <th scope="col" className="py-2 pr-2 font-medium">
            Product
          </th>
          <th scope="col" className="px-2 py-2 text-right font-medium">
            Qty
          </th>
          <th scope="col" className="py-2 pl-2 text-right font-medium">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.sku} className="border-b border-shop-line" data-testid={`summary-line-${line.sku}`}>
            <th scope="row" className="py-2 pr-2 text-left font-normal">
              {line.name}
              <span className="block text-xs text-shop-muted">{formatOre(line.unitPriceOre, currency)} each</span>
            </th>
            <td className="px-2 py-2 text-right tabular-nums">{line.quantity}</td>
            <td className="py-2 pl-2 text-right tabular-nums">{formatOre(line.totalOre, currency)}</td>
          </tr>
        ))}
      </tbody>
      <TotalsRows totalOre={totalOre} vatOre={vatOre} currency={currency} />
    </table>
  );
}

function TotalsRows({ totalOre, vatOre, currency }: { totalOre: number; vatOre: number; currency: string }) {
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={2} className="pt-3 text-left text-base font-semibold">
          Total
        </th>
        <td className="pt-3 text-right text-base font-bold tabular-nums" data-testid="summary-total">
          {formatOre(totalOre, currency)}
        </td>
      </tr>
      <tr>
        <th scope="row" colSpan={2} className="text-left font-normal text-shop-muted">
          of which VAT
        </th>
        <td className="text-right tabular-nums text-shop-muted" data-testid="summary-vat">
          {formatOre(vatOre, currency)}
        </td>
      </tr>
    </tfoot>
  );
}
