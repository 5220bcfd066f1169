import type { StartPaymentState } from './useStartPayment';

/** What went wrong with "Pay with Vipps", next to the button, with the reassurance that matters. */
export function CheckoutProblem({ state, otherErrors }: { state: StartPaymentState; otherErrors: string[] }) {
  if (state.phase === 'network') {
    return (
      <div role="alert" data-testid="checkout-error" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">We could not reach the shop.</p>
        <p>
          Check your connection and press “Pay with Vipps” again. Your cart is kept, and you will not be charged twice.
        </p>
      </div>
    );
  }
  if (state.phase !== 'problem') return null;
  const { title, detail, code } = state.problem;
  // Nothing is wrong with the cart when Vipps was busy (503 `vipps_unavailable`, nothing sent on) or the shop
  // throttled this address (429): "fix what is shown" would send the shopper looking. Pressing again resumes this
  // same checkout (same key, same order).
  const waitThenRetry = code === 'vipps_unavailable' || code === 'too_many_attempts';
  return (
    <div role="alert" data-testid="checkout-error" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-semibold">{title}</p>
      {detail && <p>{detail}</p>}
      {otherErrors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {waitThenRetry ? (
        <p className="mt-1" data-testid="checkout-try-again">
          Your cart is kept and nothing was charged. Wait a moment, then press “Pay with Vipps” again.
        </p>
      ) : (
        <p className="mt-1">Your cart is kept. Fix what is shown and try again.</p>
      )}
    </div>
  );
}
