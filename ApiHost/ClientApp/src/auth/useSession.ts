import { useEffect, useState } from 'preact/hooks';
import { onSessionChange, session, type Session } from '../api/session';

export function useSession(): Session | null {
  const [current, setCurrent] = useState(session());
  useEffect(() => onSessionChange(setCurrent), []);
  return current;
}

export function hasRole(s: Session | null, role: string): boolean {
  return !!s?.user.roles.includes(role);
}

/** Every role but guest may write (create characters and conversations, send, rate). */
export function canWrite(s: Session | null): boolean {
  return !!s?.user.roles.some((r) => r !== 'guest');
}
