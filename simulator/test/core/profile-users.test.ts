// Test users of the simulated app: built-in defaults, SIM_USERS_FILE, and the control API /_sim/users/{phone}.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../../src/config';
import { birthNumber, defaultUser } from '../../src/users/generated';
import { startTestSimulator, type SimApi } from '../support/sim-client';
import { appPathFor, createWithScope, page } from '../support/profile';

const dir = mkdtempSync(join(tmpdir(), 'sim-users-'));
const writeJson = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

/** Mod-11 check digits of a Norwegian birth number. */
function validBirthNumber(nin: string): boolean {
  const d = nin.split('').map(Number);
  const sum = (w: number[]) => w.reduce((s, x, i) => s + x * (d[i] ?? 0), 0);
  return sum([3, 7, 6, 1, 8, 9, 4, 5, 2, 1]) % 11 === 0 && sum([5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

describe('built-in users', () => {
  it('the demo number is Kari Nordmann, born 1990-05-17, in Storgata 1, 0155 Oslo, with a valid-looking nin', () => {
    const kari = defaultUser('4791234567');
    expect(kari).toMatchObject({
      phone_number: '4791234567',
      name: 'Kari Nordmann',
      given_name: 'Kari',
      family_name: 'Nordmann',
      email: 'kari.nordmann@example.no',
      email_verified: true,
      address: {
        street_address: 'Storgata 1',
        postal_code: '0155',
        region: 'Oslo',
        country: 'NO',
        address_type: 'home',
      },
      other_addresses: [],
      birthdate: '1990-05-17',
    });
    expect(kari.nin).toMatch(/^170590\d{5}$/);
    expect(validBirthNumber(kari.nin)).toBe(true);
  });

  it('any other number gets a deterministic, complete Norwegian user, different per number', () => {
    const numbers = ['4798765432', '4740000001', '4599887766', '4712345678901'];
    const users = numbers.map(defaultUser);
    expect(numbers.map(defaultUser)).toEqual(users);
    for (const [i, user] of users.entries()) {
      expect(user.phone_number).toBe(numbers[i]);
      expect(user.name).toBe(`${user.given_name} ${user.family_name}`);
      expect(user.email).toMatch(/^[a-z.]+\.\d{4}@example\.no$/);
      expect(user.address.formatted).toBe(
        `${user.address.street_address}\n${user.address.postal_code} ${user.address.region}`,
      );
      expect(user.birthdate).toMatch(/^(19[5-9]\d)-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
      expect(validBirthNumber(user.nin)).toBe(true);
      expect(user.nin.slice(0, 6)).toBe(
        user.birthdate.slice(8, 10) + user.birthdate.slice(5, 7) + user.birthdate.slice(2, 4),
      );
    }
    expect(new Set(users.map((u) => u.email)).size).toBe(numbers.length);
  });

  it('birthNumber refuses individual numbers whose check digit would be 10', () => {
    const results = Array.from({ length: 50 }, (_, n) => birthNumber('1990-05-17', n));
    expect(results.some((nin) => nin === null)).toBe(true);
    expect(results.filter((nin): nin is string => nin !== null).every(validBirthNumber)).toBe(true);
  });
});

describe('control API /_sim/users/{phone}', () => {
  let api: SimApi;
  beforeAll(async () => {
    api = await startTestSimulator();
  });
  afterAll(() => api.running.close());
  beforeEach(() => api.reset());

  it('GET gives the built-in user; PUT overrides the named fields, renames from given/family name; reset forgets it', async () => {
    expect(await api.controls.users.get('4791234567')).toMatchObject({
      source: 'default',
      user: { name: 'Kari Nordmann' },
    });
    const put = await api.controls.users.put('4791234567', {
      given_name: 'Ola',
      email: 'ola@example.no',
      email_verified: false,
      address: { street_address: 'Bryggen 2', postal_code: '5003', region: 'Bergen' },
    });
    expect(put.source).toBe('control');
    expect(put.user).toMatchObject({
      name: 'Ola Nordmann',
      given_name: 'Ola',
      family_name: 'Nordmann',
      email: 'ola@example.no',
      email_verified: false,
      address: { formatted: 'Bryggen 2\n5003 Bergen', country: 'NO', address_type: 'home' },
      birthdate: '1990-05-17',
    });
    expect(await api.controls.users.get('4791234567')).toEqual(put);
    await api.reset();
    expect((await api.controls.users.get('4791234567')).user.name).toBe('Kari Nordmann');
  });

  it('the consent card shows the PUT user', async () => {
    await api.controls.users.put('4798765432', { name: 'Åse Ødegård' });
    const { token } = await createWithScope(api, 'name');
    expect((await page(api, appPathFor('4798765432', token))).text).toContain('<dd>Åse Ødegård</dd>');
  });

  it('refuses bad input with a 400 problem naming the field, and a path that is no MSISDN', async () => {
    for (const body of [
      { email: 'not-an-email' },
      { birthdate: '17.05.1990' },
      { nin: '123' },
      { shoeSize: 42 },
      { phone_number: '4700000000' },
    ]) {
      const res = await api.control('PUT', '/users/4791234567', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await api.control('PUT', '/users/12', {})).status).toBe(400);
    expect((await api.control('GET', '/users/abc')).status).toBe(400);
  });
});

describe('SIM_USERS_FILE', () => {
  it('is read and validated at start; its users stand over the built-in ones and survive a reset', async () => {
    const path = writeJson('users.json', [
      { phone_number: '4790000001', given_name: 'Nils', family_name: 'Fjell', email: 'nils@example.no' },
    ]);
    const config = configFromEnv({ SIM_USERS_FILE: path });
    expect(config.users).toHaveLength(1);
    const api = await startTestSimulator({ users: config.users ?? [] });
    try {
      await api.reset();
      expect(await api.controls.users.get('4790000001')).toMatchObject({
        source: 'file',
        user: { name: 'Nils Fjell', email: 'nils@example.no', phone_number: '4790000001' },
      });
    } finally {
      await api.running.close();
    }
  });

  it('stops the start with readable problems: where in the file and what is wrong', () => {
    const bad = writeJson('bad.json', [{ phone_number: '4790000001', email: 'nope' }, { phone_number: '12' }]);
    expect(() => configFromEnv({ SIM_USERS_FILE: bad })).toThrow(ConfigError);
    expect(() => configFromEnv({ SIM_USERS_FILE: bad })).toThrow(
      /SIM_USERS_FILE=".*bad\.json": \[0\]\.email: must be an e-mail address/,
    );
    expect(() => configFromEnv({ SIM_USERS_FILE: bad })).toThrow(/\[1\]\.phone_number: must be 10-15 digits/);
    expect(() =>
      configFromEnv({
        SIM_USERS_FILE: writeJson('twice.json', [{ phone_number: '4790000001' }, { phone_number: '4790000001' }]),
      }),
    ).toThrow(/lists a phone_number twice/);
    expect(() => configFromEnv({ SIM_USERS_FILE: writeJson('broken.json', '{') })).toThrow(/is not JSON/);
    expect(() => configFromEnv({ SIM_USERS_FILE: join(dir, 'missing.json') })).toThrow(
      /cannot read the file \(ENOENT\)/,
    );
  });

  it('SIM_NIN_MSNS and SIM_USERINFO_WINDOW_SECONDS are read and checked too', () => {
    expect(configFromEnv({ SIM_NIN_MSNS: '123456, 654321', SIM_USERINFO_WINDOW_SECONDS: '60' })).toMatchObject({
      ninMsns: ['123456', '654321'],
      userinfoWindowSeconds: 60,
    });
    expect(() => configFromEnv({ SIM_NIN_MSNS: '12' })).toThrow(/SIM_NIN_MSNS="12": each MSN must be 4-6 digits/);
    expect(() => configFromEnv({ SIM_USERINFO_WINDOW_SECONDS: '-1' })).toThrow(/SIM_USERINFO_WINDOW_SECONDS/);
  });
});
