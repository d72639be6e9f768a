/**
 * @module The access-control matrix: for every API route, what each kind of caller gets. Later features add their
 * routes here; the test fails for a route that has no entry.
 */
import { and, eq } from 'drizzle-orm';
import {
  assessments,
  conversationNotes,
  conversationPreparations,
  conversations,
  goalActions,
  goals,
  rounds,
  units,
  users,
} from '../../src/db/schema.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { TestApp } from '../support/app.ts';
import { type HeldConversation, heldConversation } from '../support/conversations.ts';
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

export interface RequestContext {
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
  /** Made by a route's `before` for one actor: a conversation, goal or action the call may use up. */
  scratch?: HeldConversation;
  /** Set by a unit route's `before`: the subject's unit, or a fresh empty unit the call may use up. */
  unitId?: string;
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

/** Keys are `METHOD /api/path` exactly as the app registers them (Hono's `:param` syntax). */
export const accessMatrix: Record<string, MatrixEntry> = {
  'GET /api/health': {
    path: () => '/api/health',
    expected: everyone(200, 200),
    why: 'Health is public so load balancers can probe it; it reveals nothing.',
  },
  'GET /api/openapi.json': {
    path: () => '/api/openapi.json',
    expected: everyone(200, 200),
    why: 'The API description is public documentation.',
  },
  'POST /api/auth/login': {
    path: () => '/api/auth/login',
    body: () => ({ email: 'birthe.hansen@demokommune.example', password: 'vejviser-demo' }),
    expected: everyone(200, 200),
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
    why: "Every logged-in person reads their own municipality's frameworks.",
  },
  'GET /api/frameworks/:versionId': {
    path: ({ frameworkVersionId }) => `/api/frameworks/${frameworkVersionId}`,
    expected: { ...everyone(200), adminOtherMunicipality: 404 },
    why: 'A version belongs to one municipality; another municipality is told it does not exist.',
  },
  'GET /api/role-profiles': {
    path: () => '/api/role-profiles',
    expected: everyone(200),
    why: "Role profiles are read by everyone in the municipality (a person's target is no secret).",
  },
  'GET /api/units': {
    path: () => '/api/units',
    expected: everyone(200),
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
    why: "Only leaders have a team (the other municipality's admin leads a unit there); content is checked separately.",
  },
  'GET /api/users': {
    path: () => '/api/users',
    expected: { ...everyone(403), admin: 200, adminOtherMunicipality: 200 },
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
  'GET /api/admin/outbox': {
    path: () => '/api/admin/outbox',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators read their own municipality’s outbox.',
  },
  'GET /api/admin/settings': {
    path: () => '/api/admin/settings',
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
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
    why: 'Administrators change their own municipality’s settings.',
  },
};

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
