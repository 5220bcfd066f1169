'use client';

import { useId, type ReactNode } from 'react';
import type { MoneyPanelProps } from '@/lib/admin-api';
import { doneText, type MoneyMoveKind } from '@/lib/admin-money';
import { formatOre } from '@/lib/money';
import { MoneyCancel } from './money-cancel';
import { MoneyMoveForm } from './money-move-form';
import { refusedByVipps, useMoneyRequest, type Describe } from './money-request';
import { MoneyResult } from './money-result';
import { MoneyUnknown } from './money-unknown';

/**
 * The money of one payment attempt: what Vipps holds (from our ledger, computed on the server) and, for
 * operators, capture / refund / cancel with a confirmation in words, and "Check with Vipps" for each operation
 * whose outcome is unknown. The browser sends only the amount staff typed; the server decides what is allowed.
 */
export function MoneyPanel(props: MoneyPanelProps) {
  const headingId = useId();
  const { busy, refreshing, progress, outcome, run } = useMoneyRequest();
  const settledSince =
    outcome?.operationId !== undefined &&
    !refreshing &&
    !props.unknownOperations.some((operation) => operation.id === outcome.operationId);
  const kr = (ore: number) => formatOre(ore, props.currency);
  const base = `/api/admin/payments/${encodeURIComponent(props.reference)}`;
  const describe =
    (kind: MoneyMoveKind): Describe =>
    (response) =>
      response.status === 'succeeded'
        ? { tone: 'success', title: doneText(kind, response.amountOre, props.currency) }
        : refusedByVipps(response);

  const figures: [string, string, number][] = [
    ['authorized', 'Authorized', props.authorizedOre],
    ['captured', 'Captured', props.capturedOre],
    ['refunded', 'Refunded', props.refundedOre],
    ['cancelled', 'Cancelled (released)', props.cancelledOre],
    ['capturable', 'Can still be captured', props.capturableOre],
    ['refundable', 'Can still be refunded', props.refundableOre],
  ];

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`money-panel-${props.reference}`}
      className="flex flex-col gap-4 rounded-lg border border-shop-line bg-white p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Money
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
        {figures.map(([key, label, ore]) => (
          <div key={key} className="flex flex-col">
            <dt className="text-xs uppercase tracking-wide text-shop-muted">{label}</dt>
            <dd data-testid={`money-${key}`} className="text-base font-semibold tabular-nums">
              {kr(ore)}
            </dd>
          </div>
        ))}
      </dl>

      <MoneyResult progress={progress} outcome={outcome} settledSince={settledSince} refreshing={refreshing} />

      <MoneyUnknown
        operations={props.unknownOperations}
        currency={props.currency}
        canMoveMoney={props.canMoveMoney}
        busy={busy}
        onCheck={(operation) =>
          run({
            progress: `Asking Vipps about the ${operation.kind} of ${kr(operation.amountOre)}…`,
            url: `/api/admin/operations/${operation.id}/settle`,
            describe: (response) =>
              response.status === 'succeeded'
                ? {
                    tone: 'success',
                    title: `Checked with Vipps: the ${operation.kind} of ${kr(response.amountOre)} went through.`,
                  }
                : {
                    tone: 'refused',
                    title: `Checked with Vipps: the ${operation.kind} of ${kr(response.amountOre)} did not happen.`,
                    detail: 'Nothing was changed. You may try it again.',
                  },
          })
        }
      />

      {props.canMoveMoney ? (
        <div className="grid gap-4 md:grid-cols-3">
          <Action title="Capture">
            {props.capturableOre > 0 ? (
              <MoneyMoveForm
                key={`capture-${props.capturableOre}`}
                kind="capture"
                currency={props.currency}
                availableOre={props.capturableOre}
                capturedOre={props.capturedOre}
                busy={busy}
                onMove={({ amountOre, note }) =>
                  run({
                    progress: `Capturing ${kr(amountOre)}…`,
                    url: `${base}/capture`,
                    body: { amountOre, ...(note && { note }) },
                    describe: describe('capture'),
                  })
                }
              />
            ) : (
              <p className="text-sm text-shop-muted">Nothing is left to capture.</p>
            )}
          </Action>
          <Action title="Refund">
            {props.refundableOre > 0 ? (
              <MoneyMoveForm
                key={`refund-${props.refundableOre}`}
                kind="refund"
                currency={props.currency}
                availableOre={props.refundableOre}
                capturedOre={props.capturedOre}
                busy={busy}
                onMove={({ amountOre, note }) =>
                  run({
                    progress: `Refunding ${kr(amountOre)}…`,
                    url: `${base}/refund`,
                    body: { amountOre, ...(note && { note }) },
                    describe: describe('refund'),
                  })
                }
              />
            ) : (
              <p className="text-sm text-shop-muted">
                {props.capturedOre > 0
                  ? 'Everything captured has been refunded.'
                  : 'Nothing is captured yet, so nothing can be refunded.'}
              </p>
            )}
          </Action>
          <Action title="Cancel">
            <MoneyCancel
              key={`cancel-${props.capturableOre}-${props.cancellable}`}
              currency={props.currency}
              remainderOre={props.capturableOre}
              capturedOre={props.capturedOre}
              cancellable={props.cancellable}
              cancelBlockedBy={props.cancelBlockedBy}
              busy={busy}
              onCancel={({ note }) =>
                run({
                  progress: 'Cancelling the reservation…',
                  url: `${base}/cancel`,
                  body: note ? { note } : {},
                  describe: describe('cancel'),
                })
              }
            />
          </Action>
        </div>
      ) : (
        <p className="text-sm text-shop-muted">
          You can see the amounts; capture, refund and cancel need the operator role.
        </p>
      )}
    </section>
  );
}

function Action({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-3 rounded-md border border-shop-line p-3">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </div>
  );
}
