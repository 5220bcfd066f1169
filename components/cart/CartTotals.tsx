import { formatOre } from '@/lib/money';

/** Total and the VAT it contains, for the cart page. */
export function CartTotals({ totalOre, vatOre, currency }: { totalOre: number; vatOre: number; currency: string }) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
      <dt className="text-base font-semibold">Total</dt>
      <dd className="text-right text-lg font-bold tabular-nums" data-testid="cart-total">
        {formatOre(totalOre, currency)}
      </dd>
      <dt className="text-sm text-shop-muted">of which VAT</dt>
      <dd className="text-right text-sm tabular-nums text-shop-muted" data-testid="cart-vat">
        {formatOre(vatOre, currency)}
      </dd>
    </dl>
  );
}
