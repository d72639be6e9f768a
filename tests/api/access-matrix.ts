/**
 * @module The access-control matrix: for every API route, what each kind of caller gets. Later features add their
 * routes here; the test fails for a route that has no entry.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { defaultFramework, defaultRoleProfiles } from '../../content/index.ts';
import {
  apiTokens,
  assessments,
  candidates,
  colleaguePairings,
  conversationNotes,
  conversationPreparations,
  conversations,
  frameworkVersions,
  goalActions,
  goals,
  panelScores,
  positions,
  practiceEntries,
  roleProfiles,
  rounds,
  themeDayParticipants,
  themeDays,
  units,
  users,
} from '../../src/db/schema.ts';
import type { ApiTokenScope } from '../../src/domain/api-tokens.ts';
import { newApiToken } from '../../src/server/auth/api-tokens.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { TestApp } from '../support/app.ts';
import { type HeldConversation, heldConversation, heldGroupConversation } from '../support/conversations.ts';
import { helperEmail, openPairing, practiceEntryOf } from '../support/practice.ts';
import {
  decidedPosition,
  linkToken,
  positionRow,
  scoreAs,
  setPositionStatus,
  testCandidate,
  testFocus,
  testPosition,
} from '../support/recruitment.ts';
import { type HeldThemeDay, heldThemeDay } from '../support/theme-days.ts';
import { type Person, password, people } from '../support/world.ts';

export const actors = [
  'anonymous',
  'employeeOwn',
  'employeeColleague',
  'leaderInside',
  'leaderOutside',
  'hr',
  'admin',
  'adminOtherMunicipality',
] as const;
export type Actor = (typeof actors)[number];

/**
 * Who acts, and whose data the request is about. "Own" and "colleague" differ only for routes about one person;
 * "inside"/"outside" mean the subject is or is not in a unit the leader leads.
 */
export const actorSetup: Record<Actor, { as: Person | null; subject: Person }> = {
  anonymous: { as: null, subject: 'employee' },
  employeeOwn: { as: 'employee', subject: 'employee' },
  employeeColleague: { as: 'employee', subject: 'colleague' },
  leaderInside: { as: 'leaderSkranke', subject: 'employee' },
  leaderOutside: { as: 'leaderDigital', subject: 'employee' },
  hr: { as: 'hr', subject: 'employee' },
  admin: { as: 'admin', subject: 'employee' },
  adminOtherMunicipality: { as: 'otherAdmin', subject: 'employee' },
};

/**
 * API tokens (`Authorization: Bearer vvt_…`, no cookie): one of Demo Kommune's per scope, and a full-admin token of
 * Anden Kommune to prove a token never crosses into another municipality. Their subject is Birthe, like the admin's.
 */
export const tokenActors = [
  'tokenOrganisation',
  'tokenAggregates',
  'tokenAdmin',
  'tokenOtherMunicipality',
] as const;
export type TokenActor = (typeof tokenActors)[number];

export const tokenSetup: Record<TokenActor, { scope: ApiTokenScope; municipality: string; madeBy: Person }> =
  {
    tokenOrganisation: { scope: 'organisation', municipality: 'demo-kommune', madeBy: 'admin' },
    tokenAggregates: { scope: 'aggregates', municipality: 'demo-kommune', madeBy: 'admin' },
    tokenAdmin: { scope: 'admin', municipality: 'demo-kommune', madeBy: 'admin' },
    tokenOtherMunicipality: { scope: 'admin', municipality: 'anden-kommune', madeBy: 'otherAdmin' },
  };

/** What every token gets from a route that does not open itself to tokens. */
export const tokensRefused: Record<TokenActor, number> = {
  tokenOrganisation: 403,
  tokenAggregates: 403,
  tokenAdmin: 403,
  tokenOtherMunicipality: 403,
};
const allTokens = (status: number): Record<TokenActor, number> => ({
  tokenOrganisation: status,
  tokenAggregates: status,
  tokenAdmin: status,
  tokenOtherMunicipality: status,
});

export interface RequestContext {
  /** A held theme day of Team Skranke with the subject as its one participant, and their follow-up task. */
  themeDayId: string;
  taskId: string;
  /** Made by a route's `before` for one actor: a theme day the call may use up. */
  scratchThemeDay?: HeldThemeDay;
  /** A Team Skranke position in its interviews (HR's and Anne's, Anne on the panel; tests/support/recruitment.ts). */
  positionId: string;
  /** Its one candidate. */
  candidateId: string;
  /** Made by a route's `before` for one actor: a position, candidate or link token the call may use up. */
  recruitment?: { positionId?: string; candidateId?: string; token?: string };
  /** The id of the subject person for this actor. */
  subjectId: string;
  /** The id of the demo municipality's published framework version. */
  frameworkVersionId: string;
  /** Anne's round for Birthe and Mads (see tests/support/world.ts). */
  roundId: string;
  /** A started MUS of the subject's, with one goal and one action (see tests/support/conversations.ts). */
  conversationId: string;
  goalId: string;
  actionId: string;
  /** A started group MUS of Team Skranke the subject takes part in, without the other employee actor. */
  groupConversationId: string;
  /** Made by a route's `before` for one actor: a conversation, goal or action the call may use up. */
  scratch?: HeldConversation;
  /** Made or found by a route's `before`: a framework version (a draft, or one published with a report). */
  scratchVersionId?: string;
  /** Found by a route's `before`: one of the demo municipality's role profiles. */
  scratchRoleProfileId?: string;
  /** Made by a route's `before`: a practice entry of the subject's (shared with their leaders), or an open pairing. */
  practiceEntryId?: string;
  pairingId?: string;
  /** Set by a route's `before`: the subject's unit. */
  unitId?: string;
  /** Made by a route's `before` for one actor: an API token the call may revoke. */
  scratchTokenId?: string;
}

export interface MatrixEntry {
  /** Builds the request path (with ids filled in) for one actor. */
  path: (context: RequestContext) => string;
  body?: (context: RequestContext & { testApp: TestApp }) => unknown | Promise<unknown>;
  /** Puts the world in the state this route needs, before each actor's call. */
  before?: (testApp: TestApp, context: RequestContext) => Promise<void>;
  expected: Record<Actor, number>;
  /** Undoes what a successful call changed, so the next actor starts from the same world. */
  after?: (testApp: TestApp, person: Person, context: RequestContext) => Promise<void>;
  /** Why the expectations are what they are, for the reader of a failure. */
  why: string;
  /**
   * What each API token gets; without it, every token is refused (403). A route the OpenAPI document opens to tokens
   * must say what each gets here.
   */
  tokens?: Record<TokenActor, number>;
}

const everyone = (status: number, anonymous = 401): Record<Actor, number> => ({
  anonymous,
  employeeOwn: status,
  employeeColleague: status,
  leaderInside: status,
  leaderOutside: status,
  hr: status,
  admin: status,
  adminOtherMunicipality: status,
});

/**
 * Routes about one conversation: the employee and their leader get `status` (the employee `employee` where only the
 * leader may act); a colleague, another team's leader, HR and administrators are told it does not exist.
 */
const inConversation = (status: number, employee = status): Record<Actor, number> => ({
  ...everyone(404),
  anonymous: 401,
  employeeOwn: employee,
  leaderInside: status,
});

/**
 * Routes about one position or its candidates: HR and Anne (who leads the position's unit and sits on its panel) get
 * `hr` and `anne`; a colleague, another team's leader, an administrator and another municipality are told it does
 * not exist.
 */
const inPosition = (hr: number, anne = hr): Record<Actor, number> => ({
  ...everyone(404),
  anonymous: 401,
  leaderInside: anne,
  hr,
});

