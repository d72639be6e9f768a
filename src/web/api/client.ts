/** @module Typed fetch wrapper for Vejviser's JSON API: language, CSRF and JSON headers, error bodies, the 401 redirect. */
import type { z } from 'zod';
import type { Locale } from '../../domain/text.ts';
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
  Assessment,
  AssessmentDraftInput,
  outboxSchema,
  Profile,
  RoundDetail,
  RoundInput,
  reminderResultSchema,
  roundListSchema,
  settingsSchema,
  taskListSchema,
} from '../../server/contracts/rounds.ts';

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
  settings: () => request<MunicipalitySettings>('GET', '/api/admin/settings'),
  saveSettings: (input: { hrSeesRounds: boolean }) =>
    request<MunicipalitySettings>('PUT', '/api/admin/settings', input),
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
  auditLog: (query: AuditQuery) => request<AuditPage>('GET', `/api/admin/audit${queryString(query)}`),
  myLookups: () => request<MyLookups>('GET', '/api/me/lookups'),
};

/** `?a=1&b=2` of the defined values, or nothing. */
function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return entries.length > 0
    ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}`
    : '';
}

/** The CSV export of the audit log for a search: a plain link, so the browser downloads it. */
export const auditCsvPath = (query: AuditQuery): string => `/api/admin/audit.csv${queryString(query)}`;

/** The API path of a conversation; its calendar file and PDF summary are plain links below it. */
export function conversationPath(conversationId: string): string {
  return `/api/conversations/${encodeURIComponent(conversationId)}`;
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
