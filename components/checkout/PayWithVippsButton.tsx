import type { StartPaymentState } from './useStartPayment';

interface PayWithVippsButtonProps {
  phase: StartPaymentState['phase'];
  /** "Pay with Vipps" at checkout, "Try again with Vipps" on /return. */
  label?: string;
  type?: 'submit' | 'button';
  onClick?: () => void;
  testId?: string;
}

/**
 * The Vipps-orange call to action. Text is 20 px bold so white on #ff5b24 meets the 3:1 large-text contrast.
 * `aria-disabled` rather than `disabled` while pending keeps focus on the button for keyboard and screen
 * reader users; the click handler ignores presses then.
 */
export function PayWithVippsButton({
  phase,
  label = 'Pay with Vipps',
  type = 'submit',
  onClick,
  testId,
}: PayWithVippsButtonProps) {
  const busy = phase === 'pending' || phase === 'redirecting';
  return (
    <button
      type={type}
      data-testid={testId ?? 'pay-with-vipps'}
      aria-disabled={busy}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.();
      }}
      className="flex w-full items-center justify-center gap-3 rounded-full bg-vipps px-6 py-3 text-xl font-bold text-white shadow-sm hover:bg-vipps-dark aria-disabled:cursor-wait aria-disabled:bg-vipps-dark"
    >
      {busy && (
        <span
          aria-hidden="true"
          className="h-5 w-5 animate-spin rounded-full border-[3px] border-white/40 border-t-white"
        />
      )}
      {phase === 'pending' ? 'Contacting Vipps…' : phase === 'redirecting' ? 'Opening Vipps…' : label}
    </button>
  );
}