/** Keys are `METHOD /api/path` exactly as the app registers them (Hono's `:param` syntax). */
export const accessMatrix: Record<string, MatrixEntry> = {
  'GET /api/health': {
    path: () => '/api/health',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'Health is public so load balancers can probe it; it reveals nothing.',
  },
  'GET /api/health/ready': {
    path: () => '/api/health/ready',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'Readiness is public so load balancers can probe it; it tells the state of the server, never of anyone.',
  },
  'GET /api/openapi.json': {
    path: () => '/api/openapi.json',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The API description is public documentation.',
  },
  'GET /api/docs': {
    path: () => '/api/docs',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The API reference page is public documentation, like the document it is made from.',
  },
  'GET /api/docs/docs.css': {
    path: () => '/api/docs/docs.css',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The reference page’s stylesheet.',
  },
  'GET /api/docs/fonts/:font': {
    path: () => '/api/docs/fonts/plex-400.woff2',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The reference page’s font.',
  },
  'GET /api/auth/login-options': {
    path: () => '/api/auth/login-options',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The login page asks before anyone is logged in; it names at most the one municipality set by the environment.',
  },
  'GET /api/auth/login-options/:slug': {
    path: () => '/api/auth/login-options/demo-kommune',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'A municipality’s login page is public: its name and whether it offers single sign-on.',
  },
  'GET /api/auth/sso/:slug/start': {
    path: () => '/api/auth/sso/demo-kommune/start',
    expected: everyone(302, 302),
    tokens: allTokens(302),
    why: 'Anyone may start a login; without single sign-on set up it leads back to the login page with the reason.',
  },
  'GET /api/auth/sso/callback': {
    path: () => '/api/auth/sso/callback?code=x&state=y',
    expected: everyone(302, 302),
    tokens: allTokens(302),
    why: 'The provider sends any browser back here; without a login under way it leads to the login page, never into a session.',
  },
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: () => ({ email: 'birthe.hansen@demokommune.example', password: 'vejviser-demo' }),
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'Anyone may log in with valid credentials; a logged-in caller simply gets a new session.',
  },
  'POST /api/auth/logout': {
    path: () => '/api/auth/logout',
    expected: everyone(204),
    why: 'Only a session can be ended.',
  },
  'GET /api/auth/me': {
    path: () => '/api/auth/me',
    expected: everyone(200),
    why: 'Every logged-in person may see who they are.',
  },
  'PUT /api/me/password': {
    path: () => '/api/me/password',
    body: () => ({ currentPassword: 'vejviser-demo', newPassword: 'a-new-long-password' }),
    expected: everyone(204),
    why: 'Everyone changes only their own password.',
    after: async (testApp, person) => {
      const login = await testApp.repositories.system.findLoginByEmail(people[person]);
      await testApp.repositories
        .forTenant(login!.municipalityId)
        .people.setPasswordHash(login!.userId, await hashPassword(password));
    },
  },
  'PUT /api/me/preferences': {
    path: () => '/api/me/preferences',
    body: () => ({ locale: 'en' }),
    expected: everyone(200),
    why: 'Everyone sets only their own language.',
  },
  'GET /api/frameworks': {
    path: () => '/api/frameworks',
    expected: everyone(200),
    tokens: { ...allTokens(200), tokenOrganisation: 403, tokenAggregates: 403 },
    why: "Every logged-in person reads their own municipality's frameworks.",
  },
  'GET /api/frameworks/:versionId': {
    path: ({ frameworkVersionId }) => `/api/frameworks/${frameworkVersionId}`,
    expected: { ...everyone(200), adminOtherMunicipality: 404 },
    tokens: { ...tokensRefused, tokenAdmin: 200, tokenOtherMunicipality: 404 },
    why: 'A version belongs to one municipality; another municipality is told it does not exist.',
  },
  'GET /api/role-profiles': {
    path: () => '/api/role-profiles',
    expected: everyone(200),
    tokens: { ...allTokens(200), tokenOrganisation: 403, tokenAggregates: 403 },
    why: "Role profiles are read by everyone in the municipality (a person's target is no secret).",
  },
  'GET /api/units': {
    path: () => '/api/units',
    expected: everyone(200),
    tokens: { ...allTokens(200), tokenAggregates: 403 },
    why: 'The organisation chart is not personal data; each municipality sees only its own.',
  },
  'GET /api/team': {
    path: () => '/api/team',
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 200,
      leaderOutside: 200,
      hr: 403,
      admin: 403,
      adminOtherMunicipality: 200,
    },
    tokens: { ...tokensRefused, tokenOrganisation: 200 },
    why: "Only leaders have a team (the other municipality's admin leads a unit there); content is checked separately.",
  },
  'GET /api/users': {
    path: () => '/api/users',
    expected: { ...everyone(403), admin: 200, adminOtherMunicipality: 200 },
    tokens: { ...allTokens(200), tokenAggregates: 403 },
    why: 'Only administrators list users, and only of their own municipality (checked separately).',
  },
  'GET /api/users/:userId': {
    path: ({ subjectId }) => `/api/users/${subjectId}`,
    expected: {
      anonymous: 401,
      employeeOwn: 200,
      employeeColleague: 404,
      leaderInside: 200,
      leaderOutside: 404,
      hr: 404,
      admin: 200,
      adminOtherMunicipality: 404,
    },
    tokens: { tokenOrganisation: 200, tokenAggregates: 403, tokenAdmin: 200, tokenOtherMunicipality: 404 },
    why: 'A person sees themselves; a leader sees their units; an administrator sees their municipality; everyone else is told the person does not exist.',
  },

  'GET /api/rounds': {
    path: () => '/api/rounds',
    expected: {
      ...everyone(403),
      leaderInside: 200,
      leaderOutside: 200,
      admin: 200,
      adminOtherMunicipality: 200,
    },
    why: 'Rounds are a leaders’ and administrators’ tool; HR only when the municipality allows it (off here).',
  },
  'POST /api/rounds': {
    path: () => '/api/rounds',
    body: ({ frameworkVersionId, subjectId }) => ({
      name: 'Matrixrunde',
      frameworkVersionId,
      userIds: [subjectId],
      deadline: '2099-01-31',
    }),
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 403,
      admin: 201,
      adminOtherMunicipality: 422,
    },
    why: 'Leaders start rounds for their own people, administrators for anyone in their municipality; a person outside is refused by name.',
  },
  'GET /api/rounds/:roundId': {
    path: ({ roundId }) => `/api/rounds/${roundId}`,
    expected: { ...everyone(404), anonymous: 401, leaderInside: 200, admin: 200 },
    why: 'The status board is for the leader of the participants and for administrators; to others the round does not exist.',
  },
  'POST /api/rounds/:roundId/close': {
    path: ({ roundId }) => `/api/rounds/${roundId}/close`,
    expected: { ...everyone(404), anonymous: 401, leaderInside: 200, admin: 200 },
    why: 'Only those who manage the round close it.',
    after: async (testApp, _person, { roundId }) => {
      await testApp.handle.db
        .update(rounds)
        .set({ status: 'open', closedAt: null })
        .where(eq(rounds.id, roundId));
    },
  },
  'POST /api/rounds/:roundId/reminders': {
    path: ({ roundId }) => `/api/rounds/${roundId}/reminders`,
    body: () => ({}),
    expected: { ...everyone(404), anonymous: 401, leaderInside: 200, admin: 200 },
    why: 'Only those who manage the round send reminders.',
  },
  'POST /api/rounds/:roundId/participants/:userId/conversation': {
    path: ({ roundId, subjectId }) => `/api/rounds/${roundId}/participants/${subjectId}/conversation`,
    expected: { ...everyone(404), anonymous: 401, leaderInside: 204 },
    why: 'Only the person’s leader records the conversation; an administrator who is not the leader does not.',
  },
  'GET /api/rounds/:roundId/assessments/:userId/:rater': {
    path: ({ roundId, subjectId }) => `/api/rounds/${roundId}/assessments/${subjectId}/self`,
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200, leaderInside: 200 },
    why: 'A self-assessment is read by the person and, once submitted, by their leader; never by colleagues, HR or administrators.',
  },
  'PUT /api/rounds/:roundId/assessments/:userId/:rater': {
    path: ({ roundId, subjectId }) => `/api/rounds/${roundId}/assessments/${subjectId}/self`,
    before: (testApp, { roundId, subjectId }) => setStatus(testApp, roundId, subjectId, 'draft'),
    body: async ({ testApp, roundId, subjectId }) => {
      const { version, ratings } = await selfAssessmentOf(testApp, roundId, subjectId);
      return {
        version,
        ratings: { ...ratings, spoergeteknik: { level: 3, example: 'Ved skranken i går.' } },
      };
    },
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200 },
    why: 'Only the person writes their self-assessment; a leader cannot see a draft.',
    after: (testApp, _person, { roundId, subjectId }) => setStatus(testApp, roundId, subjectId, 'submitted'),
  },
  'POST /api/rounds/:roundId/assessments/:userId/:rater/submit': {
    path: ({ roundId, subjectId }) => `/api/rounds/${roundId}/assessments/${subjectId}/self/submit`,
    before: (testApp, { roundId, subjectId }) => setStatus(testApp, roundId, subjectId, 'draft'),
    body: async ({ testApp, roundId, subjectId }) => ({
      version: (await selfAssessmentOf(testApp, roundId, subjectId)).version,
    }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200 },
    why: 'Only the person submits their self-assessment.',
    after: (testApp, _person, { roundId, subjectId }) => setStatus(testApp, roundId, subjectId, 'submitted'),
  },
  'POST /api/rounds/:roundId/assessments/:userId/:rater/reopen': {
    path: ({ roundId, subjectId }) => `/api/rounds/${roundId}/assessments/${subjectId}/self/reopen`,
    body: () => ({ reason: 'Birthe vil gerne tilføje et eksempel.' }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 403, leaderInside: 200 },
    why: 'The leader reopens a submitted assessment; the person may read it but not reopen it.',
    after: (testApp, _person, { roundId, subjectId }) => setStatus(testApp, roundId, subjectId, 'submitted'),
  },
  'GET /api/me/tasks': {
    path: () => '/api/me/tasks',
    expected: everyone(200),
    why: 'Everyone sees their own tasks.',
  },
  'GET /api/profiles/:userId': {
    path: ({ subjectId }) => `/api/profiles/${subjectId}`,
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200, leaderInside: 200 },
    why: 'A profile is read by the person and their leaders; an administrator’s role alone does not reach ratings.',
  },
  'GET /api/conversations': {
    path: () => '/api/conversations',
    expected: everyone(200),
    why: 'Everyone lists their own conversations (and a leader those of their people); content is checked separately.',
  },
  'POST /api/conversations': {
    path: () => '/api/conversations',
    body: ({ subjectId }) => ({
      kind: 'mus',
      employeeId: subjectId,
      scheduledAt: '2099-02-01T09:00:00+01:00',
      place: 'Mødelokale 1',
    }),
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 403,
      admin: 403,
      adminOtherMunicipality: 422,
    },
    why: 'Only a leader schedules, and only with their own people; an administrator’s role alone does not reach conversations.',
  },
  'GET /api/conversations/:conversationId': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}`,
    expected: inConversation(200),
    why: 'A conversation is the employee’s and their leaders’; to colleagues, HR and administrators it does not exist.',
  },
  'PUT /api/conversations/:conversationId': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}`,
    body: async ({ testApp, conversationId }) => ({
      version: (await conversationRow(testApp, conversationId)).version,
      nextFollowUp: '2099-09-01',
    }),
    expected: inConversation(200, 403),
    why: 'The leader sets the follow-up date and reschedules; the employee may read but not change it.',
  },
  'POST /api/conversations/:conversationId/start': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/start`,
    expected: inConversation(200, 403),
    why: 'The leader starts the conversation.',
  },
  'GET /api/conversations/:conversationId/calendar.ics': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/calendar.ics`,
    expected: inConversation(200),
    why: 'Both parties put the conversation in their calendar.',
  },
  'GET /api/conversations/:conversationId/preparation': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/preparation`,
    expected: inConversation(200),
    why: 'Each party reads their own preparation (privacy between them is tested separately).',
  },
  'PUT /api/conversations/:conversationId/preparation': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/preparation`,
    body: () => ({ version: 0, answers: { looking_back: 'Et travlt forår.' }, chosenCompetenceIds: [] }),
    expected: inConversation(200),
    why: 'Each party writes their own preparation.',
    after: async (testApp, _person, { conversationId }) => {
      await testApp.handle.db
        .delete(conversationPreparations)
        .where(eq(conversationPreparations.conversationId, conversationId));
    },
  },
  'POST /api/conversations/:conversationId/preparation/share': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/preparation/share`,
    body: () => ({ version: 0 }),
    expected: inConversation(409),
    why: 'Each party shares only their own preparation; with none saved there is nothing at version 0 to share (409), which shows the call got past access control.',
  },
  'GET /api/conversations/:conversationId/guide': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/guide`,
    expected: inConversation(200, 403),
    why: 'The guide is the leader’s tool; the employee sees the agenda once the conversation starts.',
  },
  'PUT /api/conversations/:conversationId/agenda': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/agenda`,
    body: async ({ testApp, conversationId }) => ({
      version: (await conversationRow(testApp, conversationId)).agendaVersion,
      items: [{ id: 'custom:1', kind: 'custom', title: 'Arbejdsmiljø' }],
    }),
    expected: inConversation(200, 403),
    why: 'Only the leader edits the agenda.',
  },
  'PUT /api/conversations/:conversationId/notes': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/notes`,
    body: () => ({ version: 0, items: { 'custom:1': 'Vi talte om sommerferien.' } }),
    expected: inConversation(200),
    why: 'Both parties write their own notes.',
    after: async (testApp, _person, { conversationId }) => {
      await testApp.handle.db
        .delete(conversationNotes)
        .where(eq(conversationNotes.conversationId, conversationId));
    },
  },
  'POST /api/conversations/:conversationId/goals': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/goals`,
    body: () => ({
      title: 'Matrixmål',
      successCriterion: 'Det er prøvet.',
      targetDate: '2099-05-01',
      competenceIds: ['medbetjening'],
    }),
    expected: inConversation(201),
    why: 'Both parties build the plan together during the conversation.',
    after: async (testApp, _person, { conversationId }) => {
      await testApp.handle.db
        .delete(goals)
        .where(and(eq(goals.conversationId, conversationId), eq(goals.title, 'Matrixmål')));
    },
  },
  'PUT /api/goals/:goalId': {
    path: ({ goalId }) => `/api/goals/${goalId}`,
    body: async ({ testApp, goalId }) => {
      const [goal] = await testApp.handle.db.select().from(goals).where(eq(goals.id, goalId));
      return {
        version: goal!.version,
        title: goal!.title,
        why: goal!.why,
        successCriterion: goal!.successCriterion,
        targetDate: goal!.targetDate,
        competenceIds: goal!.competenceIds,
      };
    },
    expected: inConversation(200),
    why: 'Both parties edit the plan until it is signed.',
  },
  'DELETE /api/goals/:goalId': {
    path: ({ scratch, goalId }) => `/api/goals/${scratch?.goalId ?? goalId}`,
    before: scratchConversation,
    expected: inConversation(204),
    why: 'Both parties may remove a goal until the plan is signed.',
  },
  'POST /api/goals/:goalId/actions': {
    path: ({ goalId }) => `/api/goals/${goalId}/actions`,
    body: ({ subjectId }) => ({
      kind: 'theory',
      description: 'Matrixhandling',
      ownerId: subjectId,
      dueDate: '2099-04-01',
    }),
    expected: inConversation(201),
    why: 'Both parties add actions to a goal.',
    after: async (testApp) => {
      await testApp.handle.db.delete(goalActions).where(eq(goalActions.description, 'Matrixhandling'));
    },
  },
  'PUT /api/actions/:actionId': {
    path: ({ actionId }) => `/api/actions/${actionId}`,
    body: async ({ testApp, actionId }) => {
      const [action] = await testApp.handle.db.select().from(goalActions).where(eq(goalActions.id, actionId));
      return {
        version: action!.version,
        kind: action!.kind,
        description: action!.description,
        ownerId: action!.ownerId,
        dueDate: action!.dueDate,
      };
    },
    expected: inConversation(200),
    why: 'Both parties edit actions until the plan is signed.',
  },
  'DELETE /api/actions/:actionId': {
    path: ({ scratch, actionId }) => `/api/actions/${scratch?.actionId ?? actionId}`,
    before: scratchConversation,
    expected: inConversation(204),
    why: 'Both parties may remove an action until the plan is signed.',
  },
  'POST /api/goals/:goalId/status': {
    path: ({ goalId }) => `/api/goals/${goalId}/status`,
    body: async ({ testApp, goalId }) => {
      const [goal] = await testApp.handle.db.select().from(goals).where(eq(goals.id, goalId));
      return { version: goal!.version, status: 'in_progress' };
    },
    expected: inConversation(200),
    why: 'Both parties follow up the goals.',
  },
  'POST /api/actions/:actionId/status': {
    path: ({ actionId }) => `/api/actions/${actionId}/status`,
    body: async ({ testApp, actionId }) => {
      const [action] = await testApp.handle.db.select().from(goalActions).where(eq(goalActions.id, actionId));
      return { version: action!.version, status: 'in_progress' };
    },
    expected: inConversation(200),
    why: 'Both parties follow up the actions.',
  },
  'POST /api/conversations/:conversationId/sign': {
    path: ({ scratch, conversationId }) =>
      `/api/conversations/${scratch?.conversationId ?? conversationId}/sign`,
    before: scratchConversation,
    body: async ({ testApp, scratch, conversationId }) => ({
      contentVersion: (await conversationRow(testApp, scratch?.conversationId ?? conversationId))
        .contentVersion,
    }),
    expected: inConversation(200),
    why: 'The employee and the leader each sign their side.',
  },
  'POST /api/conversations/:conversationId/addenda': {
    path: ({ scratch, conversationId }) =>
      `/api/conversations/${scratch?.conversationId ?? conversationId}/addenda`,
    before: (testApp, context) => scratchConversation(testApp, context, { signed: true }),
    body: () => ({ text: 'Kurset er flyttet til oktober.' }),
    expected: inConversation(201),
    why: 'Either party adds a dated addendum to a signed record.',
  },
  'GET /api/conversations/:conversationId/summary.pdf': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/summary.pdf`,
    expected: inConversation(200),
    why: 'Both parties download the summary; nobody else learns it exists.',
  },
  'POST /api/group-conversations': {
    path: () => '/api/group-conversations',
    body: async ({ testApp, subjectId }) => {
      const [subject] = await testApp.handle.db.select().from(users).where(eq(users.id, subjectId));
      const [other] = await testApp.handle.db
        .select()
        .from(users)
        .where(and(eq(users.unitId, subject!.unitId!), eq(users.name, 'Ahmad Rahimi')));
      return {
        unitId: subject!.unitId,
        participantIds: [subjectId, other!.id],
        scheduledAt: '2099-02-01T13:00:00+01:00',
        place: 'Kantinen',
      };
    },
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 403,
      admin: 403,
      adminOtherMunicipality: 422,
    },
    why: 'Only a leader schedules a group MUS, and only with a unit they lead; an administrator’s role alone does not reach it.',
  },
  'GET /api/group-conversations/:conversationId': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}`,
    expected: inConversation(200),
    why: 'A group conversation is its participants’ and the unit’s leaders’; to colleagues who were not there, HR and administrators it does not exist.',
  },
  'PUT /api/group-conversations/:conversationId': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}`,
    body: async ({ testApp, groupConversationId }) => ({
      version: (await conversationRow(testApp, groupConversationId)).version,
      nextFollowUp: '2099-09-01',
    }),
    expected: inConversation(200, 403),
    why: 'The leader sets the follow-up date, reschedules and chooses who takes part; a participant may read it.',
  },
  'POST /api/group-conversations/:conversationId/start': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/start`,
    expected: inConversation(200, 403),
    why: 'The leader starts the meeting.',
  },
  'GET /api/group-conversations/:conversationId/calendar.ics': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/calendar.ics`,
    expected: inConversation(200),
    why: 'The leader and every participant put the meeting in their calendar.',
  },
  'GET /api/group-conversations/:conversationId/guide': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/guide`,
    expected: inConversation(200, 403),
    why: 'The guide is the leader’s tool; participants see the agenda once the meeting starts.',
  },
  'PUT /api/group-conversations/:conversationId/agenda': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/agenda`,
    body: async ({ testApp, groupConversationId }) => ({
      version: (await conversationRow(testApp, groupConversationId)).agendaVersion,
      items: [{ id: 'custom:1', kind: 'custom', title: 'Ferieplan' }],
    }),
    expected: inConversation(200, 403),
    why: 'Only the leader edits the agenda.',
  },
  'PUT /api/group-conversations/:conversationId/notes': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/notes`,
    body: () => ({ version: 0, items: { 'custom:1': 'Vi talte om ferieplanen.' } }),
    expected: inConversation(200, 403),
    why: 'The leader writes the meeting’s notes; participants read them.',
    after: async (testApp, _person, { groupConversationId }) => {
      await testApp.handle.db
        .delete(conversationNotes)
        .where(eq(conversationNotes.conversationId, groupConversationId));
    },
  },
  'POST /api/group-conversations/:conversationId/goals': {
    path: ({ groupConversationId }) => `/api/group-conversations/${groupConversationId}/goals`,
    body: () => ({
      title: 'Matrixteammål',
      successCriterion: 'Det er prøvet.',
      targetDate: '2099-05-01',
      competenceIds: ['medbetjening'],
    }),
    expected: inConversation(201, 403),
    why: 'The leader writes the team goals during the meeting; participants read them.',
    after: async (testApp, _person, { groupConversationId }) => {
      await testApp.handle.db
        .delete(goals)
        .where(and(eq(goals.conversationId, groupConversationId), eq(goals.title, 'Matrixteammål')));
    },
  },
  'POST /api/group-conversations/:conversationId/close': {
    path: ({ scratch, groupConversationId }) =>
      `/api/group-conversations/${scratch?.conversationId ?? groupConversationId}/close`,
    before: scratchGroupConversation,
    body: async ({ testApp, scratch, groupConversationId }) => ({
      contentVersion: (await conversationRow(testApp, scratch?.conversationId ?? groupConversationId))
        .contentVersion,
    }),
    expected: inConversation(200, 403),
    why: 'A leader closes the group conversation; a participant cannot.',
  },
  'POST /api/group-conversations/:conversationId/addenda': {
    path: ({ scratch, groupConversationId }) =>
      `/api/group-conversations/${scratch?.conversationId ?? groupConversationId}/addenda`,
    before: (testApp, context) => scratchGroupConversation(testApp, context, { closed: true }),
    body: () => ({ text: 'Temadagen er flyttet til november.' }),
    expected: inConversation(201),
    why: 'The leader and every participant may add a dated addendum to a closed group conversation.',
  },
  'GET /api/plans/:userId': {
    path: ({ subjectId }) => `/api/plans/${subjectId}`,
    expected: inConversation(200),
    why: 'A development plan is read by the person and their leaders.',
  },
  'GET /api/admin/audit': {
    path: () => '/api/admin/audit',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators search their own municipality’s audit log; nobody else reads it.',
  },
  'GET /api/admin/audit.csv': {
    path: () => '/api/admin/audit.csv',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators export their own municipality’s audit log.',
  },
  'GET /api/me/lookups': {
    path: () => '/api/me/lookups',
    expected: everyone(200),
    why: 'Everyone sees when and why others looked up their own data, and only their own.',
  },
  'GET /api/me/data': {
    path: () => '/api/me/data',
    expected: everyone(200),
    why: 'Everyone downloads everything Vejviser holds about themselves, and only about themselves (decision 028).',
  },
  'GET /api/me/data.pdf': {
    path: () => '/api/me/data.pdf?lang=da',
    expected: everyone(200),
    why: 'The same download as a readable PDF.',
  },
  'GET /api/admin/users/:userId/data': {
    path: ({ subjectId }) => `/api/admin/users/${subjectId}/data`,
    expected: adminOnly(200),
    why: 'Only administrators download a person’s data for a formal request of access, and only in their own municipality; tokens never (decision 028).',
  },
  'GET /api/admin/users/:userId/data.pdf': {
    path: ({ subjectId }) => `/api/admin/users/${subjectId}/data.pdf`,
    expected: adminOnly(200),
    why: 'The administrator’s download as a readable PDF, to hand to the person.',
  },
  'GET /api/practice-log': {
    path: () => '/api/practice-log',
    expected: everyone(200),
    why: 'Everyone reads only their own practice log (privacy between colleagues is tested separately).',
  },
  'POST /api/practice-log': {
    path: () => '/api/practice-log',
    body: () => ({
      occurredOn: '2026-01-15',
      channel: 'counter',
      helpLevel: 'co_service',
      competenceIds: ['medbetjening'],
      whatWorked: 'Matrixregistrering',
    }),
    expected: everyone(201),
    why: 'Everyone keeps their own log; the entry is always the caller’s own.',
    after: async (testApp) => {
      await testApp.handle.db
        .delete(practiceEntries)
        .where(eq(practiceEntries.whatWorked, 'Matrixregistrering'));
    },
  },
  'GET /api/practice-log/shared': {
    path: () => '/api/practice-log/shared',
    expected: {
      ...everyone(403),
      leaderInside: 200,
      leaderOutside: 200,
      adminOtherMunicipality: 200,
    },
    why: 'Only leaders have people who share entries with them (the other municipality’s admin leads a unit there).',
  },
  'GET /api/practice-log/:entryId': {
    path: ({ practiceEntryId }) => `/api/practice-log/${practiceEntryId}`,
    before: sharedEntry,
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200, leaderInside: 200 },
    why: 'An entry is its author’s; their leader reads it once shared; to colleagues, HR and administrators it does not exist.',
  },
  'PUT /api/practice-log/:entryId': {
    path: ({ practiceEntryId }) => `/api/practice-log/${practiceEntryId}`,
    before: sharedEntry,
    body: () => ({
      version: 1,
      occurredOn: '2026-01-15',
      channel: 'phone',
      helpLevel: 'self_service',
      competenceIds: ['medbetjening'],
      whatWorked: 'Ændret i matrixtesten',
      shared: true,
    }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200, leaderInside: 403 },
    why: 'Only the author changes an entry; the leader who may read a shared one may not change it.',
  },
  'DELETE /api/practice-log/:entryId': {
    path: ({ practiceEntryId }) => `/api/practice-log/${practiceEntryId}?version=1`,
    before: sharedEntry,
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 204, leaderInside: 403 },
    why: 'Only the author deletes an entry.',
  },
  'GET /api/conversations/:conversationId/practice-talking-points': {
    path: ({ conversationId }) => `/api/conversations/${conversationId}/practice-talking-points`,
    expected: inConversation(200),
    why: 'Talking points belong to the conversation’s two parties (the leader gets only the shared ones, tested separately).',
  },
  'GET /api/units/:unitId/practice-summary': {
    path: ({ unitId }) => `/api/units/${unitId}/practice-summary`,
    before: subjectUnit,
    expected: {
      ...everyone(403),
      anonymous: 401,
      leaderInside: 200,
      admin: 200,
      adminOtherMunicipality: 404,
    },
    tokens: { ...tokensRefused, tokenAggregates: 200, tokenAdmin: 200, tokenOtherMunicipality: 404 },
    why: 'Aggregates are for the unit’s leaders and administrators; HR sees none; another municipality’s unit does not exist.',
  },
  'GET /api/units/:unitId/pairing-suggestions': {
    path: ({ unitId }) => `/api/units/${unitId}/pairing-suggestions`,
    before: subjectUnit,
    expected: { ...everyone(403), anonymous: 401, leaderInside: 200, adminOtherMunicipality: 404 },
    why: 'Suggestions come from the leader’s ratings: only the unit’s leaders get them, not administrators or HR.',
  },
  'GET /api/pairings': {
    path: () => '/api/pairings',
    expected: everyone(200),
    why: 'Everyone lists the pairings they take part in or lead (content is checked separately).',
  },
  'POST /api/pairings': {
    path: () => '/api/pairings',
    body: async ({ testApp, subjectId }) => ({
      learnerId: subjectId,
      helperId: (await testApp.repositories.system.findLoginByEmail(helperEmail))!.userId,
      competenceId: 'medbetjening',
    }),
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 403,
      admin: 403,
      adminOtherMunicipality: 422,
    },
    why: 'Only a leader pairs, and only people they lead; a person outside is refused by name.',
    after: async (testApp) => {
      await testApp.handle.db
        .delete(colleaguePairings)
        .where(eq(colleaguePairings.competenceId, 'medbetjening'));
    },
  },
  'POST /api/pairings/:pairingId/done': {
    path: ({ pairingId }) => `/api/pairings/${pairingId}/done`,
    before: pairingOfSubject,
    body: () => ({ version: 1 }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200, leaderInside: 200 },
    why: 'Either colleague or their leader marks a pairing done; to anyone else it does not exist.',
  },
  'POST /api/pairings/:pairingId/cancel': {
    path: ({ pairingId }) => `/api/pairings/${pairingId}/cancel`,
    before: pairingOfSubject,
    body: () => ({ version: 1 }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 403, leaderInside: 200 },
    why: 'Only the leader cancels a pairing; the colleagues may read it but not cancel it.',
  },
  'GET /api/units/:unitId/team-overview': {
    path: ({ unitId }) => `/api/units/${unitId}/team-overview?self=true`,
    expected: { ...everyone(404), anonymous: 401, leaderInside: 200 },
    why: 'The matrix of people is for the leaders of the unit; an employee, another team’s leader, HR and administrators are told the unit has none to show.',
  },
  'GET /api/units/:unitId/team-overview/export': {
    path: ({ unitId }) => `/api/units/${unitId}/team-overview/export?format=csv`,
    expected: { ...everyone(404), anonymous: 401, leaderInside: 200 },
    why: 'Only those who may see the matrix export it (each export is audited, tested separately).',
  },
  'GET /api/team-overview/units': {
    path: () => '/api/team-overview/units',
    expected: {
      ...everyone(403),
      anonymous: 401,
      leaderInside: 200,
      leaderOutside: 200,
      admin: 200,
      adminOtherMunicipality: 200,
    },
    tokens: { ...tokensRefused, tokenAggregates: 200, tokenAdmin: 200, tokenOtherMunicipality: 200 },
    why: 'Figures per unit are for leaders (their units) and administrators (all units of their municipality); withheld groups are tested separately.',
  },
  'GET /api/exercises': {
    path: () => '/api/exercises',
    expected: everyone(200),
    why: 'The exercise bank is shipped content, readable by everyone logged in.',
  },
  'GET /api/theme-days': {
    path: () => '/api/theme-days',
    expected: everyone(200),
    why: 'Everyone lists the theme days they lead or take part in; content is checked separately.',
  },
  'POST /api/theme-days': {
    path: () => '/api/theme-days',
    body: ({ unitId, subjectId }) => ({
      unitId,
      title: 'Matrixtemadag',
      date: '2099-03-01',
      startTime: '09:00',
      place: 'Byrådssalen',
      focusCompetenceIds: ['spoergeteknik'],
      participantIds: [subjectId],
      agenda: [{ id: 'own:1', title: 'Velkomst', minutes: 15 }],
    }),
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 403,
      admin: 403,
      adminOtherMunicipality: 422,
    },
    why: 'A leader plans theme days for the units they lead; another unit is refused by name; without leadership, no planning.',
    after: async (testApp) => {
      await testApp.handle.db.delete(themeDays).where(eq(themeDays.title, 'Matrixtemadag'));
    },
  },
  'GET /api/theme-days/:themeDayId': {
    path: ({ themeDayId }) => `/api/theme-days/${themeDayId}`,
    expected: inConversation(200),
    why: 'A theme day is read by its participants and the unit’s leaders; to anyone else it does not exist.',
  },
  'PUT /api/theme-days/:themeDayId': {
    path: ({ themeDayId }) => `/api/theme-days/${themeDayId}`,
    body: async ({ testApp, themeDayId }) => {
      const [row] = await testApp.handle.db.select().from(themeDays).where(eq(themeDays.id, themeDayId));
      const participants = await testApp.handle.db
        .select()
        .from(themeDayParticipants)
        .where(eq(themeDayParticipants.themeDayId, themeDayId));
      return {
        version: row!.version,
        title: row!.title,
        date: row!.date,
        startTime: row!.startTime,
        place: row!.place,
        focusCompetenceIds: row!.focusCompetenceIds,
        participantIds: participants.map((participant) => participant.userId),
        agenda: row!.agenda,
      };
    },
    expected: inConversation(200, 403),
    why: 'The unit’s leaders change the plan; a participant reads it but may not change it.',
  },
  'DELETE /api/theme-days/:themeDayId': {
    path: ({ scratchThemeDay, themeDayId }) => `/api/theme-days/${scratchThemeDay?.themeDayId ?? themeDayId}`,
    before: async (testApp, context) => {
      context.scratchThemeDay = await heldThemeDay(testApp, context.subjectId);
    },
    expected: inConversation(204, 403),
    why: 'Only the unit’s leaders cancel a theme day.',
  },
  'PUT /api/theme-days/:themeDayId/tasks': {
    path: ({ themeDayId }) => `/api/theme-days/${themeDayId}/tasks`,
    body: ({ subjectId }) => ({
      tasks: [{ userId: subjectId, text: 'Stil tre åbne spørgsmål ved skranken', dueDate: '2026-06-20' }],
    }),
    expected: inConversation(200, 403),
    why: 'The unit’s leaders give the follow-up tasks; a participant receives theirs.',
  },
  'POST /api/theme-day-tasks/:taskId/done': {
    path: ({ taskId }) => `/api/theme-day-tasks/${taskId}/done`,
    body: () => ({ done: false }),
    expected: { ...everyone(404), anonymous: 401, employeeOwn: 200 },
    why: 'Only the participant marks their own task done; their leader sees it but does not tick it off for them.',
  },
  'GET /api/admin/outbox': {
    path: () => '/api/admin/outbox',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    tokens: { ...allTokens(200), tokenOrganisation: 403, tokenAggregates: 403 },
    why: 'Administrators read their own municipality’s outbox.',
  },
  'GET /api/admin/settings': {
    path: () => '/api/admin/settings',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    tokens: { ...allTokens(200), tokenOrganisation: 403, tokenAggregates: 403 },
    why: 'Administrators read their own municipality’s settings.',
  },
  'GET /api/admin/users/:userId': {
    path: ({ subjectId }) => `/api/admin/users/${subjectId}`,
    expected: adminOnly(200),
    why: 'Only administrators open a person for editing, and only in their own municipality.',
  },
  'POST /api/admin/users': {
    path: () => '/api/admin/users',
    body: () => ({
      name: 'Matrix Person',
      email: 'matrix.person@example.dk',
      title: null,
      roles: ['employee'],
      unitId: null,
      roleProfileKey: null,
      externalId: null,
      locale: 'da',
    }),
    expected: adminOnly(201, 201),
    why: 'Administrators create users in their own municipality.',
    after: async (testApp) => {
      await testApp.handle.db.delete(users).where(eq(users.email, 'matrix.person@example.dk'));
    },
  },
  'PUT /api/admin/users/:userId': {
    path: ({ subjectId }) => `/api/admin/users/${subjectId}`,
    body: async ({ testApp, subjectId }) => {
      const row = await userRow(testApp, subjectId);
      return {
        name: row.name,
        email: row.email,
        title: row.title,
        roles: row.roles,
        unitId: row.unitId,
        roleProfileKey: row.roleProfileKey,
        externalId: row.externalId,
        locale: row.locale,
        version: row.version,
      };
    },
    expected: adminOnly(200),
    why: 'Only administrators edit and move people; another municipality’s administrator is told the person does not exist.',
  },
  'PUT /api/admin/users/:userId/status': {
    path: ({ subjectId }) => `/api/admin/users/${subjectId}/status`,
    body: async ({ testApp, subjectId }) => ({
      active: true,
      version: (await userRow(testApp, subjectId)).version,
    }),
    expected: adminOnly(200),
    why: 'Only administrators deactivate and reactivate people of their own municipality.',
  },
  'GET /api/admin/departed': {
    path: () => '/api/admin/departed',
    expected: adminOnly(200, 200),
    why: 'Administrators list the people who left their own municipality, with the dates their data goes.',
  },
  'POST /api/admin/departed/:userId/erase': {
    path: ({ subjectId }) => `/api/admin/departed/${subjectId}/erase`,
    expected: adminOnly(409),
    why: 'Only administrators erase, and only people who left: Birthe is active (409); another municipality is told she does not exist; no token may erase.',
  },
  'POST /api/admin/departed/:userId/anonymise': {
    path: ({ subjectId }) => `/api/admin/departed/${subjectId}/anonymise`,
    expected: adminOnly(409),
    why: 'Only administrators anonymise, and only people who left; no token may.',
  },
  'GET /api/admin/units': {
    path: () => '/api/admin/units',
    expected: adminOnly(200, 200),
    why: 'Administrators list their own municipality’s units with external ids and head counts.',
  },
  'POST /api/admin/units': {
    path: () => '/api/admin/units',
    body: () => ({ name: 'Matrixenhed', parentId: null, externalId: null }),
    expected: adminOnly(201, 201),
    why: 'Administrators create units in their own municipality.',
    after: async (testApp) => {
      await testApp.handle.db.delete(units).where(eq(units.name, 'Matrixenhed'));
    },
  },
  'PUT /api/admin/units/:unitId': {
    path: ({ unitId }) => `/api/admin/units/${unitId}`,
    before: subjectUnit,
    body: async ({ testApp, unitId }) => {
      const row = await unitRow(testApp, unitId!);
      return { name: row.name, parentId: row.parentId, externalId: row.externalId, version: row.version };
    },
    expected: adminOnly(200),
    why: 'Only administrators rename and move units of their own municipality.',
  },
  'PUT /api/admin/units/:unitId/status': {
    path: ({ unitId }) => `/api/admin/units/${unitId}/status`,
    before: subjectUnit,
    body: async ({ testApp, unitId }) => ({
      active: true,
      version: (await unitRow(testApp, unitId!)).version,
    }),
    expected: adminOnly(200),
    why: 'Only administrators deactivate and reactivate units of their own municipality.',
  },
  'PUT /api/admin/units/:unitId/leaders': {
    path: ({ unitId }) => `/api/admin/units/${unitId}/leaders`,
    before: subjectUnit,
    body: async ({ testApp, unitId }) => {
      const tenant = testApp.repositories.forTenant((await unitRow(testApp, unitId!)).municipalityId);
      const leaderIds = (await tenant.people.listLeaderships())
        .filter((leadership) => leadership.unitId === unitId)
        .map((leadership) => leadership.userId);
      return { leaderIds, version: (await unitRow(testApp, unitId!)).version };
    },
    expected: adminOnly(200),
    why: 'Only administrators change who leads a unit of their own municipality.',
  },
  'DELETE /api/admin/units/:unitId': {
    path: ({ unitId }) => `/api/admin/units/${unitId}`,
    before: scratchUnit,
    expected: adminOnly(204),
    why: 'Only administrators delete an unused unit of their own municipality.',
  },
  'POST /api/admin/people-import/dry-run': {
    path: () => '/api/admin/people-import/dry-run',
    body: emptyImport,
    expected: adminOnly(200, 200),
    why: 'Administrators try an import against their own municipality; nobody else may see what it would do.',
  },
  'POST /api/admin/people-import/apply': {
    path: () => '/api/admin/people-import/apply',
    body: emptyImport,
    expected: adminOnly(200, 200),
    why: 'Only administrators import people, and only into their own municipality.',
  },
  'PUT /api/admin/settings': {
    path: () => '/api/admin/settings',
    body: () => ({ hrSeesRounds: false }),
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    tokens: { ...allTokens(200), tokenOrganisation: 403, tokenAggregates: 403 },
    why: 'Administrators change their own municipality’s settings.',
  },

  'GET /api/frameworks/schema.json': {
    path: () => '/api/frameworks/schema.json',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The format of a framework file is public documentation, like the API description.',
  },
  'POST /api/frameworks/import': {
    path: () => '/api/frameworks/import',
    body: () => ({ format: 'vejviser.framework/1', framework: renamedFramework() }),
    expected: administratorsOnly(201, 201),
    why: 'Administrators import a framework into their own municipality, as a draft.',
    after: discardDrafts,
  },
  'POST /api/frameworks/:versionId/draft': {
    path: ({ frameworkVersionId }) => `/api/frameworks/${frameworkVersionId}/draft`,
    expected: administratorsOnly(201, 404),
    why: 'Administrators copy a version into a draft; another municipality is told the version does not exist.',
    after: discardDrafts,
  },
  'PUT /api/frameworks/:versionId': {
    path: ({ scratchVersionId }) => `/api/frameworks/${scratchVersionId}`,
    before: freshDraft,
    body: () => ({ revision: 1, document: renamedFramework() }),
    expected: administratorsOnly(200, 404),
    why: "Only the municipality's administrators edit its draft.",
    after: discardDrafts,
  },
  'DELETE /api/frameworks/:versionId': {
    path: ({ scratchVersionId }) => `/api/frameworks/${scratchVersionId}`,
    before: freshDraft,
    expected: administratorsOnly(204, 404),
    why: "Only the municipality's administrators delete its draft.",
    after: discardDrafts,
  },
  'POST /api/frameworks/:versionId/publish': {
    path: ({ scratchVersionId }) => `/api/frameworks/${scratchVersionId}/publish`,
    before: freshDraft,
    body: () => ({ revision: 1 }),
    expected: administratorsOnly(200, 404),
    why: "Only the municipality's administrators publish its draft (the published version stays; it cannot be undone).",
    after: discardDrafts,
  },
  'GET /api/frameworks/:versionId/report': {
    path: ({ scratchVersionId }) => `/api/frameworks/${scratchVersionId}/report`,
    before: publishedWithReport,
    expected: administratorsOnly(200, 404),
    why: 'The report of a publication is for the administrators who keep the role profiles.',
  },
  'GET /api/frameworks/:versionId/diff': {
    path: ({ frameworkVersionId }) => `/api/frameworks/${frameworkVersionId}/diff?from=${frameworkVersionId}`,
    expected: { ...everyone(200), adminOtherMunicipality: 404 },
    why: 'Everyone who may read two published versions may compare them; another municipality is told they do not exist.',
  },
  'GET /api/frameworks/:versionId/export': {
    path: ({ frameworkVersionId }) => `/api/frameworks/${frameworkVersionId}/export`,
    expected: administratorsOnly(200, 404),
    why: "Administrators export their own municipality's versions to share them.",
  },
  'POST /api/role-profiles': {
    path: () => '/api/role-profiles',
    body: ({ frameworkVersionId }) => ({
      frameworkVersionId,
      key: 'matrixrolle',
      name: { da: 'Matrixrolle', en: 'Matrix role' },
      description: { da: 'Til test', en: 'For tests' },
      targets: defaultRoleProfiles[0]!.targets,
    }),
    expected: administratorsOnly(201, 422),
    why: "Administrators create role profiles on their own municipality's versions; another's version is refused by name.",
    after: async (testApp) => {
      await testApp.handle.db.delete(roleProfiles).where(eq(roleProfiles.key, 'matrixrolle'));
    },
  },
  'PUT /api/role-profiles/:roleProfileId': {
    path: ({ scratchRoleProfileId }) => `/api/role-profiles/${scratchRoleProfileId}`,
    before: async (testApp, context) => {
      const [profile] = await testApp.handle.db
        .select()
        .from(roleProfiles)
        .where(
          and(
            eq(roleProfiles.frameworkVersionId, context.frameworkVersionId),
            eq(roleProfiles.key, 'borgerservicemedarbejder'),
          ),
        );
      context.scratchRoleProfileId = profile!.id;
    },
    body: async ({ testApp, scratchRoleProfileId }) => {
      const [profile] = await testApp.handle.db
        .select()
        .from(roleProfiles)
        .where(eq(roleProfiles.id, scratchRoleProfileId!));
      const { revision, name, description, targets } = profile!;
      return { revision, name, description, targets };
    },
    expected: administratorsOnly(200, 404),
    why: "Only the municipality's administrators change its role profiles.",
  },
  'GET /api/accessibility': {
    path: () => '/api/accessibility',
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The accessibility statement is for everyone, also before login.',
  },
  'PUT /api/admin/accessibility': {
    path: () => '/api/admin/accessibility',
    body: () => ({ contact: '' }),
    expected: administratorsOnly(200, 200),
    why: "Administrators set their own municipality's contact for accessibility problems.",
  },
  'GET /api/admin/sso': {
    path: () => '/api/admin/sso',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators read their own municipality’s single sign-on (never the secret); a token cannot.',
  },
  'PUT /api/admin/sso': {
    path: () => '/api/admin/sso',
    body: () => ({
      enabled: false,
      issuer: '',
      clientId: 'vejviser',
      matchBy: 'email',
      claim: 'email',
      createUsers: false,
      defaultUnitId: null,
      passwordLogin: true,
    }),
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Only a logged-in administrator changes how their municipality logs in; a token could otherwise redirect logins.',
  },
  'GET /api/admin/api-tokens': {
    path: () => '/api/admin/api-tokens',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators list their own municipality’s API tokens (contents checked separately); a token cannot.',
  },
  'POST /api/admin/api-tokens': {
    path: () => '/api/admin/api-tokens',
    body: () => ({ name: 'Matrixnøgle', scope: 'organisation' }),
    expected: { ...everyone(403), anonymous: 401, admin: 201, adminOtherMunicipality: 201 },
    why: 'Only a logged-in administrator creates tokens; a token cannot mint its own successor.',
    after: async (testApp) => {
      await testApp.handle.db.delete(apiTokens).where(eq(apiTokens.name, 'Matrixnøgle'));
    },
  },
  'DELETE /api/admin/api-tokens/:tokenId': {
    path: ({ scratchTokenId }) => `/api/admin/api-tokens/${scratchTokenId}`,
    before: async (testApp, context) => {
      context.scratchTokenId = await scratchToken(testApp);
    },
    expected: {
      ...everyone(403),
      anonymous: 401,
      admin: 204,
      adminOtherMunicipality: 404,
    },
    why: 'An administrator revokes their own municipality’s tokens; another municipality’s token does not exist for them.',
  },
  'GET /api/positions': {
    path: () => '/api/positions',
    expected: everyone(200),
    why: 'Everyone lists the positions they may see (HR all, a leader their units’, a member their panels’); content is checked separately.',
  },
  'POST /api/positions': {
    path: () => '/api/positions',
    body: async ({ testApp }) => ({
      title: 'Matrixstilling',
      ...(await skrankeAndProfile(testApp)),
      focusCompetenceIds: testFocus,
      panelIds: [(await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!.userId],
    }),
    expected: {
      anonymous: 401,
      employeeOwn: 403,
      employeeColleague: 403,
      leaderInside: 201,
      leaderOutside: 422,
      hr: 201,
      admin: 403,
      adminOtherMunicipality: 422,
    },
    why: 'HR creates positions in any unit, a leader in the units they lead; another unit is refused by name, and an administrator’s role alone creates none.',
    after: async (testApp) => {
      await testApp.handle.db.delete(positions).where(eq(positions.title, 'Matrixstilling'));
    },
  },
  'GET /api/recruitment/people': {
    path: () => '/api/recruitment/people',
    expected: {
      ...everyone(403),
      anonymous: 401,
      leaderInside: 200,
      leaderOutside: 200,
      hr: 200,
      adminOtherMunicipality: 200,
    },
    why: 'Those who create positions pick a panel from their own municipality (the other administrator leads a unit there).',
  },
  'GET /api/positions/:positionId': {
    path: ({ positionId }) => `/api/positions/${positionId}`,
    expected: inPosition(200),
    why: 'Only HR and the position’s leaders and panel see a position; to everyone else it does not exist.',
  },
  'PUT /api/positions/:positionId': {
    path: ({ positionId }) => `/api/positions/${positionId}`,
    before: (testApp, { positionId }) => setPositionStatus(testApp, positionId, 'open'),
    body: async ({ testApp, positionId }) => ({
      version: (await positionRow(testApp, positionId)).version,
      title: 'Specialist i borgerbetjening',
      focusCompetenceIds: testFocus,
      panelIds: [(await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!.userId],
    }),
    expected: inPosition(200),
    why: 'HR and the leaders of the position’s unit change its set-up before the interviews.',
    after: (testApp, _person, { positionId }) => setPositionStatus(testApp, positionId, 'interviewing'),
  },
  'POST /api/positions/:positionId/status': {
    path: ({ recruitment, positionId }) => `/api/positions/${recruitment?.positionId ?? positionId}/status`,
    before: async (testApp, context) => {
      context.recruitment = { positionId: await testPosition(testApp, { panel: ['leaderSkranke'] }) };
    },
    body: () => ({ version: 1, status: 'open' }),
    expected: inPosition(200),
    why: 'HR and the position’s leaders move it on.',
  },
  'GET /api/positions/:positionId/guide': {
    path: ({ positionId }) => `/api/positions/${positionId}/guide`,
    expected: inPosition(200),
    why: 'The panel and those who manage the position read the guide.',
  },
  'GET /api/positions/:positionId/guide/suggestion': {
    path: ({ positionId }) => `/api/positions/${positionId}/guide/suggestion`,
    expected: inPosition(200),
    why: 'The suggestion is read like the guide.',
  },
  'PUT /api/positions/:positionId/guide': {
    path: ({ positionId }) => `/api/positions/${positionId}/guide`,
    before: (testApp, { positionId }) => setPositionStatus(testApp, positionId, 'open'),
    body: async ({ testApp, positionId }) => {
      const row = await positionRow(testApp, positionId);
      return { version: row.guideVersion, items: row.guide };
    },
    expected: inPosition(200),
    why: 'HR and the position’s leaders edit the guide before the interviews.',
    after: (testApp, _person, { positionId }) => setPositionStatus(testApp, positionId, 'interviewing'),
  },
  'GET /api/positions/:positionId/guide.pdf': {
    path: ({ positionId }) => `/api/positions/${positionId}/guide.pdf`,
    expected: inPosition(200),
    why: 'The panel and those who manage the position print the guide.',
  },
  'GET /api/positions/:positionId/comparison': {
    path: ({ positionId }) => `/api/positions/${positionId}/comparison`,
    expected: inPosition(200),
    why: 'The panel and those who manage the position compare the candidates.',
  },
  'POST /api/positions/:positionId/decision': {
    path: ({ positionId }) => `/api/positions/${positionId}/decision`,
    body: async ({ testApp, positionId, candidateId }) => ({
      version: (await positionRow(testApp, positionId)).version,
      candidateId,
      reason: 'Matrixbeslutning.',
    }),
    expected: inPosition(422),
    why: 'Those who manage the position decide; the candidate is not consolidated yet (422), which shows the call got past access control.',
  },
  'GET /api/positions/:positionId/candidates': {
    path: ({ positionId }) => `/api/positions/${positionId}/candidates`,
    expected: inPosition(200),
    why: 'The panel and those who manage the position list its candidates (each read is logged).',
  },
  'POST /api/positions/:positionId/candidates': {
    path: ({ positionId }) => `/api/positions/${positionId}/candidates`,
    body: () => ({ name: 'Matrix Ny', email: 'matrix.ny@privat.example' }),
    expected: inPosition(201),
    why: 'HR and the position’s leaders add candidates.',
    after: async (testApp) => {
      await testApp.handle.db.delete(candidates).where(eq(candidates.name, 'Matrix Ny'));
    },
  },
  'GET /api/candidates/:candidateId': {
    path: ({ candidateId }) => `/api/candidates/${candidateId}`,
    expected: inPosition(200),
    why: 'A candidate is seen by the panel and those who manage the position (each read is logged).',
  },
  'DELETE /api/candidates/:candidateId': {
    path: ({ recruitment, candidateId }) => `/api/candidates/${recruitment?.candidateId ?? candidateId}`,
    before: async (testApp, context) => {
      context.recruitment = { candidateId: await testCandidate(testApp, context.positionId) };
    },
    expected: inPosition(204, 403),
    why: 'Erasing a candidate on request is HR’s; the leader may see the candidate but not erase them.',
  },
  'POST /api/candidates/:candidateId/link': {
    path: ({ candidateId }) => `/api/candidates/${candidateId}/link`,
    body: () => ({ send: false }),
    expected: inPosition(201),
    why: 'HR and the position’s leaders send a candidate their self-assessment link.',
  },
  'PUT /api/candidates/:candidateId/score': {
    path: ({ candidateId }) => `/api/candidates/${candidateId}/score`,
    body: async ({ testApp, candidateId }) => {
      const anne = (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!.userId;
      const [row] = await testApp.handle.db
        .select()
        .from(panelScores)
        .where(and(eq(panelScores.candidateId, candidateId), eq(panelScores.panelMemberId, anne)));
      return {
        version: row?.version ?? 0,
        ratings: { spoergeteknik: { level: 3, justification: 'Godt eksempel.' } },
      };
    },
    expected: inPosition(403, 200),
    why: 'Only panel members score; HR manages the position but is not on this panel.',
  },
  'POST /api/candidates/:candidateId/score/submit': {
    path: ({ recruitment }) => `/api/candidates/${recruitment?.candidateId}/score/submit`,
    before: async (testApp, context) => {
      const candidateId = await testCandidate(testApp, context.positionId);
      await scoreAs(testApp, candidateId, 'leaderSkranke', 3, { submit: false });
      context.recruitment = { candidateId };
    },
    body: () => ({ version: 1 }),
    expected: inPosition(403, 200),
    why: 'A panel member submits their own score.',
  },
  'PUT /api/candidates/:candidateId/consolidation': {
    path: ({ recruitment }) => `/api/candidates/${recruitment?.candidateId}/consolidation`,
    before: async (testApp, context) => {
      const candidateId = await testCandidate(testApp, context.positionId);
      await scoreAs(testApp, candidateId, 'leaderSkranke', 3);
      context.recruitment = { candidateId };
    },
    body: () => ({ version: 0, scores: Object.fromEntries(testFocus.map((id) => [id, { level: 3 }])) }),
    expected: inPosition(200),
    why: 'Once the panel has submitted, a member or those who manage the position record the agreed score.',
  },
  'POST /api/candidates/:candidateId/hire': {
    path: ({ recruitment }) => `/api/candidates/${recruitment?.candidateId}/hire`,
    before: async (testApp, context) => {
      context.recruitment = await decidedPosition(testApp);
    },
    body: async ({ testApp }) => ({
      unitId: (await skrankeAndProfile(testApp)).unitId,
      email: `ny.${Math.random().toString(36).slice(2, 10)}@demokommune.example`,
      consentConfirmed: true,
    }),
    expected: inPosition(201),
    why: 'HR and the leaders of the unit hire the chosen candidate.',
  },
  'POST /api/candidate-access/form': {
    path: () => '/api/candidate-access/form',
    before: async (testApp, context) => {
      context.recruitment = { token: await linkToken(testApp, context.candidateId) };
    },
    body: ({ recruitment }) => ({ token: recruitment?.token }),
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The personal link is the key, with or without a session; it opens that candidate’s form and nothing else.',
  },
  'POST /api/candidate-access/submit': {
    path: () => '/api/candidate-access/submit',
    before: async (testApp, context) => {
      const candidateId = await testCandidate(testApp, context.positionId);
      context.recruitment = { candidateId, token: await linkToken(testApp, candidateId) };
    },
    body: ({ recruitment }) => ({
      token: recruitment?.token,
      ratings: Object.fromEntries(testFocus.map((id) => [id, 2])),
    }),
    expected: everyone(200, 200),
    tokens: allTokens(200),
    why: 'The candidate submits once through their link, without an account.',
  },
};

/** Only administrators: `own` for this municipality's, `other` for the other municipality's administrator. */
function administratorsOnly(own: number, other: number): Record<Actor, number> {
  return { ...everyone(403), anonymous: 401, admin: own, adminOtherMunicipality: other };
}

let renamings = 0;
/** The default framework under a new name each time, so a draft of it always differs from every published version. */
function renamedFramework() {
  renamings += 1;
  return {
    ...defaultFramework,
    name: { da: `Matrixramme ${renamings}`, en: `Matrix framework ${renamings}` },
  };
}

/** Every draft goes: a framework has one at a time, so the next actor's call must start without one. */
async function discardDrafts(testApp: TestApp): Promise<void> {
  await testApp.handle.db.delete(frameworkVersions).where(eq(frameworkVersions.status, 'draft'));
}

/** A new draft of the demo municipality's framework, changed from the published one. */
async function freshDraft(testApp: TestApp, context: RequestContext): Promise<void> {
  await discardDrafts(testApp);
  const demo = await testApp.repositories.system.findMunicipalityBySlug('demo-kommune');
  const draft = await testApp.repositories
    .forTenant(demo!.id)
    .frameworks.createDraft(renamedFramework(), { basedOnVersionId: context.frameworkVersionId });
  context.scratchVersionId = draft.id;
}

/** A version of the demo municipality's published from a draft, so it has a report; made once and reused. */
async function publishedWithReport(testApp: TestApp, context: RequestContext): Promise<void> {
  const [found] = await testApp.handle.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(isNotNull(frameworkVersions.publishReport));
  if (found) {
    context.scratchVersionId = found.id;
    return;
  }
  await freshDraft(testApp, context);
  const demo = await testApp.repositories.system.findMunicipalityBySlug('demo-kommune');
  const report = {
    previous: null,
    counts: { added: 0, retired: 0, renamed: 0, moved: 0, levelsChanged: 0 },
    roleProfiles: [],
  };
  await testApp.repositories.forTenant(demo!.id).frameworks.publish(context.scratchVersionId!, { report });
}

/** A fresh Demo Kommune token for one actor's call, so a revocation uses it up. */
async function scratchToken(testApp: TestApp): Promise<string> {
  const demoId = (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
  const created = newApiToken();
  const row = await testApp.repositories.forTenant(demoId).apiTokens.create({
    name: 'Kladdenøgle',
    scope: 'organisation',
    tokenHash: created.tokenHash,
    displayPrefix: created.displayPrefix,
    createdById: null,
    createdAt: new Date(),
  });
  return row.id;
}

/** The administrator's routes: 200 for the administrator; the other municipality's administrator finds nothing. */
function adminOnly(status: number, otherMunicipality = 404): Record<Actor, number> {
  return { ...everyone(403), anonymous: 401, admin: status, adminOtherMunicipality: otherMunicipality };
}

async function userRow(testApp: TestApp, userId: string) {
  const [row] = await testApp.handle.db.select().from(users).where(eq(users.id, userId));
  return row!;
}

async function unitRow(testApp: TestApp, unitId: string) {
  const [row] = await testApp.handle.db.select().from(units).where(eq(units.id, unitId));
  return row!;
}

/** Puts the subject's unit (Team Skranke for Birthe) in the context. */
async function subjectUnit(testApp: TestApp, context: RequestContext): Promise<void> {
  context.unitId = (await userRow(testApp, context.subjectId)).unitId!;
}

/** A fresh, empty unit in the subject's municipality for one actor's call, so a deletion uses it up. */
async function scratchUnit(testApp: TestApp, context: RequestContext): Promise<void> {
  const subject = await userRow(testApp, context.subjectId);
  context.unitId = (
    await testApp.repositories.forTenant(subject.municipalityId).people.createUnit({ name: 'Matrix-kladde' })
  ).id;
}

/** A people-import upload: a file of people with only its header, which plans nothing and changes nothing. */
function emptyImport(): FormData {
  const form = new FormData();
  form.set('users', new Blob(['eksternt_id;navn;email\r\n']), 'medarbejdere.csv');
  return form;
}

/** Sets Birthe's self-assessment in the world round to a status, as a leader's reopening or her submit would. */
async function setStatus(
  testApp: TestApp,
  roundId: string,
  subjectId: string,
  status: 'draft' | 'submitted',
) {
  await testApp.handle.db
    .update(assessments)
    .set({ status, submittedAt: status === 'submitted' ? new Date() : null })
    .where(
      and(
        eq(assessments.roundId, roundId),
        eq(assessments.subjectId, subjectId),
        eq(assessments.raterRole, 'self'),
      ),
    );
}

async function selfAssessmentOf(testApp: TestApp, roundId: string, subjectId: string) {
  const [row] = await testApp.handle.db
    .select({ version: assessments.version, ratings: assessments.ratings })
    .from(assessments)
    .where(
      and(
        eq(assessments.roundId, roundId),
        eq(assessments.subjectId, subjectId),
        eq(assessments.raterRole, 'self'),
      ),
    );
  return { version: row?.version ?? 0, ratings: row?.ratings ?? {} };
}

async function conversationRow(testApp: TestApp, conversationId: string) {
  const [row] = await testApp.handle.db
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  return row!;
}

/** A fresh started group conversation with the subject for one actor's call, so closing it uses it up. */
async function scratchGroupConversation(
  testApp: TestApp,
  context: RequestContext,
  options: { closed?: boolean } = {},
): Promise<void> {
  const [subject] = await testApp.handle.db.select().from(users).where(eq(users.id, context.subjectId));
  const [other] = await testApp.handle.db
    .select()
    .from(users)
    .where(and(eq(users.unitId, subject!.unitId!), eq(users.name, 'Ahmad Rahimi')));
  context.scratch = await heldGroupConversation(testApp, [context.subjectId, other!.id], options);
}

/** A fresh started conversation of the subject's for one actor's call, so a deletion or signature uses it up. */
async function scratchConversation(
  testApp: TestApp,
  context: RequestContext,
  options: { signed?: boolean } = {},
): Promise<void> {
  context.scratch = await heldConversation(testApp, context.subjectId, {
    ...options,
    goalTitle: 'Kladdemål',
  });
}

/** A fresh entry of the subject's, shared with their leaders, for one actor's call. */
async function sharedEntry(testApp: TestApp, context: RequestContext): Promise<void> {
  context.practiceEntryId = await practiceEntryOf(testApp, context.subjectId, { shared: true });
}

/** A fresh open pairing in which the subject learns from a colleague, for one actor's call. */
async function pairingOfSubject(testApp: TestApp, context: RequestContext): Promise<void> {
  await testApp.handle.db.delete(colleaguePairings).where(eq(colleaguePairings.learnerId, context.subjectId));
  context.pairingId = await openPairing(testApp, context.subjectId);
}

/** The demo's Team Skranke and its "Specialist i borgerbetjening" role profile, for a new position or hire. */
async function skrankeAndProfile(testApp: TestApp) {
  const demoId = (await testApp.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
  const tenant = testApp.repositories.forTenant(demoId);
  const unit = (await tenant.people.listUnits()).find((entry) => entry.name === 'Team Skranke')!;
  const profile = (await tenant.frameworks.listRoleProfiles()).find(
    (entry) => entry.key === 'specialist-i-borgerbetjening',
  )!;
  return { unitId: unit.id, roleProfileId: profile.id };
}
