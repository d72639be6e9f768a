/**
 * @module A group MUS (GRUS) from scheduling to closing and each participant's individual follow-up, as the leader, the
 * participants and everyone else notice it through the API, on both engines.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationParticipants, goals, users } from '../../src/db/schema.ts';
import type { AgendaItem, GroupConversationDetail } from '../../src/server/contracts/conversations.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { demoPersonIds } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { type Person, people } from '../support/world.ts';

const json = async (response: Response) => ({ status: response.status, body: await response.json() });

describe.each(engines)('group MUS on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    const clock = new Date('2026-12-02T08:00:00Z');
    let t: TestApp;
    const as = {} as Record<Person, Caller>;
    let ids: Record<'anne' | 'birthe' | 'mads' | 'fatima' | 'kirsten' | 'susanne' | 'peter', string>;
    let groupId: string;
    let goalId: string;
    let birtheActionId: string;
    let madsActionId: string;

    const call = (method: string, path: string, who: Person, body?: unknown) =>
      t.call(method, path, { as: as[who], body });
    const view = async (who: Person): Promise<GroupConversationDetail> =>
      (await call('GET', `/api/group-conversations/${groupId}`, who)).json();
    const schedule = (who: Person, overrides: Record<string, unknown> = {}) =>
      call('POST', '/api/group-conversations', who, {
        unitId: skrankeId,
        participantIds: [ids.birthe, ids.mads, ids.fatima, ids.kirsten],
        scheduledAt: '2026-12-14T13:00:00+01:00',
        place: 'Kantinen, Rådhuset',
        ...overrides,
      });
    let skrankeId: string;

    beforeAll(async () => {
      t = await startTestApp(kind, { now: () => clock });
      for (const person of [
        'leaderSkranke',
        'leaderDigital',
        'digitalEmployee',
        'chief',
        'employee',
        'colleague',
        'bystander',
        'admin',
        'otherAdmin',
      ] as const) {
        as[person] = await t.login(person);
      }
      const [fatima, kirsten, susanne] = await demoPersonIds(t, [
        'Fatima Ali',
        'Kirsten Jensen',
        'Susanne Rasmussen',
      ]);
      ids = {
        anne: await t.idOf('leaderSkranke'),
        birthe: await t.idOf('employee'),
        mads: await t.idOf('colleague'),
        peter: await t.idOf('bystander'),
        fatima: fatima!,
        kirsten: kirsten!,
        susanne: susanne!,
      };
      const [birthe] = await t.handle.db.select().from(users).where(eq(users.id, ids.birthe));
      skrankeId = birthe!.unitId!;
    });
    afterAll(() => t?.close());

    describe('scheduling', () => {
      it('gives the leader a guide for the team: themes, then shared strengths and gaps in counts only', async () => {
        const { status, body } = await json(await schedule('leaderSkranke'));
        expect(status).toBe(201);
        groupId = body.conversation.id;
        expect(body.conversation).toMatchObject({
          unit: { id: skrankeId, name: 'Team Skranke' },
          leader: { id: ids.anne, name: 'Anne Kristensen' },
          stage: 'scheduled',
          participantCount: 4,
          myRole: 'leader',
          durationMinutes: 90,
        });
        expect(body.participants.map((person: { name: string }) => person.name)).toEqual([
          'Birthe Hansen',
          'Fatima Ali',
          'Kirsten Jensen',
          'Mads Pedersen',
        ]);
        const items: AgendaItem[] = body.agenda.items;
        expect(items.slice(0, 3).map((item) => item.id)).toEqual([
          'theme:looking_back',
          'theme:tasks_collaboration',
          'theme:wellbeing_motivation',
        ]);
        expect(items.at(-1)!.id).toBe('theme:development_wishes');
        // The team is asked as a team.
        expect(items[0]!.prompts[0]).toBe('Hvad er vi som team mest tilfredse med fra det seneste år?');
        const team = items.filter((item) => item.kind === 'team_gap' || item.kind === 'team_strength');
        expect(team.length).toBeGreaterThan(0);
        for (const item of team) {
          expect(item.team!.rated).toBeGreaterThanOrEqual(body.teamNumbersFrom);
          expect(item.reason).toMatch(/^(\d+ af \d+ er under målet|Alle \d+ er på eller over målet)$/);
          expect(item.divergence).toBeNull();
          expect(item.gap).toBeNull();
        }
        const gap = team.find((item) => item.kind === 'team_gap')!;
        expect(gap.team!.below).toBeGreaterThanOrEqual(2);
        expect(gap.questions.map((question) => question.phase)).toEqual([
          'goal',
          'reality',
          'options',
          'way_forward',
        ]);
        // Nothing in the guide names a participant or their own levels.
        const text = JSON.stringify(items);
        for (const name of ['Birthe', 'Mads', 'Fatima', 'Kirsten']) expect(text).not.toContain(name);
        expect(text).not.toMatch(/Selv \d|leder \d/);
      });

      it('shows no team numbers for a group of two: any number would point at the other one', async () => {
        const { status, body } = await json(
          await schedule('leaderSkranke', { participantIds: [ids.birthe, ids.mads] }),
        );
        expect(status).toBe(201);
        expect(body.agenda.items.map((item: AgendaItem) => item.kind)).toEqual([
          'mus_theme',
          'mus_theme',
          'mus_theme',
          'mus_theme',
        ]);
      });

      it.each([
        { name: 'a leader of another unit', who: 'leaderDigital', body: {}, status: 422, field: 'unitId' },
        {
          name: 'a participant from another unit',
          who: 'leaderSkranke',
          body: { participantIds: () => [ids.birthe, ids.susanne] },
          status: 422,
          field: 'participantIds.1',
        },
        {
          name: 'the same person twice',
          who: 'leaderSkranke',
          body: { participantIds: () => [ids.birthe, ids.birthe] },
          status: 422,
          field: 'participantIds',
        },
        {
          name: 'the leader as a participant',
          who: 'leaderSkranke',
          body: { participantIds: () => [ids.birthe, ids.anne] },
          status: 422,
          field: 'participantIds.1',
        },
        {
          name: 'one participant',
          who: 'leaderSkranke',
          body: { participantIds: () => [ids.birthe] },
          status: 400,
          field: 'participantIds',
        },
        {
          name: 'a time in the past',
          who: 'leaderSkranke',
          body: { scheduledAt: '2026-11-01T09:00:00+01:00' },
          status: 422,
          field: 'scheduledAt',
        },
      ] as const)('refuses $name, naming the field', async ({ who, body, status, field }) => {
        const overrides = Object.fromEntries(
          Object.entries(body).map(([key, value]) => [key, typeof value === 'function' ? value() : value]),
        );
        const response = await json(await schedule(who, overrides));
        expect(response.status).toBe(status);
        expect(Object.keys(response.body.error.fields)).toContain(field);
      });

      it('is not for someone who leads nothing', async () => {
        expect((await schedule('employee')).status).toBe(403);
      });
    });

    describe('who sees it', () => {
      it.each([
        { who: 'employee', status: 200, role: 'participant' },
        { who: 'colleague', status: 200, role: 'participant' },
        { who: 'leaderSkranke', status: 200, role: 'leader' },
        { who: 'chief', status: 200, role: 'leader' },
        { who: 'bystander', status: 404 },
        { who: 'leaderDigital', status: 404 },
        { who: 'admin', status: 404 },
        { who: 'otherAdmin', status: 404 },
      ] as const)('$who → $status', async ({ who, status, ...rest }) => {
        const response = await json(await call('GET', `/api/group-conversations/${groupId}`, who));
        expect(response.status).toBe(status);
        if ('role' in rest) expect(response.body.conversation.myRole).toBe(rest.role);
      });

      it('lists it among the conversations of participants and leaders only; the agenda waits for the start', async () => {
        const listed = async (who: Person) =>
          (await json(await call('GET', '/api/conversations', who))).body.groups.map(
            (group: { id: string }) => group.id,
          );
        expect(await listed('employee')).toContain(groupId);
        expect(await listed('chief')).toContain(groupId);
        expect(await listed('bystander')).not.toContain(groupId);
        expect(await listed('leaderDigital')).not.toContain(groupId);
        const birthe = await view('employee');
        expect(birthe.agenda).toBeNull();
        expect(birthe.canLead).toBe(false);
      });

      it('lets only a leader lead it', async () => {
        const attempts: [string, string, unknown][] = [
          ['POST', `/api/group-conversations/${groupId}/start`, undefined],
          ['GET', `/api/group-conversations/${groupId}/guide`, undefined],
          ['PUT', `/api/group-conversations/${groupId}/agenda`, { version: 1, items: [] }],
          ['PUT', `/api/group-conversations/${groupId}`, { version: 1, place: 'Et andet sted' }],
        ];
        for (const [method, path, body] of attempts) {
          expect({ path, status: (await call(method, path, 'employee', body)).status }).toEqual({
            path,
            status: 403,
          });
        }
      });
    });

    describe('holding the meeting', () => {
      it('refuses notes and team goals before the leader starts it', async () => {
        const notes = await json(
          await call('PUT', `/api/group-conversations/${groupId}/notes`, 'leaderSkranke', {
            version: 0,
            items: { 'theme:looking_back': 'Et travlt år.' },
          }),
        );
        expect(notes.body.error.code).toBe('conversation_not_started');
      });

      it('starts; participants then see the agenda and the leader’s notes', async () => {
        expect(
          (await call('POST', `/api/group-conversations/${groupId}/start`, 'leaderSkranke')).status,
        ).toBe(200);
        const saved = await json(
          await call('PUT', `/api/group-conversations/${groupId}/notes`, 'leaderSkranke', {
            version: 0,
            items: { 'theme:looking_back': 'Teamet er stolt af MitID-dagene.' },
          }),
        );
        expect(saved.status).toBe(200);
        const stale = await call('PUT', `/api/group-conversations/${groupId}/notes`, 'leaderSkranke', {
          version: 0,
          items: { 'theme:looking_back': 'Overskrevet?' },
        });
        expect(stale.status).toBe(409);
        const birthe = await view('employee');
        expect(birthe.agenda!.items.length).toBeGreaterThan(0);
        expect(birthe.notes).toEqual([
          expect.objectContaining({
            author: { id: ids.anne, name: 'Anne Kristensen' },
            items: { 'theme:looking_back': 'Teamet er stolt af MitID-dagene.' },
          }),
        ]);
        expect(
          (
            await call('PUT', `/api/group-conversations/${groupId}/notes`, 'employee', {
              version: 0,
              items: {},
            })
          ).status,
        ).toBe(403);
      });

      it('keeps the team numbers on a saved agenda from the server, whatever the caller sends', async () => {
        const leader = await view('leaderSkranke');
        const gap = leader.agenda!.items.find((item) => item.kind === 'team_gap')!;
        const saved = await json(
          await call('PUT', `/api/group-conversations/${groupId}/agenda`, 'leaderSkranke', {
            version: leader.agenda!.version,
            items: [
              { id: gap.id, kind: 'team_gap', competenceId: gap.competenceId, team: { below: 0, rated: 1 } },
            ],
          }),
        );
        // Unknown fields are refused outright; the numbers are never the caller's to set.
        expect(saved.status).toBe(400);
        const individual = await json(
          await call('PUT', `/api/group-conversations/${groupId}/agenda`, 'leaderSkranke', {
            version: leader.agenda!.version,
            items: [{ id: 'gap:x', kind: 'gap', competenceId: gap.competenceId }],
          }),
        );
        expect(individual.status).toBe(422);
        expect(individual.body.error.fields).toHaveProperty(['items.0.kind']);
        const kept = await json(
          await call('PUT', `/api/group-conversations/${groupId}/agenda`, 'leaderSkranke', {
            version: leader.agenda!.version,
            items: [
              { id: 'theme:looking_back', kind: 'mus_theme', theme: 'looking_back' },
              { id: gap.id, kind: 'team_gap', competenceId: gap.competenceId, questionIds: [] },
            ],
          }),
        );
        expect(kept.status).toBe(200);
        expect(kept.body.items[1]).toMatchObject({ team: gap.team, reason: gap.reason });
      });

      it('adds a team goal with actions for participants; the leader writes, a participant follows up their own', async () => {
        const goal = await json(
          await call('POST', `/api/group-conversations/${groupId}/goals`, 'leaderSkranke', {
            title: 'Vi lader borgeren selv betjene tastaturet',
            why: 'Borgeren lærer mest ved selv at gøre det.',
            successCriterion: 'Ved teammødet i marts fortæller alle om en borger, der selv klarede det.',
            targetDate: '2027-03-31',
            competenceIds: ['medbetjening'],
          }),
        );
        expect(goal.status).toBe(201);
        goalId = goal.body.id;
        const action = async (ownerId: string, description: string) =>
          json(
            await call('POST', `/api/goals/${goalId}/actions`, 'leaderSkranke', {
              kind: 'practice',
              description,
              ownerId,
              dueDate: '2027-01-31',
            }),
          );
        const birthes = await action(ids.birthe, 'Birthe viser de andre, hvordan hun sidder ved siden af.');
        const madss = await action(ids.mads, 'Mads samler eksempler fra telefonen.');
        expect([birthes.status, madss.status]).toEqual([201, 201]);
        [birtheActionId, madsActionId] = [birthes.body.id, madss.body.id];
        const outsider = await action(ids.susanne, 'Susanne hjælper til.');
        expect(outsider.status).toBe(422);
        expect(outsider.body.error.fields).toHaveProperty(['ownerId']);

        // A participant reads the plan but does not write it.
        expect(
          (
            await call('POST', `/api/goals/${goalId}/actions`, 'employee', {
              kind: 'other',
              description: 'Mit eget forslag',
              ownerId: ids.birthe,
              dueDate: '2027-01-31',
            })
          ).status,
        ).toBe(403);
        expect((await call('DELETE', `/api/goals/${goalId}`, 'employee')).status).toBe(403);
        expect((await call('POST', `/api/group-conversations/${groupId}/goals`, 'employee', {})).status).toBe(
          400,
        );
        // Birthe moves her own action on, not Mads's, and not the team's goal.
        const move = (path: string, version: number) =>
          call('POST', path, 'employee', { version, status: 'in_progress' });
        expect((await move(`/api/actions/${birtheActionId}/status`, 1)).status).toBe(200);
        expect((await move(`/api/actions/${madsActionId}/status`, 1)).status).toBe(403);
        expect((await move(`/api/goals/${goalId}/status`, 1)).status).toBe(403);
        // Everyone else is told the goal does not exist.
        const done = { version: 1, status: 'done' };
        expect((await call('POST', `/api/actions/${madsActionId}/status`, 'bystander', done)).status).toBe(
          404,
        );
        expect((await call('DELETE', `/api/goals/${goalId}`, 'leaderDigital')).status).toBe(404);
      });

      it('shows the team goals to every participant, but each participant only their own follow-up', async () => {
        const mads = await view('colleague');
        expect(mads.goals.map((goal) => goal.title)).toEqual(['Vi lader borgeren selv betjene tastaturet']);
        expect(mads.goals[0]!.actions.map((action) => action.owner.name)).toEqual([
          'Birthe Hansen',
          'Mads Pedersen',
        ]);
        expect(mads.followUps.map((entry) => entry.employee.id)).toEqual([ids.mads]);
        expect((await view('leaderSkranke')).followUps).toHaveLength(4);
      });
    });

    describe('closing', () => {
      it('closes on the content the leader read; a stale close is refused', async () => {
        const leader = await view('leaderSkranke');
        const stale = await call('POST', `/api/group-conversations/${groupId}/close`, 'leaderSkranke', {
          contentVersion: leader.contentVersion - 1,
        });
        expect(stale.status).toBe(409);
        expect(
          (
            await call('POST', `/api/group-conversations/${groupId}/close`, 'employee', {
              contentVersion: leader.contentVersion,
            })
          ).status,
        ).toBe(403);
        const closed = await json(
          await call('POST', `/api/group-conversations/${groupId}/close`, 'leaderSkranke', {
            contentVersion: leader.contentVersion,
          }),
        );
        expect(closed.status).toBe(200);
        expect(closed.body.conversation.stage).toBe('signed');
        expect(closed.body.closedBy.person).toEqual({ id: ids.anne, name: 'Anne Kristensen' });
        expect(closed.body.canEdit).toBe(false);
      });

      it('refuses every change of the closed record through every route', async () => {
        const before = await view('leaderSkranke');
        const goal = before.goals[0]!;
        const action = goal.actions[0]!;
        const attempts: [string, string, unknown][] = [
          [
            'PUT',
            `/api/group-conversations/${groupId}`,
            { version: before.version, nextFollowUp: '2027-06-01' },
          ],
          ['POST', `/api/group-conversations/${groupId}/start`, undefined],
          [
            'PUT',
            `/api/group-conversations/${groupId}/agenda`,
            { version: before.agenda!.version, items: [] },
          ],
          ['PUT', `/api/group-conversations/${groupId}/notes`, { version: 1, items: { x: 'Ændret' } }],
          [
            'POST',
            `/api/group-conversations/${groupId}/goals`,
            {
              title: 'Nyt',
              successCriterion: 'X',
              targetDate: '2027-01-01',
              competenceIds: ['medbetjening'],
            },
          ],
          [
            'PUT',
            `/api/goals/${goal.id}`,
            {
              version: goal.version,
              title: 'Ændret',
              successCriterion: 'X',
              targetDate: '2027-01-01',
              competenceIds: ['medbetjening'],
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
          ['POST', `/api/group-conversations/${groupId}/close`, { contentVersion: before.contentVersion }],
        ];
        for (const [method, path, body] of attempts) {
          const response = await json(await call(method, path, 'leaderSkranke', body));
          expect({ method, path, status: response.status, code: response.body.error?.code }).toEqual({
            method,
            path,
            status: 422,
            code: 'group_conversation_closed',
          });
        }
        expect(await view('leaderSkranke')).toEqual(before);
      });

      it('refuses the change in the database itself, including who took part', async () => {
        await expect(
          t.handle.db.update(goals).set({ title: 'Skjult' }).where(eq(goals.id, goalId)),
        ).rejects.toThrow();
        await expect(
          t.handle.db
            .delete(conversationParticipants)
            .where(eq(conversationParticipants.conversationId, groupId)),
        ).rejects.toThrow();
        await expect(
          t.handle.db.insert(conversationParticipants).values({
            municipalityId: (await t.repositories.system.findLoginByEmail(people.employee))!.municipalityId,
            conversationId: groupId,
            userId: ids.peter,
          }),
        ).rejects.toThrow();
        expect((await view('leaderSkranke')).participants).toHaveLength(4);
      });

      it('still follows up team actions, and takes addenda from participants', async () => {
        const moved = await json(
          await call('POST', `/api/actions/${madsActionId}/status`, 'colleague', {
            version: 1,
            status: 'done',
          }),
        );
        expect(moved.status).toBe(200);
        const added = await json(
          await call('POST', `/api/group-conversations/${groupId}/addenda`, 'colleague', {
            text: 'Eksemplerne ligger på teamets fælles drev.',
          }),
        );
        expect(added.status).toBe(201);
        expect(added.body.addenda.at(-1)).toMatchObject({ author: { id: ids.mads, name: 'Mads Pedersen' } });
      });
    });

    describe('the demo', () => {
      it('opens with Jonas’s closed group MUS, which Susanne reads with its team goal', async () => {
        const { groups } = (await json(await call('GET', '/api/conversations', 'digitalEmployee'))).body;
        const demo = groups.find(
          (group: { unit: { name: string } }) => group.unit.name === 'Team Telefon og Digital',
        );
        expect(demo).toMatchObject({ stage: 'signed', myRole: 'participant', participantCount: 7 });
        const view: GroupConversationDetail = await (
          await call('GET', `/api/group-conversations/${demo.id}`, 'digitalEmployee')
        ).json();
        expect(view.goals.map((goal) => goal.title)).toEqual([
          'Vi viser borgerne Digital Post i stedet for at læse brevene op',
        ]);
        expect(view.closedBy?.person.name).toBe('Jonas Mikkelsen');
        const team = view.agenda!.items.filter((item) => item.team);
        expect(team.length).toBeGreaterThan(0);
        for (const item of team) expect(item.team!.rated).toBe(7);
      });
    });

    describe('each participant’s individual follow-up', () => {
      it('starts from the team goals that concern the employee, and is theirs alone', async () => {
        const { status, body } = await json(
          await call('POST', '/api/conversations', 'leaderSkranke', {
            kind: 'follow_up',
            employeeId: ids.birthe,
            followUpOf: groupId,
            scheduledAt: '2027-01-10T10:00:00+01:00',
            place: 'Mødelokale 2',
          }),
        );
        expect(status).toBe(201);
        expect(body.groupConversation).toEqual({ id: groupId, unitName: 'Team Skranke' });
        expect(body.agenda.items[0]).toMatchObject({
          kind: 'team_goal',
          goalId,
          title: 'Vi lader borgeren selv betjene tastaturet',
          reason: expect.stringMatching(/^Teammål · Måldato 31\. marts 2027 · /),
        });
        const followUpId = body.conversation.id;
        expect((await call('GET', `/api/conversations/${followUpId}`, 'colleague')).status).toBe(404);
        expect(
          (await view('leaderSkranke')).followUps.find((entry) => entry.employee.id === ids.birthe),
        ).toMatchObject({ conversation: { id: followUpId, kind: 'follow_up', stage: 'scheduled' } });
        expect((await view('colleague')).followUps).toEqual([
          { employee: { id: ids.mads, name: 'Mads Pedersen' }, conversation: null },
        ]);
      });

      it('is not for a leader outside the unit, even when a participant has moved to their team', async () => {
        const [digital] = await t.handle.db.select().from(users).where(eq(users.id, ids.susanne));
        await t.handle.db.update(users).set({ unitId: digital!.unitId }).where(eq(users.id, ids.mads));
        try {
          const response = await json(
            await call('POST', '/api/conversations', 'leaderDigital', {
              kind: 'follow_up',
              employeeId: ids.mads,
              followUpOf: groupId,
              scheduledAt: '2027-01-11T10:00:00+01:00',
              place: 'Mødelokale 4',
            }),
          );
          expect(response.status).toBe(422);
          expect(response.body.error.fields).toHaveProperty(['followUpOf']);
          // Mads still reads the meeting he took part in; his new leader does not.
          expect((await call('GET', `/api/group-conversations/${groupId}`, 'colleague')).status).toBe(200);
          expect((await call('GET', `/api/group-conversations/${groupId}`, 'leaderDigital')).status).toBe(
            404,
          );
        } finally {
          await t.handle.db.update(users).set({ unitId: skrankeId }).where(eq(users.id, ids.mads));
        }
      });

      it('is only for someone who took part', async () => {
        const response = await json(
          await call('POST', '/api/conversations', 'leaderSkranke', {
            kind: 'follow_up',
            employeeId: ids.peter,
            followUpOf: groupId,
            scheduledAt: '2027-01-10T11:00:00+01:00',
            place: 'Mødelokale 2',
          }),
        );
        expect(response.status).toBe(422);
        expect(response.body.error.fields).toHaveProperty(['followUpOf']);
      });
    });
  });
});
