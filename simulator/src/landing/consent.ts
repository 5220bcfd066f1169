/**
 * The consent card of the simulated Vipps app (profile sharing): before a payment with a `profile.scope` can be
 * approved, the shopper sees exactly what the merchant will get and shares it, or declines. Declining leaves the
 * payment unapproved; the shopper can still reject it or look at the request again (SOURCES.md "Userinfo API":
 * "the consent card must be accepted before the payment can be approved"). Plain forms, no JavaScript.
 */
import type { ProfileClaimScope } from '../epayment/profile-scope';
import type { TestUser } from '../users/test-user';
import { escapeHtml as h } from './format';

/** What the app screen shows about profile sharing. */
export type ConsentView =
  | { stage: 'none' }
  | { stage: 'ask'; user: TestUser; claims: ProfileClaimScope[]; error?: string }
  | { stage: 'accepted'; claims: ProfileClaimScope[] }
  | { stage: 'declined' };

const LABELS: Record<ProfileClaimScope, string> = {
  name: 'Name',
  email: 'E-mail',
  phoneNumber: 'Phone number',
  address: 'Address',
  birthDate: 'Birth date',
  nin: 'National identity number',
};

/** The shown value of each claim for this user; an address keeps its line break. */
function valueOf(user: TestUser, claim: ProfileClaimScope): string {
  switch (claim) {
    case 'name':
      return h(user.name);
    case 'email':
      return h(user.email);
    case 'phoneNumber':
      return h(user.phone_number);
    case 'address':
      return h(user.address.formatted).replace(/\n/g, '<br>');
    case 'birthDate':
      return h(user.birthdate);
    case 'nin':
      return h(user.nin);
  }
}

/** The card: heading, the claims with this user's values, and the two decisions (one form, two buttons). */
export function consentSection(view: Extract<ConsentView, { stage: 'ask' }>, merchantName: string, action: string) {
  const rows = view.claims
    .map((claim) => `<div><dt>${LABELS[claim]}</dt><dd>${valueOf(view.user, claim)}</dd></div>`)
    .join('\n');
  return `${view.error ? `<div class="notice bad" role="alert">${h(view.error)}</div>` : ''}
<section class="consent" aria-labelledby="consent-heading">
<h2 id="consent-heading">Share your information with ${h(merchantName)}?</h2>
<dl class="claims">
${rows}
</dl>
<p>${h(merchantName)} gets this information after you approve the payment.</p>
<form method="post" action="${h(action)}/consent">
<button type="submit" name="decision" value="accept" class="primary">Share and continue</button>
<button type="submit" name="decision" value="decline" class="secondary">Don't share</button>
</form>
</section>`;
}

/** After "Share and continue": one line above the Approve button, e.g. "You share: name, e-mail, address." */
export function sharedLine(claims: ProfileClaimScope[]): string {
  const words = claims.map((claim) => (claim === 'nin' ? 'national identity number' : LABELS[claim].toLowerCase()));
  return `<p class="muted">You share: ${h(words.join(', '))}.</p>`;
}

/** After "Don't share": why approval is impossible, and the way back to the card. */
export function declinedSection(action: string): string {
  return `<div class="notice bad" role="alert">You did not share your information, so this payment cannot be approved. Reject it, or review the request again.</div>
<form method="post" action="${h(action)}/consent"><button type="submit" name="decision" value="review" class="secondary">Review the request</button></form>`;
}

/** The error on the card after an approve without consent (409). */
export const CONSENT_REQUIRED =
  'Approve is not possible yet: first choose whether to share your information. You can also reject the payment.';
