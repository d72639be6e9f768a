/** @module React Query hooks for the API's reads; one query key per resource so logout can forget them all. */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, type AssessmentRef, api } from './client.ts';

export const queryKeys = {
  session: ['session'] as const,
  frameworks: ['frameworks'] as const,
  frameworkVersion: (versionId: string) => ['frameworks', versionId] as const,
  roleProfiles: ['role-profiles'] as const,
  units: ['units'] as const,
  team: ['team'] as const,
  users: ['users'] as const,
  rounds: ['rounds'] as const,
  round: (roundId: string) => ['rounds', roundId] as const,
  assessments: ['assessments'] as const,
  assessment: ({ roundId, userId, rater }: AssessmentRef) => ['assessments', roundId, userId, rater] as const,
  tasks: ['tasks'] as const,
  profiles: ['profiles'] as const,
  profile: (userId: string) => ['profiles', userId] as const,
  outbox: ['outbox'] as const,
  conversations: ['conversations'] as const,
  conversation: (conversationId: string) => ['conversations', conversationId] as const,
  preparation: (conversationId: string) => ['conversations', conversationId, 'preparation'] as const,
  plans: ['plans'] as const,
  plan: (userId: string) => ['plans', userId] as const,
  settings: ['settings'] as const,
  audit: ['audit'] as const,
  myLookups: ['me', 'lookups'] as const,
  adminUnits: ['admin-units'] as const,
  adminUser: (userId: string) => ['admin-users', userId] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; a dropped connection or a 5xx might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 1,
      },
    },
  });
}

export const useFrameworks = () => useQuery({ queryKey: queryKeys.frameworks, queryFn: api.frameworks });

export const useFrameworkVersion = (versionId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.frameworkVersion(versionId ?? ''),
    queryFn: () => api.frameworkVersion(versionId ?? ''),
    enabled: versionId !== undefined,
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useRoleProfiles = () =>
  useQuery({ queryKey: queryKeys.roleProfiles, queryFn: api.roleProfiles });
export const useUnits = () => useQuery({ queryKey: queryKeys.units, queryFn: api.units });
/** `enabled: false` for callers without the role, so no 403 is asked for. */
export const useTeam = (enabled = true) => useQuery({ queryKey: queryKeys.team, queryFn: api.team, enabled });
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: queryKeys.users, queryFn: api.users, enabled });

// Rounds change while people work in them, so these are read fresh whenever a page opens.
const live = { staleTime: 0 } as const;

export const useRounds = () => useQuery({ queryKey: queryKeys.rounds, queryFn: api.rounds, ...live });
export const useRound = (roundId: string) =>
  useQuery({ queryKey: queryKeys.round(roundId), queryFn: () => api.round(roundId), ...live });
export const useTasks = () => useQuery({ queryKey: queryKeys.tasks, queryFn: api.tasks, ...live });
export const useProfile = (userId: string) =>
  useQuery({ queryKey: queryKeys.profile(userId), queryFn: () => api.profile(userId), ...live });
export const useOutbox = () => useQuery({ queryKey: queryKeys.outbox, queryFn: api.outbox, ...live });
export const useAdminUnits = () =>
  useQuery({ queryKey: queryKeys.adminUnits, queryFn: api.adminUnits, ...live });
export const useAdminUser = (userId: string) =>
  useQuery({ queryKey: queryKeys.adminUser(userId), queryFn: () => api.adminUser(userId), ...live });
export const useSettings = () => useQuery({ queryKey: queryKeys.settings, queryFn: api.settings });

export const useConversations = () =>
  useQuery({ queryKey: queryKeys.conversations, queryFn: api.conversations, ...live });
export const useConversation = (conversationId: string) =>
  useQuery({
    queryKey: queryKeys.conversation(conversationId),
    queryFn: () => api.conversation(conversationId),
    ...live,
  });
export const usePreparation = (conversationId: string) =>
  useQuery({
    queryKey: queryKeys.preparation(conversationId),
    queryFn: () => api.preparation(conversationId),
    ...live,
  });
export const usePlan = (userId: string) =>
  useQuery({ queryKey: queryKeys.plan(userId), queryFn: () => api.plan(userId), ...live });
