import { addressLines } from '@/lib/shared-address';
import type { ShopperGreeting } from '@/lib/shop-api';

/** The confirmation's "we deliver to", from the profile the shopper shared in Vipps; nothing when none was. */
export function SharedDelivery({ shopper }: { shopper: ShopperGreeting | null }) {
  if (!shopper) return null;
  if (shopper.status === 'pending') {
    return (
      <p role="status" className="text-sm text-shop-muted" data-testid="shared-profile-pending">
        Getting the name and address you shared from Vipps…
      </p>
    );
  }
  if (shopper.status === 'unavailable' || !shopper.deliveryAddress) {
    return (
      <p className="text-sm text-shop-muted" data-testid="shared-profile-unavailable">
        We could not read the address you shared from Vipps just now. Your order is safe: we try again shortly, and
        contact you if we need anything.
      </p>
    );
  }
  return (
    <section
      aria-labelledby="delivery-heading"
      className="rounded-md border border-shop-line p-4"
      data-testid="shared-delivery"
    >
      <h2 id="delivery-heading" className="text-sm font-semibold">
        We deliver to
      </h2>
      <address className="mt-1 not-italic">
        {shopper.name && <span className="block font-medium">{shopper.name}</span>}
        {addressLines(shopper.deliveryAddress).map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </address>
      <p className="mt-2 text-xs text-shop-muted">As shared from your Vipps profile.</p>
    </section>
  );
}

/** "Thank you, Kari — …" once the shared name is known; the plain thanks otherwise. */
export function thanksTitle(shopper: ShopperGreeting | null): string {
  const name = shopper?.status === 'ready' ? (shopper.givenName ?? shopper.name) : null;
  return name ? `Thank you, ${name} — your order is confirmed` : 'Thank you — your order is confirmed';
}
