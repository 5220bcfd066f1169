'use client';

import { useState } from 'react';
import { MAX_LINE_QUANTITY } from '@/lib/shop-rules';

interface QuantityStepperProps {
  id: string;
  /** Accessible name of the number field, e.g. "Quantity of Fjord enamel mug". */
  label: string;
  value: number;
  /** Lowest value the − button reaches: 1 on a product page, 0 (= remove) in the cart. */
  min: number;
  onChange: (quantity: number) => void;
  testId?: string;
}

/** − / number / + with keyboard-friendly buttons; typing is committed on blur or Enter, not per keystroke. */
export function QuantityStepper({ id, label, value, min, onChange, testId }: QuantityStepperProps) {
  const [draft, setDraft] = useState(String(value));
  // A new value from outside (a button, another tab) replaces what is being typed; adjusted during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }

  const commit = () => {
    const typed = Number.parseInt(draft, 10);
    if (Number.isNaN(typed)) setDraft(String(value));
    else onChange(Math.min(MAX_LINE_QUANTITY, Math.max(min, typed)));
  };
  const button =
    'flex h-10 w-10 items-center justify-center text-lg font-semibold text-shop-ink hover:bg-shop-surface disabled:opacity-40';

  return (
    <div className="inline-flex items-stretch overflow-hidden rounded-md border border-shop-line bg-white">
      <button
        type="button"
        className={button}
        aria-label={`Decrease ${label.toLowerCase()}`}
        disabled={value <= min}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <input
        id={id}
        aria-label={label}
        data-testid={testId}
        inputMode="numeric"
        pattern="[0-9]*"
        className="w-12 border-x border-shop-line text-center text-base tabular-nums"
        value={draft}
        onChange={(e) => setDraft(e.target.value.replace(/\D/g, '').slice(0, 2))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <button
        type="button"
        className={button}
        aria-label={`Increase ${label.toLowerCase()}`}
        disabled={value >= MAX_LINE_QUANTITY}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
