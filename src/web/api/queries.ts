/** @module React Query hooks for the API's reads; one query key per resource so logout can forget them all. */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { currentLocale } from '../i18n/i18n.ts';
import { ApiError, type AssessmentRef, api, type PracticeLogFilter } from './client.ts';

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
  groupConversation: (conversationId: string) => ['group-conversations', conversationId] as const,
  plans: ['plans'] as const,
  plan: (userId: string) => ['plans', userId] as const,
  settings: ['settings'] as const,
  departed: ['departed'] as const,
  audit: ['audit'] as const,
  myLookups: ['me', 'lookups'] as const,
  adminUnits: ['admin-units'] as const,
  adminUser: (userId: string) => ['admin-users', userId] as const,
  frameworkDiff: (versionId: string, fromVersionId: string) =>
    ['frameworks', versionId, 'diff', fromVersionId] as const,
  publishReport: (versionId: string) => ['frameworks', versionId, 'report'] as const,
  accessibility: ['accessibility'] as const,
  practice: ['practice'] as const,
  practiceLog: (filter: PracticeLogFilter) => ['practice', 'log', filter] as const,
  practiceEntry: (entryId: string) => ['practice', 'entry', entryId] as const,
  sharedPractice: ['practice', 'shared'] as const,
  talkingPoints: (conversationId: string) => ['practice', 'talking-points', conversationId] as const,
  practiceSummary: (unitId: string, months: number) => ['practice', 'summary', unitId, months] as const,
  pairings: ['pairings'] as const,
  pairingList: (personId?: string) => ['pairings', 'list', personId ?? 'mine'] as const,
  pairingSuggestions: (unitId: string) => ['pairings', 'suggestions', unitId] as const,
  loginOptions: (slug: string | undefined) => ['login-options', slug ?? ''] as const,
  ssoSettings: ['sso-settings'] as const,
  apiTokens: ['api-tokens'] as const,
  positions: ['positions'] as const,
  position: (positionId: string) => ['positions', positionId] as const,
  interviewGuide: (positionId: string) => ['positions', positionId, 'guide'] as const,
  positionCandidates: (positionId: string) => ['positions', positionId, 'candidates'] as const,
  comparison: (positionId: string) => ['positions', positionId, 'comparison'] as const,
  candidate: (candidateId: string) => ['candidates', candidateId] as const,
  candidates: ['candidates'] as const,
  panelOptions: ['panel-options'] as const,
  teamOverviews: ['team-overview'] as const,
  teamOverview: (unitId: string, withSelf: boolean) => ['team-overview', unitId, withSelf] as const,
  unitAggregates: (roundId: string | undefined) => ['team-overview', 'units', roundId ?? 'newest'] as const,
  /** Rendered by the server in the reader's language, so the language is part of the key. */
  exercises: (locale: string) => ['exercises', locale] as const,
  themeDays: ['theme-days'] as const,
  themeDay: (themeDayId: string, locale: string) => ['theme-days', themeDayId, locale] as const,
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

/** A version an administrator edits: read afresh when the editor opens, since a colleague may have saved meanwhile. */
export const useEditableVersion = (versionId: string) =>
  useQuery({
    queryKey: queryKeys.frameworkVersion(versionId),
    queryFn: () => api.frameworkVersion(versionId),
    enabled: versionId !== '',
    staleTime: 0,
  });

export const useFrameworkDiff = (versionId: string, fromVersionId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.frameworkDiff(versionId, fromVersionId ?? ''),
    queryFn: () => api.frameworkDiff(versionId, fromVersionId ?? ''),
    enabled: fromVersionId !== undefined,
  });

export const usePublishReport = (versionId: string) =>
  useQuery({
    queryKey: queryKeys.publishReport(versionId),
    queryFn: () => api.publishReport(versionId),
    enabled: versionId !== '',
  });

export const useAccessibility = () =>
  useQuery({ queryKey: queryKeys.accessibility, queryFn: api.accessibility });

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
export const useDeparted = () => useQuery({ queryKey: queryKeys.departed, queryFn: api.departed });

export const useConversations = () =>
  useQuery({ queryKey: queryKeys.conversations, queryFn: api.conversations, ...live });
export const useConversation = (conversationId: string) =>
  useQuery({
    queryKey: queryKeys.conversation(conversationId),
    queryFn: () => api.conversation(conversationId),
    ...live,
  });
