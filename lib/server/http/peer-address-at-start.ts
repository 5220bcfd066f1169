import http from 'node:http';
import https from 'node:https';
import { PEER_ADDRESS_HEADER } from './client-address';

/**
 * Stamps every request the server receives with its TCP peer's address, before Next.js sees it, so that
 * clientAddress() can tell the real peer from a client-written X-Forwarded-For (see client-address.ts for why
 * Next's own header cannot). Next's server creates its http(s) server with a 'request' listener, which Node
 * delivers through Server.prototype.emit; wrapping emit reaches that listener without a custom server. The
 * header is always overwritten, so a client cannot send its own.
 */
type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const STAMPED = Symbol.for('fjellbutikken.peer-address-stamp');

function stampPeerAddress(server: { prototype: http.Server }): void {
  const proto = server.prototype as http.Server & { [STAMPED]?: true };
  if (proto[STAMPED]) return;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the server as `this` below
  const emit = proto.emit as Emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  proto[STAMPED] = true;
}

stampPeerAddress(http.Server);
stampPeerAddress(https.Server);
