import { api } from '../api/http';
import { disconnect } from '../api/hub';
import { adopt, forget, session } from '../api/session';
import type { Tokens } from '../api/types';

export async function signIn(login: string, password: string) {
  adopt(await api<Tokens>('/auth/login', { method: 'POST', json: { login, password }, anonymous: true }));
}

export async function signUp(username: string, email: string, password: string) {
  await api('/auth/register', { method: 'POST', json: { username, email, password }, anonymous: true });
  await signIn(username, password);
}

export async function signOut() {
  const refreshToken = session()?.refreshToken;
  await disconnect();
  forget();
  if (refreshToken) await api('/auth/logout', { method: 'POST', json: { refreshToken }, anonymous: true }).catch(() => undefined);
}
