/**
 * @module The access-control matrix: for every API route, what each kind of caller gets. Later features add their
 * routes here; the test fails for a route that has no entry.
 */
import { and, eq } from 'drizzle-orm';
import { assessments, rounds } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { TestApp } from '../support/app.ts';
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
  'PUT /api/admin/settings': {
    path: () => '/api/admin/settings',
    body: () => ({ hrSeesRounds: false }),
    expected: { ...everyone(403), anonymous: 401, admin: 200, adminOtherMunicipality: 200 },
    why: 'Administrators change their own municipality’s settings.',
  },
};

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
