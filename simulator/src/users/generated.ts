/**
 * Default test users, so every phone number can pay and share: the demo number is Kari Nordmann, any other number
 * gets a Norwegian user picked deterministically from small lists by a hash of the number (the same number is the
 * same person in every run and process). All e-mails are on example.no, and the birth numbers are computed with
 * the real check digits, so they look valid to a validator but belong to nobody we know of.
 */
import { createHash } from 'node:crypto';
import type { TestUser, UserAddress } from './test-user';

/** The phone number used throughout the demo, the README and the e2e tests. */
export const DEMO_PHONE_NUMBER = '4791234567';

const GIVEN_NAMES = ['Ingrid', 'Ola', 'Nora', 'Lars', 'Sofie', 'Emil', 'Ida', 'Henrik', 'Astrid', 'Magnus'];
const FAMILY_NAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Berg', 'Haugen'];
const STREETS: [street: string, postalCode: string, region: string][] = [
  ['Kongens gate', '7011', 'Trondheim'],
  ['Bryggen', '5003', 'Bergen'],
  ['Storgata', '9008', 'Tromsø'],
  ['Torggata', '0181', 'Oslo'],
  ['Kirkegata', '4006', 'Stavanger'],
  ['Dronningens gate', '4610', 'Kristiansand'],
  ['Strandgata', '8006', 'Bodø'],
];

function address(street: string, postalCode: string, region: string): UserAddress {
  return {
    street_address: street,
    postal_code: postalCode,
    region,
    country: 'NO',
    formatted: `${street}\n${postalCode} ${region}`,
    address_type: 'home',
  };
}

/**
 * A Norwegian birth number (fødselsnummer): DDMMYY, three individual digits, two mod-11 check digits. Returns
 * null when the individual number gives a check digit of 10 (such numbers are never issued).
 */
export function birthNumber(birthdate: string, individual: number): string | null {
  const [year, month, day] = birthdate.split('-');
  const digits = `${day}${month}${year?.slice(2)}${String(individual).padStart(3, '0')}`.split('').map(Number);
  const check = (weights: number[]) => {
    const rest = 11 - (weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11);
    return rest === 11 ? 0 : rest;
  };
  const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return null;
  digits.push(k1);
  const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k2 === 10) return null;
  return [...digits, k2].join('');
}

/** The first valid birth number from `individual` on (people born 1900-1999 get 000-499). */
function firstBirthNumber(birthdate: string, individual: number): string {
  for (let n = individual; n < individual + 500; n++) {
    const nin = birthNumber(birthdate, n % 500);
    if (nin) return nin;
  }
  throw new Error(`no birth number for ${birthdate}`);
}

/** ASCII local part for an e-mail: "Tromsø" → "tromso". */
const mailPart = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '.');

function kariNordmann(): TestUser {
  return {
    phone_number: DEMO_PHONE_NUMBER,
    name: 'Kari Nordmann',
    given_name: 'Kari',
    family_name: 'Nordmann',
    email: 'kari.nordmann@example.no',
    email_verified: true,
    address: address('Storgata 1', '0155', 'Oslo'),
    other_addresses: [],
    birthdate: '1990-05-17',
    // Individual number 120 (even third digit: a woman, as Norwegian birth numbers encode).
    nin: firstBirthNumber('1990-05-17', 120),
  };
}

/** The built-in user for `phone`: Kari Nordmann for the demo number, else one generated from the number's hash. */
export function defaultUser(phone: string): TestUser {
  if (phone === DEMO_PHONE_NUMBER) return kariNordmann();
  const hash = createHash('sha256').update(phone).digest();
  const pick = <T>(list: readonly T[], byte: number): T => list[(hash[byte] ?? 0) % list.length] as T;
  const given = pick(GIVEN_NAMES, 0);
  const family = pick(FAMILY_NAMES, 1);
  const [street, postalCode, region] = pick(STREETS, 2);
  const year = 1950 + ((hash[4] ?? 0) % 50);
  const month = String(1 + ((hash[5] ?? 0) % 12)).padStart(2, '0');
  const day = String(1 + ((hash[6] ?? 0) % 28)).padStart(2, '0');
  const birthdate = `${year}-${month}-${day}`;
  return {
    phone_number: phone,
    name: `${given} ${family}`,
    given_name: given,
    family_name: family,
    // The number in the address keeps two generated users with the same name apart.
    email: `${mailPart(given)}.${mailPart(family)}.${phone.slice(-4)}@example.no`,
    email_verified: true,
    address: address(`${street} ${1 + ((hash[3] ?? 0) % 60)}`, postalCode, region),
    other_addresses: [],
    birthdate,
    nin: firstBirthNumber(birthdate, (hash[7] ?? 0) * 2),
  };
}
