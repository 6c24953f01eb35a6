import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, client, rememberCsrfToken, unwrap, type Me } from './api';

export const ME_KEY = ['auth', 'me'] as const;

/** GET /auth/me; null when not signed in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await unwrap(client.GET('/api/v1/auth/me'));
    rememberCsrfToken(res.csrfToken);
    return res.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/**
 * Whether this browser may hold a session: login sets the readable CSRF cookie (reman_csrf) beside the httpOnly
 * session cookie, logout clears both. Without it, asking /auth/me only earns a 401 in the console (issue 16 item 7).
 */
export function mayHaveSession(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)reman_csrf=/.test(document.cookie);
}

/** The signed-in user, or null. `onlyIfSession`: the public pages do not ask when no session cookie exists. */
export function useMe(opts: { onlyIfSession?: boolean } = {}) {
  const ask = !opts.onlyIfSession || mayHaveSession();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ask ? fetchMe : () => Promise.resolve(null),
    staleTime: 5 * 60_000,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

/** The signed-in user; only call below the auth guard. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser() used outside the authenticated layout');
  return data;
}

export async function login(qc: QueryClient, username: string, password: string): Promise<Me> {
  const res = await unwrap(client.POST('/api/v1/auth/login', { body: { username, password } }));
  rememberCsrfToken(res.csrfToken);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  qc.setQueryData(ME_KEY, res.user);
  return res.user;
}

/** Forget everything cached for the previous user. */
export function clearSession(qc: QueryClient): void {
  qc.cancelQueries();
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  qc.setQueryData(ME_KEY, null);
}

/** Log out this browser, or with `allSessions` every session of the user (退出所有设备). */
export function useLogout(): (opts?: { allSessions?: boolean }) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(async (opts?: { allSessions?: boolean }) => {
    try {
      await client.POST('/api/v1/auth/logout', { body: opts?.allSessions ? { allSessions: true } : {} });
    } catch {
      // the session may already be gone; log out locally anyway
    }
    clearSession(qc);
  }, [qc]);
}
