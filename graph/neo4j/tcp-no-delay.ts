/**
 * Turns Nagle's algorithm off for the TCP sockets this process opens. neo4j-driver writes a Bolt message in
 * 1,400-byte pieces and never sets TCP_NODELAY, so any statement whose parameters exceed one piece (a
 * document's text, a batch of rows) waits for the server's delayed ACK: about 40 ms per statement on Linux,
 * which dwarfed the work of an import. The driver offers no socket option, hence the `net.client.socket`
 * diagnostics channel, which sees every client socket `net.connect` creates (not those of `tls.connect`, which
 * `neo4j+s://` uses; Node's own HTTP clients already disable Nagle for theirs).
 */
import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

let subscribed = false;

function noDelay(message: unknown): void {
  (message as { socket?: Socket }).socket?.setNoDelay(true);
}

export function disableNagleForClientSockets(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe('net.client.socket', noDelay);
}
