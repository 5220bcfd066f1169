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
  // Vipps was busy or unreachable and nothing was sent on (a 503 `vipps_unavailable`): there is nothing for the
  // shopper to fix, only to wait a moment; pressing again resumes this same checkout (same key, same order).
  const retryLater = code === 'vipps_unavailable';
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
      {retryLater ? (
        <p className="mt-1" data-testid="checkout-try-again">
          Your cart is kept and nothing was charged. Press “Pay with Vipps” again in a moment.
        </p>
      ) : (
        <p className="mt-1">Your cart is kept. Fix what is shown and try again.</p>
      )}
    </div>
  );
}
