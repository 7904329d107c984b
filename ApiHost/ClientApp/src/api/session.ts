import type { Tokens, User } from './types';

// The refresh token (and the short-lived access token) live in localStorage so a reload or a second tab stays
// signed in; refreshes are serialised across tabs with a Web Lock, because presenting a rotated refresh token twice
// revokes the whole session (E8004).
const storageKey = 'llmmultichat.session';
const lockName = 'llmmultichat.refresh';
const refreshMarginMs = 60_000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  user: User;
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = read();
let timer: number | undefined;

function read(): Session | null {
  const raw = localStorage.getItem(storageKey);
  return raw ? (JSON.parse(raw) as Session) : null;
}

function publish(session: Session | null) {
  current = session;
  if (session) localStorage.setItem(storageKey, JSON.stringify(session));
  else localStorage.removeItem(storageKey);
  schedule();
  listeners.forEach((l) => l(session));
}

function schedule() {
  window.clearTimeout(timer);
  if (!current) return;
  const due = Math.max(current.expiresAt - Date.now() - refreshMarginMs, 1_000);
  timer = window.setTimeout(() => void refresh().catch(() => undefined), due);
}

// Another tab signed in, out or refreshed.
window.addEventListener('storage', (e) => {
  if (e.key !== storageKey) return;
  current = read();
  schedule();
  listeners.forEach((l) => l(current));
});

export function session(): Session | null {
  return current;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function adopt(tokens: Tokens) {
  publish({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    user: tokens.user,
  });
}

export function forget() {
  publish(null);
}

/** A fresh access token; null when the session has ended (the caller signs in again). */
export async function refresh(): Promise<string | null> {
  const used = current?.refreshToken;
  if (!used) return null;
  return navigator.locks.request(lockName, async () => {
    const stored = read();
    if (stored && stored.refreshToken !== used) {
      // Another tab rotated it while we waited for the lock.
      current = stored;
      schedule();
      return stored.accessToken;
    }
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: used }),
    });
    if (response.status === 401 || response.status === 403) {
      forget();
      return null;
    }
    if (!response.ok) throw new Error(`Refreshing the session failed (${response.status}).`);
    adopt((await response.json()) as Tokens);
    return current!.accessToken;
  });
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() < refreshMarginMs) return refresh();
  return current.accessToken;
}

schedule();
