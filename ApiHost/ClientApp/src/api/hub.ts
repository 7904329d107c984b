import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { accessToken } from './session';

// One connection per tab, shared by every open view; the official client reconnects on its own and each view
// joins its conversation again with the last seq it saw.
let connection: HubConnection | null = null;
let starting: Promise<void> | null = null;

export type LinkState = 'reconnecting' | 'reconnected' | 'closed';
const linkListeners = new Set<(state: LinkState) => void>();

/** Follows the connection's ups and downs; returns the unsubscribe function. */
export function onLink(listener: (state: LinkState) => void): () => void {
  linkListeners.add(listener);
  return () => linkListeners.delete(listener);
}

function hub(): HubConnection {
  if (connection) return connection;
  const c = new HubConnectionBuilder()
    .withUrl('/hubs/chat', { accessTokenFactory: async () => (await accessToken()) ?? '' })
    // Never gives up: every retry is at most 10 s apart.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(1000 * 2 ** ctx.previousRetryCount, 10_000) })
    .configureLogging(LogLevel.Warning)
    .build();
  c.onreconnecting(() => linkListeners.forEach((l) => l('reconnecting')));
  c.onreconnected(() => linkListeners.forEach((l) => l('reconnected')));
  c.onclose(() => linkListeners.forEach((l) => l('closed')));
  connection = c;
  return c;
}

/** Starts the connection if it is not running (again, after it closed for good). */
export async function connected(): Promise<HubConnection> {
  const c = hub();
  if (c.state === HubConnectionState.Disconnected) {
    starting ??= c.start().finally(() => (starting = null));
  }
  if (starting) await starting;
  return c;
}

/** Stops the connection, e.g. on sign-out, so the next user gets a connection with their own token. */
export async function disconnect() {
  const c = connection;
  connection = null;
  await c?.stop();
}

/** The `E1234: detail` part of a HubException (docs/api.md, SignalR hub: Errors). */
export function hubErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /HubException: (E\d{4}): (.*)$/.exec(text);
  return match ? `${match[2]} (${match[1]})` : text;
}
