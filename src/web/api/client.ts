/** @module Typed fetch wrapper for Vejviser's JSON API: language, CSRF and JSON headers, error bodies, the 401 redirect. */
import type { z } from 'zod';
import type { Locale } from '../../domain/text.ts';
import type { AccessibilityStatement } from '../../server/contracts/accessibility.ts';
import type { ApiTokenInput, ApiTokenList, CreatedApiToken } from '../../server/contracts/api-tokens.ts';
import type { AuditPage, AuditQuery, MyLookups } from '../../server/contracts/audit.ts';
import type {
  LoginInput,
  PasswordChangeInput,
  PreferencesInput,
  SessionUser,
} from '../../server/contracts/auth.ts';
import type { ErrorBody, ErrorCode } from '../../server/contracts/common.ts';
import type {
  Action,
  ActionInput,
  Agenda,
  AgendaItemInput,
  ConversationDetail,
  ConversationInput,
  ConversationUpdate,
  conversationListSchema,
  Goal,
  GoalInput,
  GroupConversationDetail,
  GroupConversationInput,
  GroupConversationUpdate,
  Notes,
  Plan,
  Preparation,
  PreparationInput,
  StatusInput,
} from '../../server/contracts/conversations.ts';
import type { DepartedList, DepartedPerson } from '../../server/contracts/erasure.ts';
import type {
  DraftInput,
  FrameworkDiffView,
  FrameworkFile,
  FrameworkVersion,
  frameworkListSchema,
  Published,
  PublishReport,
  RoleProfile,
  RoleProfileInput,
  RoleProfileUpdate,
  roleProfileListSchema,
} from '../../server/contracts/frameworks.ts';
import type {
  Pairing,
  PairingInput,
  PairingList,
  PairingSuggestions,
} from '../../server/contracts/pairings.ts';
import type { Person, Team, unitListSchema, userListSchema } from '../../server/contracts/people.ts';
import type {
  ActiveInput,
  AdminUnit,
  AdminUser,
  adminUnitListSchema,
  ImportApplied,
  ImportResult,
  LeaderChange,
  LeadersInput,
  UnitInput,
  UnitUpdate,
  UserInput,
  UserUpdate,
} from '../../server/contracts/people-admin.ts';
import type {
  PracticeEntry,
  PracticeEntryInput,
  PracticeEntryList,
  PracticeEntryUpdate,
  PracticeLog,
  PracticeSummaryView,
  TalkingPoints,
} from '../../server/contracts/practice.ts';
import type {
  CandidateDetail,
  CandidateForm,
  CandidateInput,
  CandidateSummary,
  Comparison,
  ConsolidationInput,
  candidateListSchema,
  DecisionInput,
  GuideQuestionInput,
  HireInput,
  HireResult,
  InterviewGuide,
  LinkCreated,
  LinkInput,
  PanelOptions,
  PositionDetail,
  PositionInput,
  PositionUpdate,
  positionListSchema,
  ScoreDraftInput,
} from '../../server/contracts/recruitment.ts';
import type {
  Assessment,
  AssessmentDraftInput,
  outboxSchema,
  Profile,
  RoundDetail,
  RoundInput,
  reminderResultSchema,
  roundListSchema,
  SettingsInput,
  settingsSchema,
  taskListSchema,
} from '../../server/contracts/rounds.ts';
import type { LoginOptions, SsoSettingsInput, SsoSettingsView } from '../../server/contracts/sso.ts';
import type { TeamOverview, UnitAggregates } from '../../server/contracts/team.ts';
import type {
  ExerciseView,
  FollowUpTask,
  FollowUpTasksInput,
  ThemeDayDetail,
  ThemeDayInput,
  ThemeDaySummary,
  ThemeDayUpdate,
} from '../../server/contracts/theme-days.ts';

