'use client';

import { useEffect, useId, useRef } from 'react';

/**
 * The confirmation step of a money move: the sentence that says exactly what will happen, and the two ways
 * out. Focus lands on the confirm button, which the sentence describes, so a screen reader reads it first.
 */
export function MoneyConfirm(props: {
  sentence: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const sentenceId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div className="flex flex-col gap-3 rounded-md border border-vipps-dark bg-vipps-light p-3">
      <p id={sentenceId} data-testid="money-confirm-text" className="font-semibold">
        {props.sentence}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          aria-describedby={sentenceId}
          disabled={props.busy}
          onClick={props.onConfirm}
          className="rounded-md bg-vipps-dark px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {props.busy ? props.busyLabel : props.confirmLabel}
        </button>
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onBack}
          className="rounded-md border border-shop-line bg-white px-4 py-2 disabled:opacity-60"
        >
          Go back
        </button>
      </div>
    </div>
  );
}

/** The optional note every money move carries into the staff log. */
export function NoteField(props: { value: string; onChange: (value: string) => void; readOnly: boolean }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        Note (optional)
      </label>
      <input
        id={id}
        type="text"
        maxLength={500}
        value={props.value}
        readOnly={props.readOnly}
        onChange={(e) => props.onChange(e.target.value)}
        className="rounded-md border border-shop-muted px-3 py-2"
      />
    </div>
  );
}
