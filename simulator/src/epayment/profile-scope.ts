/**
 * `profile.scope` (BRIEF §4.1): space-separated words from `name address email phoneNumber birthDate nin`.
 * `openid` is accepted and always implied (it gives `sub`, SOURCES.md "Userinfo API"); duplicates are harmless.
 * Anything else is 4080 "Invalid scope". `nin` is a merchant-configuration matter: 5030 "Illegal scope" unless
 * the sales unit is allowed to ask for it (`SIM_NIN_MSNS`).
 */
import { ProblemError } from '../http/problem';
import { preview } from '../http/zod-problem';

/** The scope words that share data, in BRIEF §4.1's order (also the order of the consent card's rows). */
export const PROFILE_CLAIM_SCOPES = ['name', 'address', 'email', 'phoneNumber', 'birthDate', 'nin'] as const;
export type ProfileClaimScope = (typeof PROFILE_CLAIM_SCOPES)[number];

const isClaimScope = (word: string): word is ProfileClaimScope =>
  (PROFILE_CLAIM_SCOPES as readonly string[]).includes(word);

/**
 * Validates a requested scope and returns it normalised: `openid` first, then each claim scope once, in the
 * canonical order ("email name openid name" → "openid name email"). Throws 4080 for unknown words or an empty scope.
 */
export function normalizeProfileScope(scope: string): string {
  const words = scope.split(/\s+/).filter(Boolean);
  const unknown = words.filter((word) => word !== 'openid' && !isClaimScope(word));
  if (words.length === 0 || unknown.length > 0) {
    throw ProblemError.coded(400, '4080', `Invalid scope: ${preview(unknown.join(' ')) || '(empty)'}.`);
  }
  return ['openid', ...PROFILE_CLAIM_SCOPES.filter((claim) => words.includes(claim))].join(' ');
}

/** The claim scopes of a (normalised) scope, without `openid`; empty for no scope or `openid` alone. */
export function claimScopesOf(scope: string | null): ProfileClaimScope[] {
  if (!scope) return [];
  const words = scope.split(/\s+/);
  return PROFILE_CLAIM_SCOPES.filter((claim) => words.includes(claim));
}

/** `nin` needs a sales unit Vipps has approved for it; the simulator's list is `SIM_NIN_MSNS` (default none). */
export function checkScopeAllowed(scope: string, msn: string, ninMsns: readonly string[]): void {
  if (claimScopesOf(scope).includes('nin') && !ninMsns.includes(msn)) {
    throw ProblemError.coded(
      400,
      '5030',
      `Merchant-Serial-Number ${msn} is not allowed to ask for the scope nin (national identity number).`,
    );
  }
}