export type FrameworkList = z.infer<typeof frameworkListSchema>;
export type RoleProfileList = z.infer<typeof roleProfileListSchema>;
export type UnitList = z.infer<typeof unitListSchema>;
export type UserList = z.infer<typeof userListSchema>;
export type AdminUnitList = z.infer<typeof adminUnitListSchema>;
export type Preferences = PreferencesInput;
export type RoundList = z.infer<typeof roundListSchema>;
export type ReminderResult = z.infer<typeof reminderResultSchema>;
export type TaskList = z.infer<typeof taskListSchema>;
export type Outbox = z.infer<typeof outboxSchema>;
export type MunicipalitySettings = z.infer<typeof settingsSchema>;
export type Rater = 'self' | 'leader';
export type ConversationList = z.infer<typeof conversationListSchema>;
export type PositionList = z.infer<typeof positionListSchema>;
export type CandidateList = z.infer<typeof candidateListSchema>;
export type MyScore = NonNullable<CandidateDetail['myScore']>;

/** The practice log's filters, as the page's address keeps them. */
export interface PracticeLogFilter {
  month?: string;
  channel?: string;
  helpLevel?: string;
}

/** One rater's assessment of one person in one round. */
export interface AssessmentRef {
  roundId: string;
  userId: string;
  rater: Rater;
}

/** `network_error` is ours: the server could not be reached, so there is no body to read. */
export type ApiErrorCode = ErrorCode | 'network_error';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Per-field messages from a 400 `validation_failed`, keyed by field path, e.g. `email`. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

interface ClientSettings {
  locale: Locale;
  csrfToken: string | null;
  /** Called when a call other than /api/auth/* answers 401: the session has ended. */
  onUnauthenticated: () => void;
}

const settings: ClientSettings = { locale: 'da', csrfToken: null, onUnauthenticated: () => {} };

export function configureApi(changes: Partial<ClientSettings>): void {
  Object.assign(settings, changes);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as { error: unknown }).error === 'object' &&
  (value as { error: unknown }).error !== null;

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: keep the status and let the UI word the message.
  }
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(response.status, code, message, fields ?? {});
  }
  return new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', '');
}

interface RequestOptions {
  /** Let the request outlive the page (a last save on `pagehide`); the body must stay under 64 kB. */
  keepalive?: boolean;
}

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': settings.locale };
  // A file upload is sent as the browser's multipart form, which sets its own Content-Type with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  // Login has no session yet, so no token; every other state-changing call must prove it came from our page.
  if (method !== 'GET' && path !== '/api/auth/login' && settings.csrfToken) {
    headers['X-CSRF-Token'] = settings.csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      keepalive: options.keepalive ?? false,
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const error = await toApiError(response);
  if (response.status === 401 && !path.startsWith('/api/auth/')) settings.onUnauthenticated();
  throw error;
}

