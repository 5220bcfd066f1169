'use client';

import { useRef, useState, type FormEvent } from 'react';
import type { CartLine } from '@/lib/cart/cart';
import { forgetIdempotencyKey, idempotencyKeyFor } from '@/lib/checkout/idempotency';
import type { CheckoutRequest } from '@/lib/shop-api';
import { PHONE_HINT, checkPhoneInput } from '@/lib/shop-rules';
import { CheckoutProblem } from './CheckoutProblem';
import { PayWithVippsButton } from './PayWithVippsButton';
import { PhoneField } from './PhoneField';
import { ShareProfileField } from './ShareProfileField';
import { useStartPayment } from './useStartPayment';

/**
 * The checkout request for these lines, this phone field (blank means "no number") and the sharing choice. Not
 * sharing sends no `shareProfile` at all, so that request is the very one the shop took before profile sharing.
 */
function checkoutRequest(lines: readonly CartLine[], phone: string, shareProfile: boolean): CheckoutRequest {
  const items = lines.map(({ sku, quantity }) => ({ sku, quantity }));
  const phoneNumber = phone.trim();
  return { items, ...(phoneNumber && { phoneNumber }), ...(shareProfile && { shareProfile }) };
}

export function CheckoutForm({ lines }: { lines: readonly CartLine[] }) {
  const [phone, setPhone] = useState('');
  const [shareProfile, setShareProfile] = useState(true);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  // The server's phone error refers to what was sent; once the shopper edits the number it no longer applies.
  const [phoneEditedSinceSubmit, setPhoneEditedSinceSubmit] = useState(false);
  const phoneRef = useRef<HTMLInputElement>(null);
  const { state, start } = useStartPayment();

  // Field errors the server sent (400 `errors[]`): the phone's go under the field, the rest into the box.
  const serverErrors = state.phase === 'problem' ? (state.problem.errors ?? []) : [];
  const serverPhoneError = phoneEditedSinceSubmit
    ? null
    : (serverErrors.find((e) => e.path === 'phoneNumber')?.message ?? null);
  const otherErrors = serverErrors.filter((e) => e.path !== 'phoneNumber').map((e) => e.message);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkPhoneInput(phone).ok) {
      setPhoneError(PHONE_HINT);
      phoneRef.current?.focus();
      return;
    }
    setPhoneError(null);
    setPhoneEditedSinceSubmit(false);
    const body = checkoutRequest(lines, phone, shareProfile);
    await start('/api/checkout', {
      body,
      headers: { 'Idempotency-Key': idempotencyKeyFor(body, window.sessionStorage) },
      onStarted: () => forgetIdempotencyKey(window.sessionStorage),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label="Pay">
      <PhoneField
        ref={phoneRef}
        value={phone}
        error={phoneError ?? serverPhoneError}
        onChange={(value) => {
          setPhone(value);
          setPhoneError(null);
          setPhoneEditedSinceSubmit(true);
        }}
      />
      <ShareProfileField checked={shareProfile} onChange={setShareProfile} />
      <CheckoutProblem state={state} otherErrors={otherErrors} />
      <PayWithVippsButton phase={state.phase} />
      <p role="status" aria-live="polite" className="sr-only" data-testid="checkout-progress">
        {state.phase === 'pending'
          ? 'Starting your Vipps payment…'
          : state.phase === 'redirecting'
            ? 'Opening Vipps…'
            : ''}
      </p>
      <p className="text-center text-xs text-shop-muted">
        You approve the payment on the Vipps page, then come back here for your receipt.
      </p>
    </form>
  );
}
