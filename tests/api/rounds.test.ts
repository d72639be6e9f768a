/** @module A profiling round from start to profile, as the leader and the employee notice it through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competencesOf } from '../../src/domain/framework.ts';
import type { FrameworkVersion } from '../../src/server/contracts/frameworks.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { worldRound } from '../support/world.ts';

let clock = new Date('2026-05-04T08:00:00Z');
let t: TestApp;
let anne: Caller;
let birthe: Caller;
let ids: Record<'birthe' | 'mads' | 'fatima' | 'jonas', string>;
let version: FrameworkVersion;
let competenceIds: string[];
let units: { id: string; name: string }[];

const json = async (response: Response) => ({ status: response.status, body: await response.json() });
const allRated = (level: number) => Object.fromEntries(competenceIds.map((id) => [id, { level }]));

beforeAll(async () => {
  t = await startTestApp('pglite', { now: () => clock });
  [anne, birthe] = [await t.login('leaderSkranke'), await t.login('employee')];
  ids = {
    birthe: await t.idOf('employee'),
    mads: await t.idOf('colleague'),
    fatima: (await t.repositories.system.findLoginByEmail('fatima.ali@demokommune.example'))!.userId,
    jonas: await t.idOf('leaderDigital'),
  };
  const { frameworks } = await (await t.call('GET', '/api/frameworks', { as: anne })).json();
  version = await (await t.call('GET', `/api/frameworks/${frameworks[0].id}`, { as: anne })).json();
  competenceIds = competencesOf(version.document).map((competence) => competence.id);
  units = (await (await t.call('GET', '/api/units', { as: anne })).json()).units;
});
afterAll(() => t.close());

const unitId = (name: string) => units.find((unit) => unit.name === name)!.id;
const startRound = (as: Caller, overrides: Record<string, unknown> = {}) =>
  t.call('POST', '/api/rounds', {
    as,
    body: {
      name: 'Efterårsrunde 2026',
      frameworkVersionId: version.id,
      unitIds: [unitId('Team Skranke')],
      deadline: '2026-05-29',
      ...overrides,
    },
  });

describe('starting a round', () => {
  it('takes everyone in the leader’s team, with the role profile of each person’s role', async () => {
    const { status, body } = await json(await startRound(anne));
    expect(status).toBe(201);
    expect(body.round).toMatchObject({
      name: 'Efterårsrunde 2026',
      status: 'open',
      deadline: '2026-05-29',
      hideLeaderUntilBoth: true,
    });
    expect(body.participants).toHaveLength(7);
    const fatima = body.participants.find(
      (participant: { person: { id: string } }) => participant.person.id === ids.fatima,
    );
    expect(fatima.roleProfile.key).toBe('specialist-i-borgerbetjening');
    expect(
      body.participants.every((participant: { stage: string }) => participant.stage === 'not_started'),
    ).toBe(true);
    expect(body).toMatchObject({ canRate: true, canManage: true });
    expect(body.participants.every((participant: { canRate: boolean }) => participant.canRate)).toBe(true);
    const asAdmin = await (
      await t.call('GET', `/api/rounds/${body.round.id}`, { as: await t.login('admin') })
    ).json();
    expect(asAdmin).toMatchObject({ canRate: false, canManage: true });
    expect(asAdmin.participants.some((participant: { canRate: boolean }) => participant.canRate)).toBe(false);
  });

  it('explains every problem with the request by field, and starts nothing', async () => {
    const before = (await (await t.call('GET', '/api/rounds', { as: anne })).json()).rounds.length;
    const { status, body } = await json(
      await startRound(anne, {
        deadline: '2026-05-03',
        unitIds: [unitId('Team Telefon og Digital')],
        userIds: [ids.jonas],
      }),
    );
    expect(status).toBe(422);
    expect(body.error.code).toBe('invalid_round');
    expect(body.error.fields).toEqual({
      deadline: 'Fristen skal være i dag eller senere.',
      unitIds: 'Du kan kun vælge enheder, du er leder for.',
      userIds: 'Du kan kun vælge personer i de enheder, du er leder for.',
    });
    expect((await (await t.call('GET', '/api/rounds', { as: anne })).json()).rounds).toHaveLength(before);
  });

  it('refuses a round with nobody in it and unknown fields', async () => {
    const empty = await json(await startRound(anne, { unitIds: [] }));
    expect(empty.body.error.fields).toEqual({
      unitIds: 'Vælg mindst én enhed eller person, der har medarbejdere.',
    });
    const extra = await json(await startRound(anne, { participants: 'alle' }));
    expect(extra.status).toBe(400);
  });
});

describe('the employee’s self-assessment', () => {
  let roundId: string;
  const path = () => `/api/rounds/${roundId}/assessments/${ids.birthe}/self`;

  beforeAll(async () => {
    roundId = (await json(await startRound(anne, { name: 'Selvvurderingsrunde' }))).body.round.id;
  });

  it('appears in the employee’s tasks with its deadline', async () => {
    const { tasks } = await (await t.call('GET', '/api/me/tasks', { as: birthe })).json();
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'self_assessment',
        roundId,
        roundName: 'Selvvurderingsrunde',
        deadline: '2026-05-29',
        state: 'not_started',
        overdue: false,
      }),
    );
    const leaderTasks = (await (await t.call('GET', '/api/me/tasks', { as: anne })).json()).tasks;
    expect(
      leaderTasks.filter(
        (task: { kind: string; roundId: string }) =>
          task.kind === 'leader_assessment' && task.roundId === roundId,
      ),
    ).toHaveLength(7);
  });

  it('saves drafts, and refuses a stale save without losing the newer one', async () => {
    const first = await json(
      await t.call('PUT', path(), {
        as: birthe,
        body: { version: 0, ratings: { spoergeteknik: { level: 2, example: 'En borger med MitID.' } } },
      }),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'draft', version: 1, editable: true });
    const second = await json(
      await t.call('PUT', path(), {
        as: birthe,
        body: { version: 1, ratings: { spoergeteknik: { level: 3 } } },
      }),
    );
    expect(second.body.version).toBe(2);
    const stale = await json(
      await t.call('PUT', path(), {
        as: birthe,
        body: { version: 1, ratings: { spoergeteknik: { level: 1 } } },
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const stored = await json(await t.call('GET', path(), { as: birthe }));
    expect(stored.body.ratings).toEqual({ spoergeteknik: { level: 3 } });
    expect(stored.body.version).toBe(2);
  });

  it('refuses levels off the scale and competences outside the framework', async () => {
    const { status, body } = await json(
      await t.call('PUT', path(), {
        as: birthe,
        body: { version: 2, ratings: { spoergeteknik: { level: 5 }, svoemning: { level: 2 } } },
      }),
    );
    expect(status).toBe(400);
    expect(body.error.fields).toEqual({
      'ratings.spoergeteknik': 'Niveauet ligger uden for skalaen.',
      'ratings.svoemning': 'Kompetencen findes ikke i rundens kompetenceramme.',
    });
  });

  it('hides a draft from the leader and refuses to submit an incomplete one, naming what is missing', async () => {
    expect((await t.call('GET', path(), { as: anne })).status).toBe(404);
    const incomplete = await json(
      await t.call('POST', `${path()}/submit`, { as: birthe, body: { version: 2 } }),
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.code).toBe('incomplete_assessment');
    expect(Object.keys(incomplete.body.error.fields)).toHaveLength(competenceIds.length - 1);
  });

  it('submits a complete assessment, which then cannot change until the leader reopens it', async () => {
    const ratings = { ...allRated(2), medbetjening: { level: null } };
    const saved = await json(await t.call('PUT', path(), { as: birthe, body: { version: 2, ratings } }));
    const submitted = await json(
      await t.call('POST', `${path()}/submit`, { as: birthe, body: { version: saved.body.version } }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', editable: false });
    expect(submitted.body.submittedAt).toBe(clock.toISOString());
    const late = await json(
      await t.call('PUT', path(), { as: birthe, body: { version: submitted.body.version, ratings } }),
    );
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('not_editable');
    expect((await t.call('GET', path(), { as: anne })).status).toBe(200);

    const tooShort = await t.call('POST', `${path()}/reopen`, { as: anne, body: { reason: 'x' } });
    expect(tooShort.status).toBe(400);
    const reopened = await json(
      await t.call('POST', `${path()}/reopen`, {
        as: anne,
        body: { reason: 'Birthe vil tilføje et eksempel.' },
      }),
    );
    expect(reopened.body).toMatchObject({ status: 'draft', ratings });
    expect(reopened.body.reopenings).toEqual([
      {
        reason: 'Birthe vil tilføje et eksempel.',
        at: clock.toISOString(),
        by: { id: expect.any(String), name: 'Anne Kristensen' },
      },
    ]);
    const again = await json(await t.call('GET', path(), { as: birthe }));
    expect(again.body.editable).toBe(true);
  });
});

describe('the leader’s rating and who sees it', () => {
  let roundId: string;
  const leaderPath = () => `/api/rounds/${roundId}/assessments/${ids.mads}/leader`;
  const selfPath = () => `/api/rounds/${roundId}/assessments/${ids.mads}/self`;

  beforeAll(async () => {
    roundId = (
      await json(await startRound(anne, { name: 'Synlighedsrunde', unitIds: [], userIds: [ids.mads] }))
    ).body.round.id;
  });

  it('keeps the leader’s rating from the employee until both have submitted', async () => {
    const mads = await t.login('colleague');
    const draft = await json(
      await t.call('PUT', leaderPath(), { as: anne, body: { version: 0, ratings: allRated(3) } }),
    );
    await t.call('POST', `${leaderPath()}/submit`, { as: anne, body: { version: draft.body.version } });
    expect((await t.call('GET', leaderPath(), { as: mads })).status).toBe(404);
    const hidden = (
      await (await t.call('GET', `/api/profiles/${ids.mads}`, { as: mads })).json()
    ).rounds.find((round: { roundId: string }) => round.roundId === roundId);
    expect(hidden).toMatchObject({ leaderVisible: false, leaderSubmitted: true });
    expect(
      hidden.competences.every((competence: { leader?: number }) => competence.leader === undefined),
    ).toBe(true);

    const own = await json(
      await t.call('PUT', selfPath(), { as: mads, body: { version: 0, ratings: allRated(1) } }),
    );
    await t.call('POST', `${selfPath()}/submit`, { as: mads, body: { version: own.body.version } });
    expect((await t.call('GET', leaderPath(), { as: mads })).status).toBe(200);
    const shown = (await (await t.call('GET', `/api/profiles/${ids.mads}`, { as: mads })).json()).rounds.find(
      (round: { roundId: string }) => round.roundId === roundId,
    );
    expect(shown.leaderVisible).toBe(true);
    expect(shown.conversationTopics).toHaveLength(competenceIds.length);
    expect(shown.conversationTopics[0].divergence).toBe('hidden_strength');
  });

  it('shows progress, records the conversation, and closes the round for good', async () => {
    await t.call('POST', `/api/rounds/${roundId}/participants/${ids.mads}/conversation`, { as: anne });
    const board = await (await t.call('GET', `/api/rounds/${roundId}`, { as: anne })).json();
    expect(board.participants[0]).toMatchObject({
      self: 'submitted',
      leader: 'submitted',
      stage: 'conversation_held',
    });
    expect(board.round.bothSubmittedCount).toBe(1);
    const closed = await json(await t.call('POST', `/api/rounds/${roundId}/close`, { as: anne }));
    expect(closed.body.round).toMatchObject({ status: 'closed', closedAt: clock.toISOString() });
    const reopen = await json(
      await t.call('POST', `${leaderPath()}/reopen`, { as: anne, body: { reason: 'For sent' } }),
    );
    expect(reopen.body.error.code).toBe('round_closed');
  });
});

describe('reminders and deadlines', () => {
  it('reminds only those who have not submitted, by e-mail to the outbox in their language', async () => {
    const { body } = await json(await startRound(anne, { name: 'Påmindelsesrunde' }));
    const roundId = body.round.id;
    const draft = await json(
      await t.call('PUT', `/api/rounds/${roundId}/assessments/${ids.birthe}/self`, {
        as: birthe,
        body: { version: 0, ratings: allRated(3) },
      }),
    );
    await t.call('POST', `/api/rounds/${roundId}/assessments/${ids.birthe}/self/submit`, {
      as: birthe,
      body: { version: draft.body.version },
    });
    const reminded = await json(
      await t.call('POST', `/api/rounds/${roundId}/reminders`, { as: anne, body: {} }),
    );
    expect(reminded.body.reminded).toHaveLength(6);
    expect(reminded.body.reminded.map((person: { id: string }) => person.id)).not.toContain(ids.birthe);

    const { messages } = await (
      await t.call('GET', '/api/admin/outbox', { as: await t.login('admin') })
    ).json();
    const toMads = messages.find(
      (message: { to: string }) => message.to === 'mads.pedersen@demokommune.example',
    );
    expect(toMads.subject).toBe('Påmindelse: din selvvurdering i "Påmindelsesrunde"');
    expect(toMads.body).toContain('Fristen er 29. maj 2026.');
    const board = await (await t.call('GET', `/api/rounds/${roundId}`, { as: anne })).json();
    const mads = board.participants.find(
      (participant: { person: { id: string } }) => participant.person.id === ids.mads,
    );
    expect(mads.lastRemindedAt).toBe(clock.toISOString());
  });

  it('marks people overdue the day after the deadline in Copenhagen', async () => {
    const { body } = await json(await startRound(anne, { name: 'Fristrunde', deadline: '2026-05-10' }));
    // Moving the clock by days ends the sessions (12 hours at most), so log in again at each moment.
    clock = new Date('2026-05-10T21:30:00Z'); // 23.30 in Copenhagen: still the deadline day
    const lateEvening = await t.login('leaderSkranke');
    const sameDay = await (await t.call('GET', `/api/rounds/${body.round.id}`, { as: lateEvening })).json();
    expect(sameDay.round.overdueCount).toBe(0);
    clock = new Date('2026-05-10T22:30:00Z'); // 00.30 on 11 May in Copenhagen
    const nextDay = await t.login('leaderSkranke');
    const late = await (await t.call('GET', `/api/rounds/${body.round.id}`, { as: nextDay })).json();
    expect(late.round.overdueCount).toBe(7);
    expect(late.participants.every((participant: { overdue: boolean }) => participant.overdue)).toBe(true);
    clock = new Date('2026-05-04T08:00:00Z');
    [anne, birthe] = [await t.login('leaderSkranke'), await t.login('employee')];
  });
});

describe('the competence profile', () => {
  it('names strengths, development areas, the blind spot and the hidden strength of a finished round', async () => {
    const profile = await (await t.call('GET', `/api/profiles/${ids.birthe}`, { as: birthe })).json();
    const round = profile.rounds.find((entry: { roundName: string }) => entry.roundName === worldRound.name);
    expect(round.leaderVisible).toBe(true);
    expect(round.conversationTopics).toEqual([
      { competenceId: worldRound.blindSpot, divergence: 'blind_spot' },
      { competenceId: worldRound.hiddenStrength, divergence: 'hidden_strength' },
    ]);
    const blindSpot = round.competences.find(
      (entry: { competenceId: string }) => entry.competenceId === worldRound.blindSpot,
    );
    expect(blindSpot).toMatchObject({ self: 4, leader: 2, basis: 2 });
    expect(round.areas).toHaveLength(5);
    expect(profile.trends[worldRound.blindSpot].at(-1)).toMatchObject({ level: 2 });
  });

  it('lets HR follow rounds only when the municipality allows it, and never read ratings', async () => {
    const hr = await t.login('hr');
    expect((await t.call('GET', '/api/rounds', { as: hr })).status).toBe(403);
    const admin = await t.login('admin');
    await t.call('PUT', '/api/admin/settings', { as: admin, body: { hrSeesRounds: true } });
    const { rounds } = await (await t.call('GET', '/api/rounds', { as: hr })).json();
    expect(rounds.length).toBeGreaterThan(0);
    expect((await t.call('GET', `/api/rounds/${rounds[0].id}`, { as: hr })).status).toBe(200);
    expect((await t.call('GET', `/api/profiles/${ids.birthe}`, { as: hr })).status).toBe(404);
    await t.call('PUT', '/api/admin/settings', { as: admin, body: { hrSeesRounds: false } });
  });
});
