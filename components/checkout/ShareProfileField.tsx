'use client';

interface ShareProfileFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * "Share from Vipps" (profile sharing): on by default, because the shop needs a delivery address and typing one is
 * the slowest part of a checkout. Vipps itself shows the shopper exactly what will be shared and asks again.
 */
export function ShareProfileField({ checked, onChange }: ShareProfileFieldProps) {
  return (
    <div className="flex items-start gap-3 rounded-md border border-shop-line bg-shop-surface p-3">
      <input
        id="checkout-share-profile"
        name="shareProfile"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby="checkout-share-profile-hint"
        className="mt-1 h-5 w-5 shrink-0 accent-shop-accent"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="checkout-share-profile" className="text-sm font-medium">
          Share my name, e-mail, phone number and address from Vipps
        </label>
        <p id="checkout-share-profile-hint" className="text-xs text-shop-muted">
          So we know where to send your order without you typing it here. Vipps shows you exactly what is shared and
          asks you first. We keep it only as long as the order needs it.
        </p>
      </div>
    </div>
  );
}
