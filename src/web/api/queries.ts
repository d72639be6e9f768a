/** @module React Query hooks for the API's reads; one query key per resource so logout can forget them all. */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client.ts';

export const queryKeys = {
  session: ['session'] as const,
  frameworks: ['frameworks'] as const,
  frameworkVersion: (versionId: string) => ['frameworks', versionId] as const,
  roleProfiles: ['role-profiles'] as const,
  units: ['units'] as const,
  team: ['team'] as const,
  users: ['users'] as const,
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
export const useTeam = () => useQuery({ queryKey: queryKeys.team, queryFn: api.team });
export const useUsers = () => useQuery({ queryKey: queryKeys.users, queryFn: api.users });
