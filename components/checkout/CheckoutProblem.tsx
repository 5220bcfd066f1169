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
  // Throttled (429): nothing is wrong with the cart, so "fix what is shown" would send the shopper looking.
  const nextStep =
    code === 'too_many_attempts'
      ? 'Your cart is kept and nothing was charged. Wait, then press “Pay with Vipps” again.'
      : 'Your cart is kept. Fix what is shown and try again.';
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
      <p className="mt-1">{nextStep}</p>
    </div>
  );
}
