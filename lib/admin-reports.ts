// What the admin dashboard shows (lib/server/reports/dashboard.ts computes it). Amounts in øre.

export interface DayTakings {
  /** YYYY-MM-DD, a day in Norway. */
  day: string;
  capturedOre: number;
  refundedOre: number;
}

export interface DashboardFigures {
  currency: 'NOK';
  /** Captured minus refunded, today and over the last 7 and 30 days (today included). */
  takings: { todayOre: number; last7DaysOre: number; last30DaysOre: number };
  /** Authorized, not captured and not cancelled, on payments still AUTHORIZED. */
  reserved: { payments: number; amountOre: number };
  /** Of those, reserved longer ago than `staleAfterDays`: capture or cancel before the reservation lapses. */
  staleReservations: { payments: number; amountOre: number; staleAfterDays: number };
  needsAttention: number;
  outcomeUnknown: number;
  /** The last 14 days, oldest first, every day present (zeros included). */
  daily: DayTakings[];
}
