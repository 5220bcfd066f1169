import type { DayTakings } from '@/lib/admin-reports';
import { formatOre } from '@/lib/money';

// Captured and refunded per day, drawn on the server as SVG: no chart library and no client JavaScript
// (ADR 0014). Readable without colour: captured bars are solid, refunded bars hatched, the legend shows both
// patterns, and the same figures are in a table for screen readers and anyone who prefers numbers.

const WIDTH = 700;
const HEIGHT = 240;
const PAD = { top: 16, right: 8, bottom: 40, left: 64 };
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

const dayLabel = (day: string) => `${WEEKDAY.format(new Date(`${day}T00:00:00Z`))} ${Number(day.slice(8))}`;

/** A round step for the value axis: 1, 2 or 5 × a power of ten, in whole kroner. */
function niceMaxOre(maxOre: number): number {
  const kr = Math.max(1, Math.ceil(maxOre / 100));
  const power = 10 ** Math.floor(Math.log10(kr));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= kr)!;
  return step * 100;
}

export function TakingsChart({ days, currency = 'NOK' }: { days: DayTakings[]; currency?: string }) {
  const max = niceMaxOre(Math.max(0, ...days.flatMap((d) => [d.capturedOre, d.refundedOre])));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.min(18, slot / 2.6);
  const y = (ore: number) => PAD.top + plotH - (ore / max) * plotH;
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));

  return (
    <figure className="flex flex-col gap-2" aria-labelledby="takings-chart-title">
      <figcaption id="takings-chart-title" className="font-semibold">
        Captured and refunded per day, last {days.length} days
      </figcaption>
      <div className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
        <span className="flex items-center gap-1">
          <svg width="14" height="14">
            <rect width="14" height="14" fill="currentColor" />
          </svg>
          Captured
        </span>
        <span className="flex items-center gap-1">
          <svg width="14" height="14">
            <rect width="14" height="14" fill="url(#refund-hatch)" stroke="currentColor" />
          </svg>
          Refunded
        </span>
      </div>
      {days.every((d) => d.capturedOre === 0 && d.refundedOre === 0) && (
        <p className="text-sm text-shop-muted">Nothing was captured or refunded in these days.</p>
      )}
      {/* Below about 560 px the labels would shrink past legibility: scroll sideways instead. Right-to-left, so
          the box opens on today at its right end (without client JavaScript); the chart itself stays left-to-right. */}
      <div
        className="overflow-x-auto [direction:rtl]"
        tabIndex={0}
        aria-label="Chart, scrolls sideways on small screens"
        data-testid="takings-scroller"
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full min-w-[560px] text-shop-ink [direction:ltr]"
          role="img"
          aria-label="Bar chart of captured and refunded amounts per day; the table below has the same figures"
          data-testid="takings-chart"
        >
          <defs>
            <pattern id="refund-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="white" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" strokeWidth="3" />
            </pattern>
          </defs>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d4d4d8" />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="currentColor">
                {formatOre(tick, currency).replace(/,00/, '')}
              </text>
            </g>
          ))}
          {days.map((d, i) => {
            const x = PAD.left + i * slot + slot / 2;
            return (
              <g key={d.day} data-day={d.day}>
                <rect
                  x={x - barW - 1}
                  y={y(d.capturedOre)}
                  width={barW}
                  height={y(0) - y(d.capturedOre)}
                  fill="currentColor"
                />
                <rect
                  x={x + 1}
                  y={y(d.refundedOre)}
                  width={barW}
                  height={y(0) - y(d.refundedOre)}
                  fill="url(#refund-hatch)"
                  stroke={d.refundedOre > 0 ? 'currentColor' : 'none'}
                />
                <text x={x} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="currentColor">
                  {dayLabel(d.day).split(' ')[0]}
                </text>
                <text x={x} y={HEIGHT - PAD.bottom + 30} textAnchor="middle" fontSize="11" fill="currentColor">
                  {Number(d.day.slice(8))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">The figures as a table</summary>
        <table className="mt-2 w-full text-left" data-testid="takings-table">
          <caption className="sr-only">Captured and refunded per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Captured</th>
              <th scope="col">Refunded</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{formatOre(d.capturedOre, currency)}</td>
                <td>{formatOre(d.refundedOre, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
