import 'server-only';
import type { DashboardFigures } from '@/lib/admin-reports';
import { getDb } from '../db';
import { getEnv } from '../env';
import { dashboardFigures } from './dashboard';

/** The admin home's figures, with the configured "stale reservation" age. */
export async function currentDashboard(): Promise<DashboardFigures> {
  return dashboardFigures(await getDb(), { staleAfterDays: getEnv().RESERVATION_STALE_AFTER_DAYS });
}
