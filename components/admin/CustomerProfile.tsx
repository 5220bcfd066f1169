import type { SharedProfileView } from '@/lib/admin-api';
import { formatDateTime } from '@/lib/admin-format';
import { addressLines } from '@/lib/shared-address';
import type { SharedAddress } from '@/lib/shop-api';

/** Why the claims are missing, in words staff can act on; `fetched` needs none. */
const STATUS_NOTES: Record<Exclude<SharedProfileView['status'], 'fetched'>, string> = {
  waiting: 'The shopper chose to share their profile. Vipps gives it once the payment is approved.',
  retrying: 'Reading the shared profile from Vipps failed; the shop tries again in the background.',
  failed: 'The shop gave up reading the shared profile from Vipps. The payment is not affected.',
  erased: 'The shared profile was erased after the retention period. The order and its money history are kept.',
};

function AddressBlock({ address }: { address: SharedAddress }) {
  return (
    <address className="not-italic">
      {addressLines(address).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
      {address.country && address.country !== 'NO' && <span className="block">{address.country}</span>}
    </address>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-shop-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * The order page's "Customer" card: what the shopper shared from Vipps (profile sharing). Every staff role reads
 * it (viewers read everything on an order); the orders list shows only the name.
 */
export function CustomerProfile({ profile }: { profile: SharedProfileView }) {
  const note = profile.status === 'fetched' ? null : STATUS_NOTES[profile.status];
  return (
    <section
      aria-labelledby="customer-heading"
      className="rounded-lg border border-shop-line bg-white p-4"
      data-testid="customer-profile"
    >
      <h2 id="customer-heading" className="mb-2 text-lg font-semibold">
        Customer
      </h2>
      {note && (
        <p className="mb-2 text-sm" data-testid="customer-profile-status">
          {note}
          {profile.status === 'retrying' && profile.lastError && ` Last error: ${profile.lastError}`}
          {profile.status === 'failed' && profile.lastError && ` Reason: ${profile.lastError}`}
          {profile.erasedAt && ` Erased ${formatDateTime(profile.erasedAt)}.`}
        </p>
      )}
      {profile.status === 'fetched' && (
        <dl className="flex flex-col gap-2 text-sm">
          {profile.name && <Row label="Name">{profile.name}</Row>}
          {profile.email && (
            <Row label="E-mail">
              <a href={`mailto:${profile.email}`} className="underline underline-offset-4">
                {profile.email}
              </a>
              {profile.emailVerified === false && <span className="ml-2 text-shop-muted">(not verified)</span>}
            </Row>
          )}
          {profile.phoneNumber && <Row label="Phone">+{profile.phoneNumber}</Row>}
          {profile.address && (
            <Row label="Address">
              <AddressBlock address={profile.address} />
            </Row>
          )}
          {profile.otherAddresses.map((address, i) => (
            <Row key={`${address.streetAddress}-${i}`} label="Other address">
              <AddressBlock address={address} />
            </Row>
          ))}
          {profile.birthDate && <Row label="Birth date">{profile.birthDate}</Row>}
        </dl>
      )}
      <p className="mt-3 text-xs text-shop-muted">
        Shared from Vipps (scope “{profile.scope}”)
        {profile.fetchedAt && `, read ${formatDateTime(profile.fetchedAt)}`}
        {profile.eraseAfter && profile.status !== 'erased' && `; erased after ${formatDateTime(profile.eraseAfter)}`}.
      </p>
    </section>
  );
}
