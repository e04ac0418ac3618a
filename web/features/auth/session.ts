import { createSignal } from 'solid-js';
import { api } from '../../lib/api.ts';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionUser; activeOrganizationId: string | null };

type GetSessionResponse = {
  session: { activeOrganizationId?: string | null };
  user: SessionUser;
} | null;

const [session, setSession] = createSignal<SessionState>({ status: 'loading' });
/**
 * Bumped on every sign-in: a new session cookie only reaches zero-cache on a
 * new socket, so the Zero instance is rebuilt (it is keyed on this).
 */
const [sessionEpoch, setSessionEpoch] = createSignal(0);

export { session, sessionEpoch };

/** The signed-in user, or undefined. */
export function currentUser(): SessionUser | undefined {
  const s = session();
  return s.status === 'signed-in' ? s.user : undefined;
}

/**
 * Reads the session from the server. The cookie cache is bypassed because
 * better-auth does not refresh it when an organization is created, so the
 * cached copy can carry a stale active organization.
 */
export async function refreshSession(): Promise<SessionState> {
  try {
    const data = await api.get<GetSessionResponse>('/api/auth/get-session', { disableCookieCache: true });
    const next: SessionState = data?.user
      ? { status: 'signed-in', user: data.user, activeOrganizationId: data.session.activeOrganizationId ?? null }
      : { status: 'signed-out' };
    setSession(next);
    return next;
  } catch (err) {
    // A network failure at start-up should not look like "signed out" forever.
    if (session().status === 'loading') setSession({ status: 'signed-out' });
    throw err;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  await api.post('/api/auth/sign-in/email', { email, password });
  setSessionEpoch((n) => n + 1);
  await refreshSession();
}

export async function signUp(name: string, email: string, password: string): Promise<void> {
  await api.post('/api/auth/sign-up/email', { name, email, password });
  setSessionEpoch((n) => n + 1);
  await refreshSession();
}

/** Google sign-in leaves the page; better-auth sends the person back to callbackURL. */
export async function signInWithGoogle(callbackURL: string): Promise<void> {
  const res = await api.post<{ url?: string }>('/api/auth/sign-in/social', { provider: 'google', callbackURL });
  if (res.url) location.assign(res.url);
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/sign-out');
  } finally {
    setSession({ status: 'signed-out' });
  }
}

/** Records the organization the server now has as active for this session. */
export function setActiveOrganizationId(id: string | null): void {
  const s = session();
  if (s.status === 'signed-in') setSession({ ...s, activeOrganizationId: id });
}
