/**
 * Who is behind a phone number in the simulated app. Precedence: a user set through `PUT /_sim/users/{phone}`
 * (forgotten on `POST /_sim/reset`), then `SIM_USERS_FILE` (configuration, kept across resets), then the built-in
 * default (Kari Nordmann for the demo number, otherwise a generated user). Each layer only overrides the fields it
 * names, on top of the built-in user for that number.
 */
import { defaultUser } from './generated';
import { mergeUser, type TestUser, type TestUserInput } from './test-user';

export type UserSource = 'control' | 'file' | 'default';

export class UserDirectory {
  private readonly fromFile: Map<string, TestUserInput>;
  private readonly fromControl = new Map<string, TestUserInput>();

  constructor(
    fileUsers: readonly TestUserInput[] = [],
    /** Control-API users kept at most (oldest dropped), so a long run stays bounded. */
    private readonly capacity = 10_000,
  ) {
    this.fromFile = new Map(fileUsers.map((user) => [user.phone_number ?? '', user]));
  }

  /** The user behind `phone` (an MSISDN) and where its data came from. */
  lookup(phone: string): { user: TestUser; source: UserSource } {
    const base = defaultUser(phone);
    const file = this.fromFile.get(phone);
    const control = this.fromControl.get(phone);
    const withFile = file ? mergeUser(base, file) : base;
    if (control) return { user: mergeUser(withFile, control), source: 'control' };
    return { user: withFile, source: file ? 'file' : 'default' };
  }

  userFor(phone: string): TestUser {
    return this.lookup(phone).user;
  }

  /** Replaces what the control API set for `phone` (not a merge with an earlier PUT: PUT is a replacement). */
  set(phone: string, input: TestUserInput): void {
    this.fromControl.delete(phone);
    this.fromControl.set(phone, input);
    for (const oldest of this.fromControl.keys()) {
      if (this.fromControl.size <= this.capacity) break;
      this.fromControl.delete(oldest);
    }
  }

  clear(): void {
    this.fromControl.clear();
  }
}
