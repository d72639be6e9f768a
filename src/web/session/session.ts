/** @module The signed-in user: loaded once from /api/auth/me, replaced on login, forgotten on logout. */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Locale } from '../../domain/text.ts';
import type { LoginInput, Role, SessionUser } from '../../server/contracts/auth.ts';
import { api, configureApi } from '../api/client.ts';
import { queryKeys } from '../api/queries.ts';
import { forgetLocalDrafts } from '../features/assessment/draft.ts';
import i18n, { currentLocale } from '../i18n/i18n.ts';

/** Takes the user's CSRF token and saved language into use; called after /me and after login. */
async function adoptUser(user: SessionUser): Promise<void> {
  configureApi({ csrfToken: user.csrfToken });
  if (user.locale !== currentLocale()) await i18n.changeLanguage(user.locale);
}

async function loadSession(): Promise<SessionUser | null> {
  const user = await api.me();
  if (user) await adoptUser(user);
  return user;
}

export const useSession = () =>
  useQuery({ queryKey: queryKeys.session, queryFn: loadSession, staleTime: Number.POSITIVE_INFINITY });

/** The user when signed in; the app shell loads the session before any page renders. */
export function useSessionUser(): SessionUser | null {
  return useSession().data ?? null;
}

/** For pages behind RequireAuth, where a user is guaranteed. */
export function useCurrentUser(): SessionUser {
  const user = useSessionUser();
  if (!user) throw new Error('useCurrentUser is used outside RequireAuth');
  return user;
}

export const hasRole = (user: SessionUser | null, role: Role): boolean => user?.roles.includes(role) ?? false;

/** Forgets everything the previous user could see, so the next user never gets a glimpse of it from the cache. */
export function forgetSession(queryClient: QueryClient): void {
  configureApi({ csrfToken: null });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
  queryClient.setQueryData(queryKeys.session, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.login(input),
    onSuccess: async (user) => {
      await adoptUser(user);
      queryClient.setQueryData(queryKeys.session, user);
    },
  });
}

/** Navigation state of the login page after signing out. */
export interface SignedOutState {
  moveFocus: true;
  signedOut: true;
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.logout(),
    // Even if the server could not be told (it may already have ended the session), leave nothing behind here.
    onSettled: async () => {
      // Unsaved copies of assessments go too: the next person at this computer must not find them. (An expired
      // session keeps them, so they are restored after the next login.)
      const user = queryClient.getQueryData<SessionUser | null>(queryKeys.session);
      if (user) forgetLocalDrafts(user.id);
      // To the login page first, marked as a sign-out, and rendered at once (the router's updates are otherwise
      // transitions, which the forgotten session would overtake): else the page being left would see no user,
      // send the visitor to log in and remember itself, and the next person to sign in would land on it.
      const state: SignedOutState = { moveFocus: true, signedOut: true };
      await navigate('/login', { replace: true, state, flushSync: true });
      forgetSession(queryClient);
    },
  });
}

/** Changes the UI language; when signed in, also saves it so the next login starts in it. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      const user = queryClient.getQueryData<SessionUser | null>(queryKeys.session);
      if (!user) return;
      const saved = await api.savePreferences({ locale });
      queryClient.setQueryData<SessionUser | null>(queryKeys.session, (current) =>
        current ? { ...current, locale: saved.locale } : current,
      );
    },
  });
}
