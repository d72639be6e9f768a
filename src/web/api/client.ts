/** @module Typed fetch wrapper for Vejviser's JSON API: language, CSRF and JSON headers, error bodies, the 401 redirect. */
import type { z } from 'zod';
import type { Locale } from '../../domain/text.ts';
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
  Notes,
  Plan,
  Preparation,
  PreparationInput,
  StatusInput,
} from '../../server/contracts/conversations.ts';
import type {
  FrameworkVersion,
  frameworkListSchema,
  roleProfileListSchema,
} from '../../server/contracts/frameworks.ts';
import type { Person, Team, unitListSchema, userListSchema } from '../../server/contracts/people.ts';
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
export type Preferences = PreferencesInput;
export type RoundList = z.infer<typeof roundListSchema>;
export type ReminderResult = z.infer<typeof reminderResultSchema>;
export type TaskList = z.infer<typeof taskListSchema>;
export type Outbox = z.infer<typeof outboxSchema>;
export type MunicipalitySettings = z.infer<typeof settingsSchema>;
export type Rater = 'self' | 'leader';
export type ConversationList = z.infer<typeof conversationListSchema>;

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
  if (body !== undefined) headers['Content-Type'] = 'application/json';
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
      body: body === undefined ? null : JSON.stringify(body),
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
  settings: () => request<MunicipalitySettings>('GET', '/api/admin/settings'),
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

function roundPath(roundId: string): string {
  return `/api/rounds/${encodeURIComponent(roundId)}`;
}

function assessmentPath({ roundId, userId, rater }: AssessmentRef): string {
  return `${roundPath(roundId)}/assessments/${encodeURIComponent(userId)}/${rater}`;
}
