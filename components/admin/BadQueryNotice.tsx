interface BadQueryNoticeProps {
  /** The query fields that were not valid, e.g. `['status']`. */
  fields: string[];
  /** What is shown instead, e.g. "all orders". */
  shown: string;
}

/** A hand-edited address with a filter or page we do not know: say which, and what the list shows instead. */
export function BadQueryNotice({ fields, shown }: BadQueryNoticeProps) {
  if (fields.length === 0) return null;
  const named = [...new Set(fields)].map((field) => `“${field}”`).join(', ');
  return (
    <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="bad-query">
      That filter or page is not one we know ({named} in the address), so {shown} are shown.
    </p>
  );
}
