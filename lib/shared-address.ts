import type { SharedAddress } from './shop-api';

/** An address shared from Vipps as it is written on a parcel: Vipps' own formatted text when it gives one. */
export function addressLines(address: SharedAddress): string[] {
  if (address.formatted) return address.formatted.split(/\r?\n/).filter((line) => line.trim() !== '');
  return [address.streetAddress, `${address.postalCode} ${address.region}`.trim()].filter(Boolean);
}
