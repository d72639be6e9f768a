/** @module A MUS from scheduling to follow-up, as the leader and the employee notice it through the API. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationAddenda, goalActions, goals, users } from '../../src/db/schema.ts';
import type { ConversationDetail, Goal } from '../../src/server/contracts/conversations.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { pdfText } from '../support/pdf-text.ts';
import { people, worldRound } from '../support/world.ts';

let clock = new Date('2026-12-02T08:00:00Z');
/** Moves the clock and logs everyone in again, as sessions end after two idle hours. */
async function later(at: string) {
  clock = new Date(at);
  [anne, birthe, mads, jonas] = [
    await t.login('leaderSkranke'),
    await t.login('employee'),
    await t.login('colleague'),
    await t.login('leaderDigital'),
  ];
}
let t: TestApp;
let anne: Caller;
let birthe: Caller;
let mads: Caller;
let jonas: Caller;
let ids: Record<'anne' | 'birthe' | 'mads' | 'jonas', string>;
let conversationId: string;

const json = async (response: Response) => ({ status: response.status, body: await response.json() });
const detail = async (as: Caller): Promise<ConversationDetail> =>
  (await t.call('GET', `/api/conversations/${conversationId}`, { as })).json();
const anneSecret = 'Anne overvejer at foreslå Birthe som superbruger';
const birtheSecret = 'Birthe vil gerne prøve kræfter med undervisning';

beforeAll(async () => {
  t = await startTestApp('pglite', { now: () => clock });
  [anne, birthe, mads, jonas] = [
    await t.login('leaderSkranke'),
    await t.login('employee'),
    await t.login('colleague'),
    await t.login('leaderDigital'),
  ];
  ids = {
    anne: await t.idOf('leaderSkranke'),
    birthe: await t.idOf('employee'),
    mads: await t.idOf('colleague'),
    jonas: await t.idOf('leaderDigital'),
  };
});
afterAll(() => t.close());

const schedule = (as: Caller, overrides: Record<string, unknown> = {}) =>
  t.call('POST', '/api/conversations', {
    as,
    body: {
      kind: 'mus',
      employeeId: ids.birthe,
      scheduledAt: '2026-12-10T09:30:00+01:00',
      durationMinutes: 60,
      place: 'Mødelokale 3, Rådhuset',
      ...overrides,
    },
  });

