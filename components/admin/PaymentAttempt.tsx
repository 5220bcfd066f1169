import type { PaymentAttemptView } from '@/lib/admin-api';
import { ageOf, formatDateTime } from '@/lib/admin-format';
import { MoneyPanel } from './MoneyPanel';

interface PaymentAttemptProps {
  payment: PaymentAttemptView;
  now: number;
}

/**
 * One payment attempt: which payment at Vipps it is and its state, then the money panel, the one place its
 * amounts are shown (capture / refund / cancel forms for operators; amounts only for viewers).
 */
export function PaymentAttempt({ payment, now }: PaymentAttemptProps) {
  const { money } = payment;
  const headingId = `attempt-${payment.reference}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-shop-line bg-white p-4"
      data-testid={`attempt-${payment.attempt}`}
    >
      <h3 id={headingId} className="text-base font-semibold">
        Payment attempt {payment.attempt}
      </h3>
      <p className="mb-3 text-xs text-shop-muted [overflow-wrap:anywhere]">
        Reference {payment.reference}
        {payment.pspReference && ` · pspReference ${payment.pspReference}`}
      </p>
      <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-shop-muted">Vipps state</dt>
        <dd data-testid="vipps-state">{payment.vippsState ?? 'not created yet'}</dd>
        <dt className="text-shop-muted">Reserved</dt>
        <dd>
          {payment.authorizedAt
            ? `${formatDateTime(payment.authorizedAt)} (${ageOf(payment.authorizedAt, now)} ago)`
            : '—'}
        </dd>
      </dl>
      {payment.attentionReason && (
        <p className="mb-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          Needs attention: {payment.attentionReason}
        </p>
      )}
      {money.unknownOperations.length > 0 && (
        <p className="mb-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {money.unknownOperations.length === 1
            ? 'One operation has'
            : `${money.unknownOperations.length} operations have`}{' '}
          an unknown outcome: the amounts below may change once Vipps is asked.
        </p>
      )}
      <MoneyPanel {...money} />
    </section>
  );
}
