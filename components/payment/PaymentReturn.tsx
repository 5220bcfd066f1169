'use client';

import { NeedsAttentionScreen } from './outcomes/NeedsAttentionScreen';
import { NotPaidScreen } from './outcomes/NotPaidScreen';
import { PaidScreen } from './outcomes/PaidScreen';
import { PaymentNotFound } from './outcomes/PaymentNotFound';
import { PaymentWaiting } from './PaymentWaiting';
import { useElapsed } from './useElapsed';
import { isNotFound, usePaymentStatus } from './usePaymentStatus';

/**
 * /return after Vipps: poll our status route and show the screen for the outcome. "Paid" appears only when
 * the server says `paid` (Vipps AUTHORIZED, amount matching); until then, and for anything unknown, we wait.
 */
export function PaymentReturn({ reference }: { reference: string }) {
  const elapsedMs = useElapsed();
  const { data: status, error, mutate } = usePaymentStatus(reference, elapsedMs);
  const refresh = () => void mutate();

  if (!status && isNotFound(error)) return <PaymentNotFound />;
  switch (status?.outcome) {
    case 'paid':
      return <PaidScreen status={status} />;
    case 'needs_attention':
      return <NeedsAttentionScreen status={status} />;
    case 'cancelled':
    case 'expired':
    case 'terminated':
      return <NotPaidScreen outcome={status.outcome} status={status} onRefresh={refresh} />;
    default:
      return (
        <PaymentWaiting
          elapsedMs={elapsedMs}
          orderNumber={status?.orderNumber}
          connectionTrouble={Boolean(error)}
          onCheckNow={refresh}
        />
      );
  }
}