describe('scheduling', () => {
  it('gives the leader a guide from the newest profile: themes, strengths, every divergence, in order', async () => {
    const { status, body } = await json(await schedule(anne));
    expect(status).toBe(201);
    conversationId = body.conversation.id;
    expect(body.conversation).toMatchObject({
      kind: 'mus',
      stage: 'scheduled',
      employee: { id: ids.birthe, name: 'Birthe Hansen' },
      leader: { id: ids.anne, name: 'Anne Kristensen' },
      myRole: 'leader',
      scheduledAt: '2026-12-10T08:30:00.000Z',
    });
    expect(body.agenda.round.name).toBe(worldRound.name);
    const items: { id: string; kind: string; questions: unknown[]; title: string; reason: string }[] =
      body.agenda.items;
    const itemIds = items.map((item) => item.id);
    expect(itemIds.slice(0, 3)).toEqual([
      'theme:looking_back',
      'theme:tasks_collaboration',
      'theme:wellbeing_motivation',
    ]);
    expect(itemIds.at(-1)).toBe('theme:development_wishes');
    // Birthe rated herself 4 and Anne rated her 2 in questioning technique: a blind spot, widest divergence first.
    const blindSpot = items.find((item) => item.id === `divergence:${worldRound.blindSpot}`)!;
    const hidden = items.find((item) => item.id === `divergence:${worldRound.hiddenStrength}`);
    expect(hidden).toBeDefined();
    expect(blindSpot.title).toBe('Spørgeteknik');
    expect(blindSpot.reason).toMatch(/^Selv 4 · leder 2 · mål \d$/);
    expect(blindSpot.questions).toHaveLength(4);
    expect(itemIds.indexOf(blindSpot.id)).toBeLessThan(
      itemIds.indexOf(`divergence:${worldRound.hiddenStrength}`),
    );
  });

  it('shows the conversation to both, but the agenda to the employee only once it has started', async () => {
    const list = (await json(await t.call('GET', '/api/conversations', { as: birthe }))).body;
    expect(list.conversations.map((entry: { id: string }) => entry.id)).toContain(conversationId);
    const view = await detail(birthe);
    expect(view.conversation.myRole).toBe('employee');
    expect(view.agenda).toBeNull();
    expect(view.canLead).toBe(false);
    const madsList = (await json(await t.call('GET', '/api/conversations', { as: mads }))).body;
    expect(madsList.conversations.map((entry: { id: string }) => entry.id)).not.toContain(conversationId);
  });

  it.each([
    {
      name: 'a leader of another team',
      as: () => jonas,
      body: {},
      field: 'employeeId',
      status: 422,
    },
    {
      name: 'a time in the past',
      as: () => anne,
      body: { scheduledAt: '2026-11-01T09:00:00+01:00' },
      field: 'scheduledAt',
      status: 422,
    },
    { name: 'no place', as: () => anne, body: { place: ' ' }, field: 'place', status: 400 },
    { name: 'an unknown kind', as: () => anne, body: { kind: 'coffee' }, field: 'kind', status: 400 },
    {
      name: 'a follow-up of nothing',
      as: () => anne,
      body: { followUpOf: '00000000-0000-4000-8000-000000000000' },
      field: 'followUpOf',
      status: 422,
    },
  ])('refuses $name, naming the field', async ({ as, body, field, status }) => {
    const response = await json(await schedule(as(), body));
    expect(response.status).toBe(status);
    expect(Object.keys(response.body.error.fields)).toContain(field);
  });

  it('offers the event as an .ics file for either party', async () => {
    const response = await t.call('GET', `/api/conversations/${conversationId}/calendar.ics`, { as: birthe });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await response.text();
    expect(body).toContain('DTSTART:20261210T083000Z');
    expect(body).toContain('DTEND:20261210T093000Z');
    expect(body).toContain('LOCATION:Mødelokale 3\\, Rådhuset');
    expect(body).toContain('SUMMARY:MUS-samtale: Birthe Hansen og Anne Kristensen');
  });
});

