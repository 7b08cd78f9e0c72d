/**
 * Installed once per server process by instrumentation.ts: stamps each incoming HTTP request with its socket's
 * address in a private header (overwriting any value a client sent), because Next gives route handlers no socket.
 * See server/http/client-address.ts for how the address is used.
 */
import http from 'node:http';
import https from 'node:https';
import { markPeerHookInstalled, PEER_HEADER, peerHookInstalled } from './client-address';

export function installPeerHook() {
  if (peerHookInstalled()) return;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
  markPeerHookInstalled();
}
