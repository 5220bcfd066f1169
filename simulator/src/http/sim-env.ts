/** The Hono environment of every simulator route: Node bindings (for dropping sockets) and per-request values. */
import type { HttpBindings } from '@hono/node-server';

export interface SimEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    msn: string;
    /** Set by handlers whose reference is not in the path (create), for the request log. */
    logReference: string;
    /** Set when a fault dropped the connection, for the request log. */
    dropped: boolean;
    /** The body as `readJsonBody` parsed it, so a fault matcher and the route read it once. */
    parsedJsonBody: { ok: true; value: unknown } | { ok: false; error: unknown };
  };
}
