/** The screens of the landing page and the simulated Vipps app, as HTML strings (no JavaScript needed). */
import type { Payment } from '../epayment/payment';
import { consentSection, declinedSection, sharedLine, type ConsentView } from './consent';
import { escapeHtml as h, formatAmount } from './format';
import { page } from './layout';
import { receiptSection } from './receipt';

export const appPaymentPath = (phone: string, token: string) =>
  `/app/${encodeURIComponent(phone)}/payments/${encodeURIComponent(token)}`;

function summary(payment: Payment, merchantName: string): string {
  return `<h1>${h(merchantName)}</h1>
<p class="amount">${h(formatAmount(payment.amount))}</p>
<p class="muted">${h(payment.paymentDescription ?? `Order ${payment.reference}`)}</p>`;
}

/** The landing page: confirm or type the phone number, then "Next" opens that phone's app. */
export function landingPage(payment: Payment, merchantName: string, phone: string, error?: string): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="phone-error"' : '';
  return page(
    `Pay ${merchantName}`,
    `<div class="card">
${summary(payment, merchantName)}
<form method="post" action="/landing/next">
<input type="hidden" name="token" value="${h(payment.linkToken)}">
<label for="phoneNumber">Your mobile number</label>
<input id="phoneNumber" name="phoneNumber" type="tel" inputmode="tel" autocomplete="tel" required value="${h(phone)}"${invalid}>
${error ? `<p id="phone-error" class="error" role="alert">${h(error)}</p>` : ''}
<button type="submit" class="primary">Next</button>
</form>
${receiptSection(payment)}
</div>`,
  );
}

/** What stands above Reject: the consent card, the declined notice, or (consent given or not needed) Approve. */
function decisionPart(consent: ConsentView, merchantName: string, action: string): string {
  const approve = `<form method="post" action="${h(action)}/approve"><button type="submit" class="primary">Approve</button></form>`;
  switch (consent.stage) {
    case 'ask':
      return consentSection(consent, merchantName, action);
    case 'declined':
      return declinedSection(action);
    case 'accepted':
      return `${sharedLine(consent.claims)}\n${approve}`;
    case 'none':
      return approve;
  }
}

/**
 * The app screen: Approve or Reject, with the consent card first when the payment asks for profile data. A notice
 * explains a declined test amount.
 */
export function appPaymentPage(
  payment: Payment,
  merchantName: string,
  phone: string,
  notice?: string,
  consent: ConsentView = { stage: 'none' },
): string {
  const action = appPaymentPath(phone, payment.linkToken);
  return page(
    `Approve payment to ${merchantName}`,
    `<p class="muted">Vipps app of ${h(phone)}</p>
<div class="card">
${summary(payment, merchantName)}
${notice ? `<div class="notice bad" role="alert"><strong>Payment failed:</strong> ${h(notice)}. Try again, or reject the payment.</div>` : ''}
${decisionPart(consent, merchantName, action)}
<form method="post" action="${h(action)}/reject"><button type="submit" class="secondary">Reject</button></form>
${receiptSection(payment)}
</div>`,
  );
}

/** Test amount 202 (BRIEF §9): strong customer authentication, then the payment is approved. */
export function scaPage(payment: Payment, merchantName: string, phone: string): string {
  const action = appPaymentPath(phone, payment.linkToken);
  return page(
    'Confirm your identity',
    `<div class="card">
${summary(payment, merchantName)}
<div class="notice" role="status">Your bank requires extra confirmation (SCA) for this payment.</div>
<form method="post" action="${h(action)}/approve">
<input type="hidden" name="sca" value="confirmed">
<button type="submit" class="primary">Confirm and approve</button>
</form>
<form method="post" action="${h(action)}/reject"><button type="submit" class="secondary">Reject</button></form>
</div>`,
  );
}

/** Test amount 201: the result is unknown for an hour; the payment then expires. */
export function processingPage(payment: Payment, merchantName: string): string {
  return page(
    'Payment processing',
    `<div class="card">
${summary(payment, merchantName)}
<div class="notice" role="status">The payment is being processed. The result is not known yet.</div>
</div>`,
  );
}

/** After approve or reject when there is no returnUrl to go back to (e.g. PUSH_MESSAGE or QR). */
export function donePage(title: string, message: string): string {
  return page(
    title,
    `<div class="card"><h1>${h(title)}</h1><p>${h(message)}</p><p>You can go back to the shop now.</p></div>`,
  );
}

export function inactivePage(payment: Payment, merchantName: string): string {
  const what: Record<Payment['state'], string> = {
    CREATED: 'is waiting for approval',
    AUTHORIZED: 'has already been approved',
    ABORTED: 'was rejected',
    EXPIRED: 'has expired',
    TERMINATED: 'was cancelled by the shop',
  };
  return page(
    'Payment no longer active',
    `<div class="card">${summary(payment, merchantName)}
<div class="notice" role="status">This payment ${what[payment.state]} and can no longer be changed (state ${h(payment.state)}).</div>
<p>Go back to the shop to see your order.</p></div>`,
  );
}

export function unknownLinkPage(): string {
  return page(
    'Unknown payment link',
    `<div class="card"><h1>Unknown payment link</h1><p>This payment link is not known to the simulator. It may be mistyped, or the simulator was restarted or reset.</p></div>`,
  );
}

/** `GET /app/{phoneNumber}`: what waits in that phone's Vipps app. */
export function phoneAppPage(phone: string, payments: Payment[], merchantName: string): string {
  const items = payments
    .map(
      (p) =>
        `<li><a href="${h(appPaymentPath(phone, p.linkToken))}">${h(merchantName)}: <strong>${h(formatAmount(p.amount))}</strong><br><span class="muted">${h(p.paymentDescription ?? p.reference)}</span></a></li>`,
    )
    .join('\n');
  return page(
    `Vipps app of ${phone}`,
    `<h1>Vipps app of ${h(phone)}</h1>
${payments.length ? `<ul class="payments">${items}</ul>` : '<p>No payments are waiting for this phone number.</p>'}`,
  );
}