export const api = {
  /** The signed-in user, or null when nobody is signed in (401 is the normal answer then, not an error). */
  async me(): Promise<SessionUser | null> {
    try {
      return await request<SessionUser>('GET', '/api/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  login: (input: LoginInput) => request<SessionUser>('POST', '/api/auth/login', input),
  logout: () => request<void>('POST', '/api/auth/logout'),
  changePassword: (input: PasswordChangeInput) => request<void>('PUT', '/api/me/password', input),
  savePreferences: (input: PreferencesInput) => request<Preferences>('PUT', '/api/me/preferences', input),
  frameworks: () => request<FrameworkList>('GET', '/api/frameworks'),
  frameworkVersion: (versionId: string) =>
    request<FrameworkVersion>('GET', `/api/frameworks/${encodeURIComponent(versionId)}`),
  roleProfiles: () => request<RoleProfileList>('GET', '/api/role-profiles'),
  units: () => request<UnitList>('GET', '/api/units'),
  team: () => request<Team>('GET', '/api/team'),
  users: () => request<UserList>('GET', '/api/users'),
  user: (userId: string) => request<Person>('GET', `/api/users/${encodeURIComponent(userId)}`),

  rounds: () => request<RoundList>('GET', '/api/rounds'),
  round: (roundId: string) => request<RoundDetail>('GET', roundPath(roundId)),
  createRound: (input: RoundInput) => request<RoundDetail>('POST', '/api/rounds', input),
  closeRound: (roundId: string) => request<RoundDetail>('POST', `${roundPath(roundId)}/close`),
  /** Without `userIds`, everyone who still has something to submit. */
  remind: (roundId: string, userIds?: string[]) =>
    request<ReminderResult>('POST', `${roundPath(roundId)}/reminders`, userIds ? { userIds } : {}),
  markConversationHeld: (roundId: string, userId: string) =>
    request<void>('POST', `${roundPath(roundId)}/participants/${encodeURIComponent(userId)}/conversation`),
  assessment: (ref: AssessmentRef) => request<Assessment>('GET', assessmentPath(ref)),
  saveAssessment: (ref: AssessmentRef, input: AssessmentDraftInput, options?: RequestOptions) =>
    request<Assessment>('PUT', assessmentPath(ref), input, options),
  submitAssessment: (ref: AssessmentRef, version: number) =>
    request<Assessment>('POST', `${assessmentPath(ref)}/submit`, { version }),
  reopenAssessment: (ref: AssessmentRef, reason: string) =>
    request<Assessment>('POST', `${assessmentPath(ref)}/reopen`, { reason }),
  tasks: () => request<TaskList>('GET', '/api/me/tasks'),
  profile: (userId: string) => request<Profile>('GET', `/api/profiles/${encodeURIComponent(userId)}`),
  outbox: () => request<Outbox>('GET', '/api/admin/outbox'),

  conversations: () => request<ConversationList>('GET', '/api/conversations'),
  conversation: (conversationId: string) =>
    request<ConversationDetail>('GET', conversationPath(conversationId)),
  scheduleConversation: (input: ConversationInput) =>
    request<ConversationDetail>('POST', '/api/conversations', input),
  updateConversation: (conversationId: string, input: ConversationUpdate) =>
    request<ConversationDetail>('PUT', conversationPath(conversationId), input),
  startConversation: (conversationId: string) =>
    request<ConversationDetail>('POST', `${conversationPath(conversationId)}/start`),
  preparation: (conversationId: string) =>
    request<Preparation>('GET', `${conversationPath(conversationId)}/preparation`),
  savePreparation: (conversationId: string, input: PreparationInput) =>
    request<Preparation>('PUT', `${conversationPath(conversationId)}/preparation`, input),
  sharePreparation: (conversationId: string, version: number) =>
    request<Preparation>('POST', `${conversationPath(conversationId)}/preparation/share`, { version }),
  guide: (conversationId: string) => request<Agenda>('GET', `${conversationPath(conversationId)}/guide`),
  saveAgenda: (conversationId: string, version: number, items: AgendaItemInput[]) =>
    request<Agenda>('PUT', `${conversationPath(conversationId)}/agenda`, { version, items }),
  saveNotes: (conversationId: string, version: number, items: Record<string, string>) =>
    request<Notes>('PUT', `${conversationPath(conversationId)}/notes`, { version, items }),
  createGoal: (conversationId: string, input: GoalInput) =>
    request<Goal>('POST', `${conversationPath(conversationId)}/goals`, input),
  updateGoal: (goalId: string, input: GoalInput & { version: number }) =>
    request<Goal>('PUT', `/api/goals/${encodeURIComponent(goalId)}`, input),
  deleteGoal: (goalId: string) => request<void>('DELETE', `/api/goals/${encodeURIComponent(goalId)}`),
  setGoalStatus: (goalId: string, input: StatusInput) =>
    request<Goal>('POST', `/api/goals/${encodeURIComponent(goalId)}/status`, input),
  createAction: (goalId: string, input: ActionInput) =>
    request<Action>('POST', `/api/goals/${encodeURIComponent(goalId)}/actions`, input),
  updateAction: (actionId: string, input: ActionInput & { version: number }) =>
    request<Action>('PUT', `/api/actions/${encodeURIComponent(actionId)}`, input),
  deleteAction: (actionId: string) => request<void>('DELETE', `/api/actions/${encodeURIComponent(actionId)}`),
  setActionStatus: (actionId: string, input: StatusInput) =>
    request<Action>('POST', `/api/actions/${encodeURIComponent(actionId)}/status`, input),
  signConversation: (conversationId: string, contentVersion: number) =>
    request<ConversationDetail>('POST', `${conversationPath(conversationId)}/sign`, { contentVersion }),
  addAddendum: (conversationId: string, text: string) =>
    request<ConversationDetail>('POST', `${conversationPath(conversationId)}/addenda`, { text }),
  plan: (userId: string) => request<Plan>('GET', `/api/plans/${encodeURIComponent(userId)}`),
  createDraft: (fromVersionId: string) =>
    request<FrameworkVersion>('POST', `${frameworkPath(fromVersionId)}/draft`),
  saveDraft: (versionId: string, input: DraftInput) =>
    request<FrameworkVersion>('PUT', frameworkPath(versionId), input),
  deleteDraft: (versionId: string) => request<void>('DELETE', frameworkPath(versionId)),
  publishDraft: (versionId: string, revision: number) =>
    request<Published>('POST', `${frameworkPath(versionId)}/publish`, { revision }),
  publishReport: (versionId: string) => request<PublishReport>('GET', `${frameworkPath(versionId)}/report`),
  frameworkDiff: (versionId: string, fromVersionId: string) =>
    request<FrameworkDiffView>(
      'GET',
      `${frameworkPath(versionId)}/diff?from=${encodeURIComponent(fromVersionId)}`,
    ),
  importFramework: (file: FrameworkFile) => request<FrameworkVersion>('POST', '/api/frameworks/import', file),
  createRoleProfile: (input: RoleProfileInput) => request<RoleProfile>('POST', '/api/role-profiles', input),
  updateRoleProfile: (roleProfileId: string, input: RoleProfileUpdate) =>
    request<RoleProfile>('PUT', `/api/role-profiles/${encodeURIComponent(roleProfileId)}`, input),
  accessibility: () => request<AccessibilityStatement>('GET', '/api/accessibility'),
  saveAccessibilityContact: (contact: string) =>
    request<AccessibilityStatement>('PUT', '/api/admin/accessibility', { contact }),
  practiceLog: (filter: PracticeLogFilter = {}) =>
    request<PracticeLog>('GET', `/api/practice-log${queryString({ ...filter })}`),
  practiceEntry: (entryId: string) => request<PracticeEntry>('GET', practicePath(entryId)),
  createPracticeEntry: (input: PracticeEntryInput) =>
    request<PracticeEntry>('POST', '/api/practice-log', input),
  updatePracticeEntry: (entryId: string, input: PracticeEntryUpdate) =>
    request<PracticeEntry>('PUT', practicePath(entryId), input),
  deletePracticeEntry: (entryId: string, version: number) =>
    request<void>('DELETE', `${practicePath(entryId)}?version=${version}`),
  sharedPractice: () => request<PracticeEntryList>('GET', '/api/practice-log/shared'),
  talkingPoints: (conversationId: string) =>
    request<TalkingPoints>('GET', `${conversationPath(conversationId)}/practice-talking-points`),
  practiceSummary: (unitId: string, months: number) =>
    request<PracticeSummaryView>(
      'GET',
      `/api/units/${encodeURIComponent(unitId)}/practice-summary?months=${months}`,
    ),
  pairingSuggestions: (unitId: string) =>
    request<PairingSuggestions>('GET', `/api/units/${encodeURIComponent(unitId)}/pairing-suggestions`),
  pairings: (personId?: string) => request<PairingList>('GET', `/api/pairings${queryString({ personId })}`),
  createPairing: (input: PairingInput) => request<Pairing>('POST', '/api/pairings', input),
  completePairing: (pairingId: string, version: number) =>
    request<Pairing>('POST', `/api/pairings/${encodeURIComponent(pairingId)}/done`, { version }),
  cancelPairing: (pairingId: string, version: number, reason?: string) =>
    request<Pairing>('POST', `/api/pairings/${encodeURIComponent(pairingId)}/cancel`, {
      version,
      ...(reason ? { reason } : {}),
    }),

  groupConversation: (conversationId: string) =>
    request<GroupConversationDetail>('GET', groupConversationPath(conversationId)),
  scheduleGroupConversation: (input: GroupConversationInput) =>
    request<GroupConversationDetail>('POST', '/api/group-conversations', input),
  updateGroupConversation: (conversationId: string, input: GroupConversationUpdate) =>
    request<GroupConversationDetail>('PUT', groupConversationPath(conversationId), input),
  startGroupConversation: (conversationId: string) =>
    request<GroupConversationDetail>('POST', `${groupConversationPath(conversationId)}/start`),
  groupGuide: (conversationId: string) =>
    request<Agenda>('GET', `${groupConversationPath(conversationId)}/guide`),
  saveGroupAgenda: (conversationId: string, version: number, items: AgendaItemInput[]) =>
    request<Agenda>('PUT', `${groupConversationPath(conversationId)}/agenda`, { version, items }),
  saveGroupNotes: (conversationId: string, version: number, items: Record<string, string>) =>
    request<Notes>('PUT', `${groupConversationPath(conversationId)}/notes`, { version, items }),
  createTeamGoal: (conversationId: string, input: GoalInput) =>
    request<Goal>('POST', `${groupConversationPath(conversationId)}/goals`, input),
  closeGroupConversation: (conversationId: string, contentVersion: number) =>
    request<GroupConversationDetail>('POST', `${groupConversationPath(conversationId)}/close`, {
      contentVersion,
    }),
  addGroupAddendum: (conversationId: string, text: string) =>
    request<GroupConversationDetail>('POST', `${groupConversationPath(conversationId)}/addenda`, { text }),
  settings: () => request<MunicipalitySettings>('GET', '/api/admin/settings'),
  departed: () => request<DepartedList>('GET', '/api/admin/departed'),
  eraseDeparted: (userId: string) =>
    request<DepartedPerson>('POST', `/api/admin/departed/${encodeURIComponent(userId)}/erase`),
  anonymiseDeparted: (userId: string) =>
    request<DepartedPerson>('POST', `/api/admin/departed/${encodeURIComponent(userId)}/anonymise`),
  auditLog: (query: AuditQuery) => request<AuditPage>('GET', `/api/admin/audit${queryString(query)}`),
  myLookups: () => request<MyLookups>('GET', '/api/me/lookups'),
  adminUser: (userId: string) => request<AdminUser>('GET', adminUserPath(userId)),
  createUser: (input: UserInput) => request<AdminUser>('POST', '/api/admin/users', input),
  updateUser: (userId: string, input: UserUpdate) => request<AdminUser>('PUT', adminUserPath(userId), input),
  setUserActive: (userId: string, input: ActiveInput) =>
    request<AdminUser>('PUT', `${adminUserPath(userId)}/status`, input),
  adminUnits: () => request<AdminUnitList>('GET', '/api/admin/units'),
  createUnit: (input: UnitInput) => request<AdminUnit>('POST', '/api/admin/units', input),
  updateUnit: (unitId: string, input: UnitUpdate) => request<AdminUnit>('PUT', adminUnitPath(unitId), input),
  setUnitActive: (unitId: string, input: ActiveInput) =>
    request<AdminUnit>('PUT', `${adminUnitPath(unitId)}/status`, input),
  setUnitLeaders: (unitId: string, input: LeadersInput) =>
    request<LeaderChange>('PUT', `${adminUnitPath(unitId)}/leaders`, input),
  deleteUnit: (unitId: string) => request<void>('DELETE', adminUnitPath(unitId)),
  /** The form holds `units` and/or `users` files, and `deactivateMissing`; applying also `expectedPlan`. */
  importDryRun: (form: FormData) => request<ImportResult>('POST', '/api/admin/people-import/dry-run', form),
  importApply: (form: FormData) => request<ImportApplied>('POST', '/api/admin/people-import/apply', form),

  /** Without a slug: the plain /login page's options (the environment's municipality, if any). */
  loginOptions: (slug?: string) =>
    request<LoginOptions>(
      'GET',
      slug ? `/api/auth/login-options/${encodeURIComponent(slug)}` : '/api/auth/login-options',
    ),
  ssoSettings: () => request<SsoSettingsView>('GET', '/api/admin/sso'),
  saveSsoSettings: (input: SsoSettingsInput) => request<SsoSettingsView>('PUT', '/api/admin/sso', input),
  apiTokens: () => request<ApiTokenList>('GET', '/api/admin/api-tokens'),
  createApiToken: (input: ApiTokenInput) => request<CreatedApiToken>('POST', '/api/admin/api-tokens', input),
  revokeApiToken: (tokenId: string) =>
    request<void>('DELETE', `/api/admin/api-tokens/${encodeURIComponent(tokenId)}`),

  positions: () => request<PositionList>('GET', '/api/positions'),
  position: (positionId: string) => request<PositionDetail>('GET', positionPath(positionId)),
  panelOptions: () => request<PanelOptions>('GET', '/api/recruitment/people'),
  createPosition: (input: PositionInput) => request<PositionDetail>('POST', '/api/positions', input),
  updatePosition: (positionId: string, input: PositionUpdate) =>
    request<PositionDetail>('PUT', positionPath(positionId), input),
  movePosition: (positionId: string, version: number, status: 'open' | 'interviewing' | 'closed') =>
    request<PositionDetail>('POST', `${positionPath(positionId)}/status`, { version, status }),
  interviewGuide: (positionId: string) => request<InterviewGuide>('GET', `${positionPath(positionId)}/guide`),
  interviewGuideSuggestion: (positionId: string) =>
    request<InterviewGuide>('GET', `${positionPath(positionId)}/guide/suggestion`),
  saveInterviewGuide: (positionId: string, version: number, items: GuideQuestionInput[]) =>
    request<InterviewGuide>('PUT', `${positionPath(positionId)}/guide`, { version, items }),
  comparison: (positionId: string) => request<Comparison>('GET', `${positionPath(positionId)}/comparison`),
  decide: (positionId: string, input: DecisionInput) =>
    request<Comparison>('POST', `${positionPath(positionId)}/decision`, input),
  candidates: (positionId: string) => request<CandidateList>('GET', `${positionPath(positionId)}/candidates`),
  addCandidate: (positionId: string, input: CandidateInput) =>
    request<CandidateSummary>('POST', `${positionPath(positionId)}/candidates`, input),
  candidate: (candidateId: string) => request<CandidateDetail>('GET', candidatePath(candidateId)),
  eraseCandidate: (candidateId: string) => request<void>('DELETE', candidatePath(candidateId)),
  createLink: (candidateId: string, input: LinkInput) =>
    request<LinkCreated>('POST', `${candidatePath(candidateId)}/link`, input),
  saveScore: (candidateId: string, input: ScoreDraftInput) =>
    request<MyScore>('PUT', `${candidatePath(candidateId)}/score`, input),
  submitScore: (candidateId: string, version: number) =>
    request<CandidateDetail>('POST', `${candidatePath(candidateId)}/score/submit`, { version }),
  consolidate: (candidateId: string, input: ConsolidationInput) =>
    request<CandidateDetail>('PUT', `${candidatePath(candidateId)}/consolidation`, input),
  hire: (candidateId: string, input: HireInput) =>
    request<HireResult>('POST', `${candidatePath(candidateId)}/hire`, input),
  /** The candidate's own page: the token from their link, never a session. */
  candidateForm: (token: string) => request<CandidateForm>('POST', '/api/candidate-access/form', { token }),
  submitCandidateForm: (token: string, ratings: Record<string, number | null>) =>
    request<{ submittedAt: string }>('POST', '/api/candidate-access/submit', { token, ratings }),
  saveSettings: (input: SettingsInput) => request<MunicipalitySettings>('PUT', '/api/admin/settings', input),

  teamOverview: (unitId: string, withSelf: boolean) =>
    request<TeamOverview>('GET', `${teamOverviewPath(unitId)}${withSelf ? '?self=true' : ''}`),
  unitAggregates: (roundId?: string) =>
    request<UnitAggregates>(
      'GET',
      `/api/team-overview/units${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`,
    ),
  exercises: () => request<{ exercises: ExerciseView[] }>('GET', '/api/exercises'),
  themeDays: () => request<{ themeDays: ThemeDaySummary[] }>('GET', '/api/theme-days'),
  themeDay: (themeDayId: string) => request<ThemeDayDetail>('GET', themeDayPath(themeDayId)),
  planThemeDay: (input: ThemeDayInput) => request<ThemeDayDetail>('POST', '/api/theme-days', input),
  updateThemeDay: (themeDayId: string, input: ThemeDayUpdate) =>
    request<ThemeDayDetail>('PUT', themeDayPath(themeDayId), input),
  cancelThemeDay: (themeDayId: string) => request<void>('DELETE', themeDayPath(themeDayId)),
  saveFollowUpTasks: (themeDayId: string, input: FollowUpTasksInput) =>
    request<ThemeDayDetail>('PUT', `${themeDayPath(themeDayId)}/tasks`, input),
  setFollowUpTaskDone: (taskId: string, done: boolean) =>
    request<FollowUpTask>('POST', `/api/theme-day-tasks/${encodeURIComponent(taskId)}/done`, { done }),
};

/** `?a=1&b=2` of the values that are set (not undefined or empty), or nothing. */
function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
  );
  return entries.length > 0
    ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}`
    : '';
}

/** The CSV export of the audit log for a search: a plain link, so the browser downloads it. */
export const auditCsvPath = (query: AuditQuery): string => `/api/admin/audit.csv${queryString(query)}`;

/** The API path of a framework version; its export is a plain download link below it. */
export function frameworkPath(versionId: string): string {
  return `/api/frameworks/${encodeURIComponent(versionId)}`;
}

/** The API path of a group conversation; its calendar file is a plain link below it. */
export function groupConversationPath(conversationId: string): string {
  return `/api/group-conversations/${encodeURIComponent(conversationId)}`;
}

/** The API path of a position; its guide PDF is a plain link below it. */
export function positionPath(positionId: string): string {
  return `/api/positions/${encodeURIComponent(positionId)}`;
}

function candidatePath(candidateId: string): string {
  return `/api/candidates/${encodeURIComponent(candidateId)}`;
}

/** The API path of a unit's team overview; its export is a plain link below it. */
export function teamOverviewPath(unitId: string): string {
  return `/api/units/${encodeURIComponent(unitId)}/team-overview`;
}

function themeDayPath(themeDayId: string): string {
  return `/api/theme-days/${encodeURIComponent(themeDayId)}`;
}

/** The API path of a conversation; its calendar file and PDF summary are plain links below it. */
export function conversationPath(conversationId: string): string {
  return `/api/conversations/${encodeURIComponent(conversationId)}`;
}

function practicePath(entryId: string): string {
  return `/api/practice-log/${encodeURIComponent(entryId)}`;
}

function adminUserPath(userId: string): string {
  return `/api/admin/users/${encodeURIComponent(userId)}`;
}

function adminUnitPath(unitId: string): string {
  return `/api/admin/units/${encodeURIComponent(unitId)}`;
}

function roundPath(roundId: string): string {
  return `/api/rounds/${encodeURIComponent(roundId)}`;
}

function assessmentPath({ roundId, userId, rater }: AssessmentRef): string {
  return `${roundPath(roundId)}/assessments/${encodeURIComponent(userId)}/${rater}`;
}
