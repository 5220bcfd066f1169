'use client';

import { forwardRef } from 'react';
import { PHONE_HINT } from '@/lib/shop-rules';

const PREFILL_NOTE = 'Vipps fills it in for you on the next page.';

interface PhoneFieldProps {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}

/** Optional mobile number: Vipps can then prefill it on its landing page. The error sits right under it. */
export const PhoneField = forwardRef<HTMLInputElement, PhoneFieldProps>(function PhoneField(
  { value, error, onChange },
  ref,
) {
  // The usual refusal is the hint itself: then the hint below would only repeat the red line above it.
  const hint = error === PHONE_HINT ? PREFILL_NOTE : `${PHONE_HINT} ${PREFILL_NOTE}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="checkout-phone" className="text-sm font-medium">
        Mobile number <span className="font-normal text-shop-muted">(optional)</span>
      </label>
      <input
        ref={ref}
        id="checkout-phone"
        name="phoneNumber"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={30}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'checkout-phone-error checkout-phone-hint' : 'checkout-phone-hint'}
        className="rounded-md border border-shop-line px-3 py-2 text-base aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700"
      />
      {error && (
        <p id="checkout-phone-error" data-testid="phone-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <p id="checkout-phone-hint" className="text-xs text-shop-muted">
        {hint}
      </p>
    </div>
  );
});
