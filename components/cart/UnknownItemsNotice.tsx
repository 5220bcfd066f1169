'use client';

/** Cart lines whose product the shop no longer sells: left out of totals and the order, said out loud. */
export function UnknownItemsNotice({ skus, onRemove }: { skus: readonly string[]; onRemove: () => void }) {
  if (skus.length === 0) return null;
  const one = skus.length === 1;
  const what = one ? '1 product in your cart is' : `${skus.length} products in your cart are`;
  return (
    <div
      role="status"
      data-testid="unknown-items-notice"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        {what} no longer sold. {one ? 'It is' : 'They are'} left out of the total and will not be ordered.
      </p>
      <button type="button" onClick={onRemove} className="font-semibold underline">
        Remove from cart
      </button>
    </div>
  );
}
