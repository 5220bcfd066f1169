import { z } from 'zod';

/** One of the signed-in staff member's live sessions, as the sessions page and GET /api/admin/sessions show it. */
export interface StaffSessionItem {
  id: number;
  /** ISO times. */
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  clientAddress: string | null;
  /** The session this request came with. */
  current: boolean;
}

export interface StaffSessionsResponse {
  sessions: StaffSessionItem[];
}

/** POST /api/admin/sessions/end: which of your own sessions to end. */
export const endSessionBodySchema = z.object({ sessionId: z.number().int().positive().max(2_147_483_647) });
export type EndSessionBody = z.infer<typeof endSessionBodySchema>;

export interface EndSessionResponse {
  ended: number;
}
