import { formatShopDay } from '@/lib/admin-format';

interface ExportFormProps {
  /** YYYY-MM-DD: the default range (the last 30 days in Norway), worked out by the page on the server. */
  from: string;
  to: string;
}

const button =
  'rounded-md border border-shop-ink bg-white px-3 py-1.5 text-sm font-semibold text-shop-ink hover:bg-shop-surface';

/**
 * Text fields, not `type="date"`: a date input shows the browser's own format (mm/dd/yyyy in an English
 * browser) beside the tables' 07.12.2026, and the shop writes every day one way.
 *
 * The bookkeeping exports as a plain GET form, so the browser downloads the CSV itself (no JavaScript, no blob URLs).
 * Each button posts the same dates to its own export via `formAction`; the route answers with an attachment.
 */
export function ExportForm({ from, to }: ExportFormProps) {
  return (
    <form
      method="get"
      action="/api/admin/exports/orders"
      aria-labelledby="export-heading"
      className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-shop-line bg-white p-4"
    >
      <div className="w-full">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export for bookkeeping
        </h2>
        <p className="text-sm text-shop-muted" id="export-hint">
          Days as dd.mm.yyyy in Norway, both included. CSV in UTF-8, times in ISO 8601 UTC, amounts in øre and in kr.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="export-from" className="text-sm font-medium">
          From
        </label>
        <input
          id="export-from"
          name="from"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd.mm.yyyy"
          pattern="\d{1,2}\.\d{1,2}\.\d{4}"
          required
          defaultValue={formatShopDay(from)}
          aria-describedby="export-hint"
          className="w-36 rounded-md border border-gray-400 px-2 py-1.5 text-sm tabular-nums"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="export-to" className="text-sm font-medium">
          To
        </label>
        <input
          id="export-to"
          name="to"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd.mm.yyyy"
          pattern="\d{1,2}\.\d{1,2}\.\d{4}"
          required
          defaultValue={formatShopDay(to)}
          className="w-36 rounded-md border border-gray-400 px-2 py-1.5 text-sm tabular-nums"
        />
      </div>
      {/* Together, so at tablet width both wrap below the dates rather than one of them alone. */}
      <div className="flex flex-wrap gap-3">
        <button type="submit" formAction="/api/admin/exports/orders" className={button}>
          Download orders (CSV)
        </button>
        <button type="submit" formAction="/api/admin/exports/operations" className={button}>
          Download money operations (CSV)
        </button>
      </div>
    </form>
  );
}
