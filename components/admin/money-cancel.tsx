'use client';

import { useState } from 'react';
import { confirmationText } from '@/lib/admin-money';
import { MoneyConfirm, NoteField } from './money-confirm';

/** Cancel releases what is reserved and not captured; when it cannot, staff read why instead of a button. */
export function MoneyCancel(props: {
  currency: string;
  remainderOre: number;
  capturedOre: number;
  cancellable: boolean;
  cancelBlockedBy: string | null;
  busy: boolean;
  onCancel: (move: { note: string }) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  if (!props.cancellable) {
    return (
      <p data-testid="money-cancel-blocked" className="text-sm text-shop-muted">
        <span className="font-semibold">Cancel is not offered.</span>{' '}
        {props.cancelBlockedBy ?? 'There is nothing to release.'}
      </p>
    );
  }
  if (!confirming) {
    return (
      <button
        type="button"
        disabled={props.busy}
        onClick={() => setConfirming(true)}
        className="self-start rounded-md border border-red-800 px-4 py-2 font-semibold text-red-800 disabled:opacity-60"
      >
        Cancel reservation…
      </button>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <NoteField value={note} onChange={setNote} readOnly={props.busy} />
      <MoneyConfirm
        sentence={confirmationText({
          kind: 'cancel',
          currency: props.currency,
          amountOre: props.remainderOre,
          availableOre: props.remainderOre,
          capturedOre: props.capturedOre,
        })}
        confirmLabel="Confirm cancel"
        busyLabel="Cancelling…"
        busy={props.busy}
        onConfirm={() =>
          void props.onCancel({ note: note.trim() }).then(() => {
            setConfirming(false);
          })
        }
        onBack={() => setConfirming(false)}
      />
    </div>
  );
}
