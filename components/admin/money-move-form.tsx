'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { amountProblem, confirmationText } from '@/lib/admin-money';
import { oreToKronerInput, parseKroner } from '@/lib/money';
import { MoneyConfirm, NoteField } from './money-confirm';

const WORDS = {
  capture: { verb: 'Capture', label: 'Amount to capture (kr)', busy: 'Capturing…' },
  refund: { verb: 'Refund', label: 'Amount to refund (kr)', busy: 'Refunding…' },
} as const;

/**
 * Capture or refund: an amount in kroner, a note, then a confirmation in words. A capture starts at all that is
 * left (what a shop usually ships); a refund starts empty, so the amount given back is always typed on purpose.
 * The panel re-mounts this form whenever the server's figures change, so the capture default always matches them.
 */
export function MoneyMoveForm(props: {
  kind: 'capture' | 'refund';
  currency: string;
  availableOre: number;
  capturedOre: number;
  busy: boolean;
  onMove: (move: { amountOre: number; note: string }) => Promise<void>;
}) {
  const words = WORDS[props.kind];
  const amountId = useId();
  const errorId = useId();
  const [amount, setAmount] = useState(() => (props.kind === 'capture' ? oreToKronerInput(props.availableOre) : ''));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseKroner(amount);
    const problem = parsed.ok
      ? amountProblem(props.kind, parsed.ore, props.availableOre, props.currency)
      : parsed.reason;
    setError(problem);
    if (parsed.ok && !problem) setConfirming(parsed.ore);
    else amountRef.current?.focus();
  }

  async function confirm(amountOre: number) {
    await props.onMove({ amountOre, note: note.trim() });
    setConfirming(null);
  }

  return (
    <form onSubmit={review} noValidate aria-label={words.verb} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={amountId} className="text-sm font-medium">
          {words.label}
        </label>
        <input
          id={amountId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          ref={amountRef}
          value={amount}
          // Read-only, not disabled, while confirming: the sentence stays true and "Go back" can focus it.
          readOnly={props.busy || confirming !== null}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setAmount(e.target.value);
            setError(null);
          }}
          className="rounded-md border border-shop-muted px-3 py-2 tabular-nums aria-invalid:border-red-700"
        />
        {error && (
          <p id={errorId} data-testid={`money-${props.kind}-error`} className="text-sm text-red-800">
            {error}
          </p>
        )}
      </div>
      <NoteField value={note} onChange={setNote} readOnly={props.busy || confirming !== null} />
      {confirming === null ? (
        <button
          type="submit"
          disabled={props.busy}
          className="self-start rounded-md border border-vipps-dark px-4 py-2 font-semibold text-vipps-dark disabled:opacity-60"
        >
          {words.verb}…
        </button>
      ) : (
        <MoneyConfirm
          sentence={confirmationText({
            kind: props.kind,
            currency: props.currency,
            amountOre: confirming,
            availableOre: props.availableOre,
            capturedOre: props.capturedOre,
          })}
          confirmLabel={`Confirm ${props.kind}`}
          busyLabel={words.busy}
          busy={props.busy}
          onConfirm={() => void confirm(confirming)}
          onBack={() => {
            setConfirming(null);
            amountRef.current?.focus();
          }}
        />
      )}
    </form>
  );
}