export const useGroupConversation = (conversationId: string) =>
  useQuery({
    queryKey: queryKeys.groupConversation(conversationId),
    queryFn: () => api.groupConversation(conversationId),
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

export const usePracticeLog = (filter: PracticeLogFilter) =>
  useQuery({ queryKey: queryKeys.practiceLog(filter), queryFn: () => api.practiceLog(filter), ...live });
export const usePracticeEntry = (entryId: string) =>
  useQuery({
    queryKey: queryKeys.practiceEntry(entryId),
    queryFn: () => api.practiceEntry(entryId),
    ...live,
  });
/** `enabled: false` for callers who lead nothing, so no 403 is asked for. */
export const useSharedPractice = (enabled = true) =>
  useQuery({ queryKey: queryKeys.sharedPractice, queryFn: api.sharedPractice, enabled, ...live });
export const useTalkingPoints = (conversationId: string) =>
  useQuery({
    queryKey: queryKeys.talkingPoints(conversationId),
    queryFn: () => api.talkingPoints(conversationId),
    ...live,
  });
export const usePracticeSummary = (unitId: string | undefined, months: number) =>
  useQuery({
    queryKey: queryKeys.practiceSummary(unitId ?? '', months),
    queryFn: () => api.practiceSummary(unitId ?? '', months),
    enabled: unitId !== undefined,
    ...live,
  });
export const usePairings = (personId?: string) =>
  useQuery({ queryKey: queryKeys.pairingList(personId), queryFn: () => api.pairings(personId), ...live });
export const usePairingSuggestions = (unitId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.pairingSuggestions(unitId ?? ''),
    queryFn: () => api.pairingSuggestions(unitId ?? ''),
    enabled: unitId !== undefined,
    ...live,
  });
export const useLoginOptions = (slug: string | undefined) =>
  useQuery({ queryKey: queryKeys.loginOptions(slug), queryFn: () => api.loginOptions(slug) });
export const useSsoSettings = () => useQuery({ queryKey: queryKeys.ssoSettings, queryFn: api.ssoSettings });
export const useApiTokens = () =>
  useQuery({ queryKey: queryKeys.apiTokens, queryFn: api.apiTokens, ...live });
// Positions and candidates change while a panel works; read fresh whenever a page opens.
export const usePositions = () =>
  useQuery({ queryKey: queryKeys.positions, queryFn: api.positions, ...live });
export const usePosition = (positionId: string) =>
  useQuery({ queryKey: queryKeys.position(positionId), queryFn: () => api.position(positionId), ...live });
export const useInterviewGuide = (positionId: string) =>
  useQuery({
    queryKey: queryKeys.interviewGuide(positionId),
    queryFn: () => api.interviewGuide(positionId),
    ...live,
  });
export const usePositionCandidates = (positionId: string) =>
  useQuery({
    queryKey: queryKeys.positionCandidates(positionId),
    queryFn: () => api.candidates(positionId),
    ...live,
  });
export const useComparison = (positionId: string) =>
  useQuery({
    queryKey: queryKeys.comparison(positionId),
    queryFn: () => api.comparison(positionId),
    ...live,
  });
export const useCandidate = (candidateId: string) =>
  useQuery({
    queryKey: queryKeys.candidate(candidateId),
    queryFn: () => api.candidate(candidateId),
    ...live,
  });
/** `enabled: false` for callers who create no positions, so no 403 is asked for. */
export const usePanelOptions = (enabled = true) =>
  useQuery({ queryKey: queryKeys.panelOptions, queryFn: api.panelOptions, enabled });
export const useTeamOverview = (unitId: string | undefined, withSelf: boolean) =>
  useQuery({
    queryKey: queryKeys.teamOverview(unitId ?? '', withSelf),
    queryFn: () => api.teamOverview(unitId ?? '', withSelf),
    enabled: unitId !== undefined && unitId !== '',
    ...live,
  });
export const useUnitAggregates = (roundId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: queryKeys.unitAggregates(roundId),
    queryFn: () => api.unitAggregates(roundId),
    enabled,
    ...live,
  });
/** The exercise bank is shipped content: it changes only with a new version of Vejviser. */
export const useExercises = () =>
  useQuery({
    queryKey: queryKeys.exercises(currentLocale()),
    queryFn: api.exercises,
    staleTime: Number.POSITIVE_INFINITY,
  });
export const useThemeDays = () =>
  useQuery({ queryKey: queryKeys.themeDays, queryFn: api.themeDays, ...live });
export const useThemeDay = (themeDayId: string) =>
  useQuery({
    queryKey: queryKeys.themeDay(themeDayId, currentLocale()),
    queryFn: () => api.themeDay(themeDayId),
    ...live,
  });