describe('preparing', () => {
  it('keeps each preparation private to its author until shared', async () => {
    const saved = await json(
      await t.call('PUT', `/api/conversations/${conversationId}/preparation`, {
        as: birthe,
        body: {
          version: 0,
          answers: { looking_back: 'Et travlt efterår.', development_wishes: birtheSecret },
          chosenCompetenceIds: ['medbetjening', 'formidling-til-grupper'],
        },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ state: 'draft', version: 1 });
    await t.call('PUT', `/api/conversations/${conversationId}/preparation`, {
      as: anne,
      body: { version: 0, answers: { looking_back: anneSecret }, chosenCompetenceIds: [] },
    });
    for (const [reader, secret] of [
      [anne, birtheSecret],
      [birthe, anneSecret],
    ] as const) {
      const everything = [
        await (await t.call('GET', `/api/conversations/${conversationId}`, { as: reader })).text(),
        await (
          await t.call('GET', `/api/conversations/${conversationId}/preparation`, { as: reader })
        ).text(),
        await (await t.call('GET', '/api/conversations', { as: reader })).text(),
        await (await t.call('GET', '/api/me/tasks', { as: reader })).text(),
      ].join('\n');
      expect(everything).not.toContain(secret);
    }
    const guide = (
      await json(await t.call('GET', `/api/conversations/${conversationId}/guide`, { as: anne }))
    ).body;
    expect(guide.items.map((item: { competenceId: string | null }) => item.competenceId)).not.toContain(
      'medbetjening',
    );
  });

  it('refuses a save based on an old version and keeps what was saved', async () => {
    const stale = await t.call('PUT', `/api/conversations/${conversationId}/preparation`, {
      as: birthe,
      body: { version: 0, answers: { looking_back: 'Overskrevet' }, chosenCompetenceIds: [] },
    });
    expect(stale.status).toBe(409);
    const mine = (
      await json(await t.call('GET', `/api/conversations/${conversationId}/preparation`, { as: birthe }))
    ).body;
    expect(mine.answers.looking_back).toBe('Et travlt efterår.');
  });

  it('once shared, the leader reads it and the guide takes the employee’s chosen competences', async () => {
    const shared = await json(
      await t.call('POST', `/api/conversations/${conversationId}/preparation/share`, {
        as: birthe,
        body: { version: 1 },
      }),
    );
    expect(shared.body.state).toBe('shared');
    const view = await detail(anne);
    const birthes = view.preparations.find((entry) => entry.author.id === ids.birthe);
    expect(birthes?.answers.development_wishes).toBe(birtheSecret);
    expect(view.conversation.otherPreparationShared).toBe(true);
    const guide = (
      await json(await t.call('GET', `/api/conversations/${conversationId}/guide`, { as: anne }))
    ).body;
    const competenceIds = guide.items.map((item: { competenceId: string | null }) => item.competenceId);
    // Chosen competences are on the agenda once: as a gap or divergence if they already are one, otherwise as chosen.
    expect(competenceIds).toContain('medbetjening');
    expect(competenceIds).toContain('formidling-til-grupper');
  });

  it('refuses an unknown competence', async () => {
    const response = await json(
      await t.call('PUT', `/api/conversations/${conversationId}/preparation`, {
        as: anne,
        body: { version: 1, answers: {}, chosenCompetenceIds: ['juggling'] },
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.fields).toHaveProperty(['chosenCompetenceIds.0']);
  });
});

describe('the agenda', () => {
  it('lets the leader reorder, drop and add items, and refuses a stale save', async () => {
    const current = (await detail(anne)).agenda!;
    const [first, second, ...rest] = current.items;
    const items = [
      { id: second!.id, kind: second!.kind, theme: second!.theme, competenceId: second!.competenceId },
      { id: first!.id, kind: first!.kind, theme: first!.theme, competenceId: first!.competenceId },
      ...rest.slice(1).map((item) => ({
        id: item.id,
        kind: item.kind,
        theme: item.theme,
        competenceId: item.competenceId,
        goalId: item.goalId,
        questionIds: item.questions.flatMap((question) => (question.id ? [question.id] : [])),
      })),
      {
        id: 'custom:ferie',
        kind: 'custom',
        title: 'Ferieplanlægning',
        ownQuestions: ['Hvornår vil du holde fri?'],
      },
    ];
    const saved = await json(
      await t.call('PUT', `/api/conversations/${conversationId}/agenda`, {
        as: anne,
        body: { version: current.version, items },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.items.map((item: { id: string }) => item.id)).toEqual(items.map((item) => item.id));
    expect(saved.body.items.at(-1)).toMatchObject({
      title: 'Ferieplanlægning',
      questions: [{ id: null, text: 'Hvornår vil du holde fri?' }],
    });
    const stale = await t.call('PUT', `/api/conversations/${conversationId}/agenda`, {
      as: anne,
      body: { version: current.version, items: [] },
    });
    expect(stale.status).toBe(409);
    expect((await detail(anne)).agenda!.items).toHaveLength(items.length);
  });

  it.each([
    {
      name: 'a custom item without a title',
      item: { id: 'custom:x', kind: 'custom' },
      field: 'items.0.title',
    },
    {
      name: 'an unknown competence',
      item: { id: 'gap:x', kind: 'gap', competenceId: 'x' },
      field: 'items.0.competenceId',
    },
    {
      name: 'a question from another competence',
      item: { id: 'gap:medbetjening', kind: 'gap', competenceId: 'medbetjening', questionIds: ['nope'] },
      field: 'items.0.questionIds.0',
    },
  ])('refuses $name', async ({ item, field }) => {
    const version = (await detail(anne)).agenda!.version;
    const response = await json(
      await t.call('PUT', `/api/conversations/${conversationId}/agenda`, {
        as: anne,
        body: { version, items: [item] },
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body.error.fields).toHaveProperty([field]);
  });

  it('is the leader’s alone', async () => {
    const version = (await detail(anne)).agenda!.version;
    const response = await t.call('PUT', `/api/conversations/${conversationId}/agenda`, {
      as: birthe,
      body: { version, items: [] },
    });
    expect(response.status).toBe(403);
  });
});

const goalIds: string[] = [];
const actionIds: string[] = [];

describe('holding the conversation', () => {
  it('refuses notes and goals before the leader starts it', async () => {
    const notes = await json(
      await t.call('PUT', `/api/conversations/${conversationId}/notes`, {
        as: anne,
        body: { version: 0, items: { 'theme:looking_back': 'Tidligt' } },
      }),
    );
    expect(notes.status).toBe(422);
    expect(notes.body.error.code).toBe('conversation_not_started');
  });

  it('after the start, both write notes at once and neither loses text', async () => {
    const started = await json(
      await t.call('POST', `/api/conversations/${conversationId}/start`, { as: anne }),
    );
    expect(started.body.conversation.stage).toBe('held');
    expect((await detail(birthe)).agenda).not.toBeNull();
    const [fromAnne, fromBirthe] = await Promise.all([
      t.call('PUT', `/api/conversations/${conversationId}/notes`, {
        as: anne,
        body: { version: 0, items: { 'theme:looking_back': 'Anne: travlt efterår med mange nye borgere.' } },
      }),
      t.call('PUT', `/api/conversations/${conversationId}/notes`, {
        as: birthe,
        body: { version: 0, items: { 'theme:looking_back': 'Birthe: jeg vil gerne lære mere om MitID.' } },
      }),
    ]);
    expect([fromAnne.status, fromBirthe.status]).toEqual([200, 200]);
    // A second tab of Anne's, based on the version she first saw, is refused; her saved text stays.
    const stale = await t.call('PUT', `/api/conversations/${conversationId}/notes`, {
      as: anne,
      body: { version: 0, items: { 'theme:looking_back': 'Gammel fane' } },
    });
    expect(stale.status).toBe(409);
    const view = await detail(birthe);
    expect(view.notes.map((notes) => notes.items['theme:looking_back'])).toEqual([
      'Birthe: jeg vil gerne lære mere om MitID.',
      'Anne: travlt efterår med mange nye borgere.',
    ]);
  });

  it('builds a plan of two goals and three actions', async () => {
    const goalBodies = [
      {
        title: 'Bruge spørgeteknik til at afdække borgerens behov',
        why: 'Så borgeren får den rigtige hjælp første gang.',
        successCriterion: 'Anne hører Birthe stille åbne spørgsmål ved tre samtaler.',
        targetDate: '2027-03-31',
        competenceIds: ['spoergeteknik'],
      },
      {
        title: 'Vise borgere rundt i Digital Post',
        successCriterion: 'Fem borgere har selv åbnet Digital Post med Birthe ved siden af.',
        targetDate: '2027-02-28',
        competenceIds: ['medbetjening', 'digital-vejledning-og-motivation'],
      },
    ];
    for (const body of goalBodies) {
      const created = await json(
        await t.call('POST', `/api/conversations/${conversationId}/goals`, { as: anne, body }),
      );
      expect(created.status).toBe(201);
      goalIds.push(created.body.id);
    }
    const actionBodies = [
      [
        goalIds[0],
        {
          kind: 'theory',
          description: 'Læs KL’s materiale om spørgeteknik',
          ownerId: ids.birthe,
          dueDate: '2027-01-15',
        },
      ],
      [
        goalIds[0],
        {
          kind: 'colleague',
          description: 'Følg Mads ved skranken en formiddag',
          ownerId: ids.birthe,
          colleagueId: ids.mads,
          dueDate: '2027-01-31',
        },
      ],
      [
        goalIds[1],
        {
          kind: 'practice',
          description: 'Øve medbetjening ved skranken',
          ownerId: ids.birthe,
          dueDate: '2026-12-20',
        },
      ],
    ] as const;
    for (const [goalId, body] of actionBodies) {
      const created = await json(await t.call('POST', `/api/goals/${goalId}/actions`, { as: birthe, body }));
      expect(created.status).toBe(201);
      actionIds.push(created.body.id);
    }
    const view = await detail(anne);
    expect(view.goals.map((goal) => [goal.title, goal.actions.length])).toEqual([
      [goalBodies[0]!.title, 2],
      [goalBodies[1]!.title, 1],
    ]);
    expect(view.goals[0]!.actions[1]!.colleague).toEqual({ id: ids.mads, name: 'Mads Pedersen' });
  });

  it.each([
    {
      name: 'an unknown competence',
      path: () => `/api/conversations/${conversationId}/goals`,
      body: () => ({ title: 'X', successCriterion: 'Y', targetDate: '2027-01-01', competenceIds: ['x'] }),
      field: 'competenceIds.0',
    },
    {
      name: 'a colleague action without the colleague',
      path: () => `/api/goals/${goalIds[0]}/actions`,
      body: () => ({ kind: 'colleague', description: 'Lær', ownerId: ids.birthe, dueDate: '2027-01-01' }),
      field: 'colleagueId',
    },
    {
      name: 'a colleague from another team',
      path: () => `/api/goals/${goalIds[0]}/actions`,
      body: () => ({
        kind: 'colleague',
        description: 'Lær',
        ownerId: ids.birthe,
        colleagueId: ids.jonas,
        dueDate: '2027-01-01',
      }),
      field: 'colleagueId',
    },
    {
      name: 'an owner outside the conversation',
      path: () => `/api/goals/${goalIds[0]}/actions`,
      body: () => ({ kind: 'other', description: 'Lær', ownerId: ids.mads, dueDate: '2027-01-01' }),
      field: 'ownerId',
    },
  ])('refuses $name', async ({ path, body, field }) => {
    const response = await json(await t.call('POST', path(), { as: anne, body: body() }));
    expect(response.status).toBe(422);
    expect(response.body.error.fields).toHaveProperty([field]);
  });
});

describe('signing', () => {
  it('needs both signatures on the same content; a later change asks the first signer again', async () => {
    let view = await detail(birthe);
    const signedByBirthe = await json(
      await t.call('POST', `/api/conversations/${conversationId}/sign`, {
        as: birthe,
        body: { contentVersion: view.contentVersion },
      }),
    );
    expect(signedByBirthe.status).toBe(200);
    expect(signedByBirthe.body.signatures).toEqual([
      expect.objectContaining({
        role: 'employee',
        valid: true,
        person: { id: ids.birthe, name: 'Birthe Hansen' },
      }),
    ]);
    // Anne changes a goal after Birthe signed: Birthe's signature no longer covers the content.
    const goal = view.goals[1]!;
    await t.call('PUT', `/api/goals/${goal.id}`, {
      as: anne,
      body: {
        version: goal.version,
        title: goal.title,
        why: 'Mange borgere får brev, de ikke kan finde.',
        successCriterion: goal.successCriterion,
        targetDate: goal.targetDate,
        competenceIds: goal.competenceIds,
      },
    });
    view = await detail(anne);
    expect(view.signatures[0]!.valid).toBe(false);
    const stale = await t.call('POST', `/api/conversations/${conversationId}/sign`, {
      as: anne,
      body: { contentVersion: view.contentVersion - 1 },
    });
    expect(stale.status).toBe(409);
    const signedByAnne = await json(
      await t.call('POST', `/api/conversations/${conversationId}/sign`, {
        as: anne,
        body: { contentVersion: view.contentVersion },
      }),
    );
    expect(signedByAnne.body.conversation.stage).toBe('held');
    const signedAgain = await json(
      await t.call('POST', `/api/conversations/${conversationId}/sign`, {
        as: birthe,
        body: { contentVersion: view.contentVersion },
      }),
    );
    expect(signedAgain.body.conversation.stage).toBe('signed');
    expect(signedAgain.body.canEdit).toBe(false);
    expect(signedAgain.body.signatures.every((signature: { valid: boolean }) => signature.valid)).toBe(true);
  });

  it('refuses every change of the signed record through every route', async () => {
    const view = await detail(anne);
    const goal = view.goals[0]!;
    const action = goal.actions[0]!;
    const attempts: [string, string, unknown][] = [
      ['PUT', `/api/conversations/${conversationId}`, { version: view.version, nextFollowUp: '2027-06-01' }],
      ['POST', `/api/conversations/${conversationId}/start`, undefined],
      ['PUT', `/api/conversations/${conversationId}/agenda`, { version: view.agenda!.version, items: [] }],
      ['PUT', `/api/conversations/${conversationId}/notes`, { version: 1, items: { x: 'Ændret' } }],
      [
        'PUT',
        `/api/conversations/${conversationId}/preparation`,
        { version: 2, answers: {}, chosenCompetenceIds: [] },
      ],
      [
        'POST',
        `/api/conversations/${conversationId}/goals`,
        { title: 'Nyt', successCriterion: 'X', targetDate: '2027-01-01', competenceIds: ['spoergeteknik'] },
      ],
      [
        'PUT',
        `/api/goals/${goal.id}`,
        {
          version: goal.version,
          title: 'Ændret',
          successCriterion: 'X',
          targetDate: '2027-01-01',
          competenceIds: ['spoergeteknik'],
        },
      ],
      ['DELETE', `/api/goals/${goal.id}`, undefined],
      [
        'POST',
        `/api/goals/${goal.id}/actions`,
        { kind: 'other', description: 'Ny', ownerId: ids.birthe, dueDate: '2027-01-01' },
      ],
      [
        'PUT',
        `/api/actions/${action.id}`,
        {
          version: action.version,
          kind: 'other',
          description: 'Ændret',
          ownerId: ids.birthe,
          dueDate: '2027-01-01',
        },
      ],
      ['DELETE', `/api/actions/${action.id}`, undefined],
      ['POST', `/api/conversations/${conversationId}/sign`, { contentVersion: view.contentVersion }],
    ];
    // The first three are the leader's alone (the employee gets 403 for them at any time); the rest are both parties'.
    for (const [as, tried] of [
      [anne, attempts],
      [birthe, attempts.slice(3)],
    ] as const) {
      for (const [method, path, body] of tried) {
        const response = await json(await t.call(method, path, { as, body }));
        expect({ method, path, status: response.status, code: response.body.error?.code }).toEqual({
          method,
          path,
          status: 422,
          code: 'conversation_signed',
        });
      }
    }
    expect(await detail(anne)).toEqual({ ...view });
  });

  it('refuses the change in the database itself, whatever route might try it', async () => {
    const goalId = goalIds[0]!;
    await expect(
      t.handle.db.update(goals).set({ title: 'Skjult ændring' }).where(eq(goals.id, goalId)),
    ).rejects.toThrow();
    await expect(t.handle.db.delete(goalActions).where(eq(goalActions.id, actionIds[0]!))).rejects.toThrow();
    const [goal] = await t.handle.db.select().from(goals).where(eq(goals.id, goalId));
    expect(goal!.title).toBe('Bruge spørgeteknik til at afdække borgerens behov');
  });

  it('takes dated addenda from either party, never changed afterwards', async () => {
    const before = await json(
      await t.call('POST', `/api/conversations/${conversationId}/addenda`, { as: anne, body: { text: ' ' } }),
    );
    expect(before.status).toBe(400);
    await later('2026-12-15T12:00:00Z');
    const added = await json(
      await t.call('POST', `/api/conversations/${conversationId}/addenda`, {
        as: birthe,
        body: { text: 'Kurset i spørgeteknik er flyttet til februar.' },
      }),
    );
    expect(added.status).toBe(201);
    expect(added.body.addenda).toEqual([
      expect.objectContaining({
        author: { id: ids.birthe, name: 'Birthe Hansen' },
        at: '2026-12-15T12:00:00.000Z',
        text: 'Kurset i spørgeteknik er flyttet til februar.',
      }),
    ]);
    await expect(t.handle.db.update(conversationAddenda).set({ text: 'Ændret' })).rejects.toThrow();
  });

  it('gives a PDF with the plan and both signatures, in Danish or English, without private notes', async () => {
    for (const lang of ['da', 'en'] as const) {
      const response = await t.call('GET', `/api/conversations/${conversationId}/summary.pdf?lang=${lang}`, {
        as: birthe,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      const { text } = await pdfText(bytes);
      expect(text).toContain('Birthe Hansen');
      expect(text).toContain('Anne Kristensen');
      expect(text).toContain('Bruge spørgeteknik til at afdække borgerens behov');
      expect(text).toContain('Øve medbetjening ved skranken');
      expect(text).not.toContain(anneSecret);
      expect(text).not.toContain(birtheSecret);
    }
  });
});

describe('following up', () => {
  it('lets the employee move actions on after signing, keeping who did it and why', async () => {
    let view = await detail(birthe);
    const action = view.goals[1]!.actions[0]!;
    const done = await json(
      await t.call('POST', `/api/actions/${action.id}/status`, {
        as: birthe,
        body: { version: action.version, status: 'done' },
      }),
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(done.body.history).toEqual([
      expect.objectContaining({
        from: 'not_started',
        to: 'done',
        by: { id: ids.birthe, name: 'Birthe Hansen' },
      }),
    ]);
    const goal = view.goals[1]!;
    const noReason = await json(
      await t.call('POST', `/api/goals/${goal.id}/status`, {
        as: birthe,
        body: { version: goal.version, status: 'dropped' },
      }),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields).toHaveProperty(['reason']);
    const dropped = await json(
      await t.call('POST', `/api/goals/${goal.id}/status`, {
        as: birthe,
        body: { version: goal.version, status: 'dropped', reason: 'Digital Post skifter system i foråret.' },
      }),
    );
    expect(dropped.body).toMatchObject({
      status: 'dropped',
      droppedReason: 'Digital Post skifter system i foråret.',
    });
    view = await detail(anne);
    expect(view.goals[1]!.status).toBe('dropped');
  });

  it('shows the leader overdue actions in the task list', async () => {
    await later('2027-01-20T08:00:00Z');
    const tasks = (await json(await t.call('GET', '/api/me/tasks', { as: anne }))).body.conversations;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'overdue_action',
        title: 'Læs KL’s materiale om spørgeteknik',
        dueDate: '2027-01-15',
      }),
    );
    // The done action and the dropped goal are not overdue.
    expect(tasks.map((task: { title: string }) => task.title)).not.toContain('Øve medbetjening ved skranken');
  });

  it('starts a follow-up conversation from the open goals', async () => {
    const { status, body } = await json(
      await schedule(anne, {
        kind: 'follow_up',
        followUpOf: conversationId,
        scheduledAt: '2027-02-01T10:00:00+01:00',
      }),
    );
    expect(status).toBe(201);
    const items: { id: string; kind: string; title: string }[] = body.agenda.items;
    expect(items[0]).toMatchObject({
      kind: 'open_goal',
      id: `goal:${goalIds[0]}`,
      title: 'Bruge spørgeteknik til at afdække borgerens behov',
    });
    expect(items.map((item) => item.id)).not.toContain(`goal:${goalIds[1]}`);
  });

  it('keeps the plan with the employee when she gets a new leader', async () => {
    const login = (await t.repositories.system.findLoginByEmail(people.leaderDigital))!;
    const units = await t.repositories.forTenant(login.municipalityId).people.listUnits();
    const digital = units.find((unit) => unit.name === 'Team Telefon og Digital')!;
    await t.handle.db.update(users).set({ unitId: digital.id }).where(eq(users.id, ids.birthe));
    const asJonas = await t.call('GET', `/api/conversations/${conversationId}`, { as: jonas });
    expect(asJonas.status).toBe(200);
    const plan = (await json(await t.call('GET', `/api/plans/${ids.birthe}`, { as: jonas }))).body;
    expect(plan.goals.map((goal: Goal) => goal.title)).toEqual([
      'Bruge spørgeteknik til at afdække borgerens behov',
      'Vise borgere rundt i Digital Post',
    ]);
    expect((await t.call('GET', `/api/conversations/${conversationId}`, { as: anne })).status).toBe(404);
    expect((await t.call('GET', `/api/plans/${ids.birthe}`, { as: anne })).status).toBe(404);
  });
});
