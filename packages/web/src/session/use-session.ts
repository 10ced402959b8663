/**
 * The signed-in actor, from `GET /api/v1/session`, cached by TanStack Query under SESSION_QUERY_KEY.
 * Whenever the session is fetched or changed, its CSRF token is handed to the API client.
 *
 *   const { session } = useSession();                 // anywhere (may be anonymous or still loading)
 *   const me = useAuthenticatedSession();            // inside a portal layout (always signed in)
 *   const login = useLogin();  await login.mutateAsync({ loginName, password, captchaId, captchaAnswer });
 *   const logout = useLogout(); logout.mutate();
 *   const change = useChangePassword(); await change.mutateAsync({ currentPassword, newPassword });
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { AuthenticatedSession, LoginInput, PasswordChangeInput, Session } from './types';

export const SESSION_QUERY_KEY = ['session'] as const;

function remember(session: Session): Session {
  setCsrfToken(session.authenticated ? session.csrfToken : null);
  return session;
}

export async function fetchSession(): Promise<Session> {
  return remember(await api.get<Session>('/api/v1/session'));
}

export function useSession() {
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60 * 1000,
    refetchOnWindowFocus: true,
  });
  return { ...query, session: query.data };
}

/**
 * The session inside a guarded portal layout, where it is known to be signed in.
 * Throws when used outside one (a programming error, caught by the route error page).
 */
export function useAuthenticatedSession(): AuthenticatedSession {
  const { session } = useSession();
  if (!session?.authenticated) throw new Error('useAuthenticatedSession() must be used inside a signed-in portal layout');
  return session;
}

/** Replaces the cached session (after login/logout) and forgets every other user's cached data. */
export function replaceSession(client: QueryClient, session: Session): void {
  remember(session);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
  client.setQueryData(SESSION_QUERY_KEY, session);
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Session>('/api/v1/session', input),
    onSuccess: (session) => replaceSession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<Session>('/api/v1/session'),
    // Signed out locally even if the server could not be reached: the cookie then simply expires.
    onSettled: () => replaceSession(client, { authenticated: false }),
  });
}

/** 修改密码 (PUT /api/v1/session/password); the session is fetched again afterwards (mustChangePassword cleared). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => api.put<{ changed: true }>('/api/v1/session/password', input),
    onSuccess: async () => {
      replaceSession(client, await fetchSession());
    },
  });
}
