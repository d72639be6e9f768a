/**
 * @module A theme day from the team's gaps to the next round, as the leader and the participants notice it through
 * the API: planning from the weakest competences and the exercise bank, who sees it, follow-up tasks in the
 * participants' task lists, and the before and after with the minimum group size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { competencesOf } from '../../src/domain/framework.ts';
import type { taskListSchema } from '../../src/server/contracts/rounds.ts';
import type { TeamOverview } from '../../src/server/contracts/team.ts';
import type { ExerciseView, ThemeDayDetail, ThemeDayInput } from '../../src/server/contracts/theme-days.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';

type TaskList = z.infer<typeof taskListSchema>;

describe.each(engines)('theme days on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let clock = new Date('2026-05-20T08:00:00Z');
    let t: TestApp;
    let anne: Caller;
    let birthe: Caller;
    let mads: Caller;
    let jonas: Caller;
    let lars: Caller;
    let mette: Caller;
    let ole: Caller;
    let skrankeId: string;
    let team: TeamOverview;
    let exercises: ExerciseView[];
    let themeDayId: string;
    let plan: ThemeDayInput;
    const idOf = (name: string) => team.rows.find((row) => row.person.name === name)!.person.id;

    /** Moves the clock and logs everyone in again, as sessions end after two idle hours. */
    async function later(at: string) {
      clock = new Date(at);
      [anne, birthe, mads, jonas, lars, mette, ole] = await Promise.all([
        t.login('leaderSkranke'),
        t.login('employee'),
        t.login('colleague'),
        t.login('leaderDigital'),
        t.login('chief'),
        t.login('admin'),
        t.login('otherAdmin'),
      ]);
    }
    const json = async <T>(response: Response) => ({
      status: response.status,
      body: (await response.json()) as T,
    });
    const detail = (as: Caller, headers: Record<string, string> = {}) =>
      t.call('GET', `/api/theme-days/${themeDayId}`, { as, headers });
    const tenant = async () =>
      t.repositories.forTenant(
        (await t.repositories.system.findLoginByEmail('anne.kristensen@demokommune.example'))!.municipalityId,
      );

    beforeAll(async () => {
      t = await startTestApp(kind, { now: () => clock });
      await later(clock.toISOString());
      const units = (await (await t.call('GET', '/api/units', { as: anne })).json()).units as {
        id: string;
        name: string;
      }[];
      skrankeId = units.find((unit) => unit.name === 'Team Skranke')!.id;
      team = (
        await json<TeamOverview>(await t.call('GET', `/api/units/${skrankeId}/team-overview`, { as: anne }))
      ).body;
      exercises = (
        await json<{ exercises: ExerciseView[] }>(await t.call('GET', '/api/exercises', { as: anne }))
      ).body.exercises;
      const [first, second] = team.weakest;
      const forFocus = (competenceId: string) =>
        exercises.find((exercise) => exercise.competenceIds[0] === competenceId)!;
      plan = {
        unitId: skrankeId,
        title: 'Temadag: spørgsmål der åbner',
        date: '2026-06-10',
        startTime: '09:00',
        place: 'Byrådssalen',
        focusCompetenceIds: team.weakest,
        participantIds: team.rows.map((row) => row.person.id),
        agenda: [
          { id: 'own:1', title: 'Velkomst og formål', minutes: 15 },
          { id: `exercise:${forFocus(first!).id}`, exerciseId: forFocus(first!).id, minutes: 40 },
          { id: `exercise:${forFocus(second!).id}`, exerciseId: forFocus(second!).id, minutes: 35 },
          { id: 'own:2', title: 'Frokost', minutes: 30 },
        ],
      };
    });
    afterAll(() => t?.close());

    describe('planning', () => {
      it('plans a day from the team’s weakest competences, with an agenda of exercises in the reader’s language', async () => {
        const { status, body } = await json<ThemeDayDetail>(
          await t.call('POST', '/api/theme-days', { as: anne, body: plan }),
        );
        expect(status).toBe(201);
        themeDayId = body.themeDay.id;
        expect(body.themeDay).toMatchObject({
          unit: { id: skrankeId, name: 'Team Skranke' },
          date: '2026-06-10',
          startTime: '09:00',
          endTime: '11:00',
          stage: 'planned',
          focusCompetenceIds: team.weakest,
          participantCount: 7,
          myRole: 'leader',
        });
        expect(body.canManage).toBe(true);
        const exercise = exercises.find((entry) => entry.id === plan.agenda[1]!.exerciseId)!;
        expect(body.agenda.map((item) => [item.title, item.start, item.end])).toEqual([
          ['Velkomst og formål', '09:00', '09:15'],
          [exercise.title, '09:15', '09:55'],
          [exercises.find((entry) => entry.id === plan.agenda[2]!.exerciseId)!.title, '09:55', '10:30'],
          ['Frokost', '10:30', '11:00'],
        ]);
        expect(body.agenda[1]!.exercise?.steps.length).toBeGreaterThanOrEqual(2);
        expect(body.tasks).toEqual([]);
        // Nobody has been rated since: nothing to compare yet.
        expect(body.beforeAfter?.ratedAfterCount).toBe(0);
        expect(body.beforeAfter?.competences.every((entry) => entry.after === null)).toBe(true);

        const english = (await json<ThemeDayDetail>(await detail(anne, { 'accept-language': 'en' }))).body;
        const bank = (
          await json<{ exercises: ExerciseView[] }>(
            await t.call('GET', '/api/exercises', { as: anne, headers: { 'accept-language': 'en' } }),
          )
        ).body.exercises;
        expect(english.agenda[1]!.title).toBe(bank.find((entry) => entry.id === exercise.id)!.title);
        expect(english.agenda[1]!.title).not.toBe(exercise.title);
      });

      it.each([
        {
          name: 'an exercise not in the bank',
          change: { agenda: [{ id: 'exercise:x', exerciseId: 'findes-ikke', minutes: 30 }] },
          field: 'agenda.0.exerciseId',
        },
        {
          name: 'an own item without a title',
          change: { agenda: [{ id: 'own:1', minutes: 30 }] },
          field: 'agenda.0.title',
        },
        {
          name: 'the same item twice',
          change: {
            agenda: [
              { id: 'own:1', title: 'A', minutes: 10 },
              { id: 'own:1', title: 'B', minutes: 10 },
            ],
          },
          field: 'agenda.1.id',
        },
        {
          name: 'an agenda past midnight',
          change: { startTime: '23:00', agenda: [{ id: 'own:1', title: 'Nat', minutes: 90 }] },
          field: 'agenda',
        },
        {
          name: 'a competence outside the framework',
          change: { focusCompetenceIds: ['hoefligt-smil'] },
          field: 'focusCompetenceIds.0',
        },
        { name: 'a date in the past', change: { date: '2026-05-01' }, field: 'date' },
      ])('refuses $name, naming the field, and plans nothing', async ({ change, field }) => {
        const before = (
          await json<{ themeDays: unknown[] }>(await t.call('GET', '/api/theme-days', { as: anne }))
        ).body.themeDays.length;
        const response = await json<{ error: { code: string; fields: Record<string, string> } }>(
          await t.call('POST', '/api/theme-days', { as: anne, body: { ...plan, ...change } }),
        );
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe('invalid_theme_day');
        expect(Object.keys(response.body.error.fields)).toContain(field);
        const after = (
          await json<{ themeDays: unknown[] }>(await t.call('GET', '/api/theme-days', { as: anne }))
        ).body.themeDays.length;
        expect(after).toBe(before);
      });

      it('takes participants only from the unit, and units only from those the leader leads', async () => {
        const susanne = (await t.repositories.system.findLoginByEmail(
          'susanne.rasmussen@demokommune.example',
        ))!.userId;
        const outsider = await json<{ error: { fields: Record<string, string> } }>(
          await t.call('POST', '/api/theme-days', { as: anne, body: { ...plan, participantIds: [susanne] } }),
        );
        expect(outsider.status).toBe(422);
        expect(outsider.body.error.fields['participantIds.0']).toBe(
          'Deltagerne skal være medarbejdere i enheden eller enhederne under den.',
        );
        const otherTeam = await json<{ error: { fields: Record<string, string> } }>(
          await t.call('POST', '/api/theme-days', { as: jonas, body: plan }),
        );
        expect(otherTeam.status).toBe(422);
        expect(Object.keys(otherTeam.body.error.fields)).toEqual(['unitId']);
        expect((await t.call('POST', '/api/theme-days', { as: birthe, body: plan })).status).toBe(403);
      });
    });

    describe('who sees it', () => {
      it('shows a participant the agenda and nothing of the figures or others’ tasks', async () => {
        const { status, body } = await json<ThemeDayDetail>(await detail(birthe));
        expect(status).toBe(200);
        expect(body.canManage).toBe(false);
        expect(body.themeDay.myRole).toBe('participant');
        expect(body.beforeAfter).toBeNull();
        const list = (
          await json<{ themeDays: { id: string; myRole: string }[] }>(
            await t.call('GET', '/api/theme-days', { as: birthe }),
          )
        ).body.themeDays;
        expect(list).toContainEqual(expect.objectContaining({ id: themeDayId, myRole: 'participant' }));
      });

      it('lets the chief above manage it, and tells everyone else it does not exist', async () => {
        expect((await json<ThemeDayDetail>(await detail(lars))).body.canManage).toBe(true);
        for (const as of [jonas, mette, ole]) expect((await detail(as)).status).toBe(404);
        const list = (
          await json<{ themeDays: { id: string }[] }>(await t.call('GET', '/api/theme-days', { as: jonas }))
        ).body.themeDays;
        expect(list.map((entry) => entry.id)).not.toContain(themeDayId);
      });

      it('changes only at the version the leader saw; someone taken off no longer sees it', async () => {
        const current = (await json<ThemeDayDetail>(await detail(anne))).body;
        const { unitId: _unit, ...rest } = plan;
        const withoutMads = {
          ...rest,
          participantIds: plan.participantIds.filter((id) => id !== idOf('Mads Pedersen')),
        };
        const saved = await t.call('PUT', `/api/theme-days/${themeDayId}`, {
          as: anne,
          body: { ...withoutMads, version: current.version },
        });
        expect(saved.status).toBe(200);
        const stale = await t.call('PUT', `/api/theme-days/${themeDayId}`, {
          as: lars,
          body: { ...rest, title: 'Lars’ titel', version: current.version },
        });
        expect(stale.status).toBe(409);
        expect((await json<ThemeDayDetail>(await detail(anne))).body.themeDay).toMatchObject({
          title: plan.title,
          participantCount: 6,
        });
        expect((await detail(mads)).status).toBe(404);
        expect(
          (
            await t.call('PUT', `/api/theme-days/${themeDayId}`, {
              as: birthe,
              body: { ...withoutMads, version: current.version + 1 },
            })
          ).status,
        ).toBe(403);
      });
    });

    describe('after the day', () => {
      const tasksBody = () => ({
        tasks: team.rows
          .filter((row) => row.person.name !== 'Mads Pedersen')
          .map((row) => ({
            userId: row.person.id,
            exerciseId: plan.agenda[1]!.exerciseId,
            text: exercises.find((entry) => entry.id === plan.agenda[1]!.exerciseId)!.followUpTask,
            dueDate: '2026-06-19',
          })),
      });
      const putTasks = (as: Caller, body: unknown) =>
        t.call('PUT', `/api/theme-days/${themeDayId}/tasks`, { as, body });
      const myThemeDayTasks = async (as: Caller) =>
        (await json<TaskList>(await t.call('GET', '/api/me/tasks', { as }))).body.themeDays;

      it('gives follow-up tasks only once the day has come', async () => {
        const early = await json<{ error: { code: string } }>(await putTasks(anne, tasksBody()));
        expect(early.status).toBe(422);
        expect(early.body.error.code).toBe('theme_day_not_held');
      });

      it('puts each participant’s task in their task list until they mark it done', async () => {
        await later('2026-06-11T07:00:00Z');
        const refused = await json<{ error: { fields: Record<string, string> } }>(
          await putTasks(anne, {
            tasks: [
              { userId: idOf('Mads Pedersen'), text: 'Prøv det', dueDate: '2026-06-19' },
              { userId: idOf('Birthe Hansen'), text: 'Prøv det', dueDate: '2026-06-01' },
            ],
          }),
        );
        expect(refused.status).toBe(422);
        expect(Object.keys(refused.body.error.fields).sort()).toEqual(['tasks.0.userId', 'tasks.1.dueDate']);

        const saved = await json<ThemeDayDetail>(await putTasks(anne, tasksBody()));
        expect(saved.status).toBe(200);
        expect(saved.body.themeDay.stage).toBe('held');
        expect(saved.body.tasks).toHaveLength(6);
        const [own] = await myThemeDayTasks(birthe);
        expect(own).toMatchObject({
          themeDayId,
          themeDayTitle: plan.title,
          text: tasksBody().tasks[0]!.text,
          dueDate: '2026-06-19',
          overdue: false,
        });
        expect(await myThemeDayTasks(mads)).toEqual([]);
        // The participant sees only their own task.
        expect(
          (await json<ThemeDayDetail>(await detail(birthe))).body.tasks.map((task) => task.person.name),
        ).toEqual(['Birthe Hansen']);

        const done = (path: string, as: Caller, value: boolean) =>
          t.call('POST', `/api/theme-day-tasks/${path}/done`, { as, body: { done: value } });
        expect((await done(own!.id, mads, true)).status).toBe(404);
        expect((await done(own!.id, anne, true)).status).toBe(404);
        const marked = await json<{ doneAt: string | null }>(await done(own!.id, birthe, true));
        expect(marked.status).toBe(200);
        expect(marked.body.doneAt).toBe(clock.toISOString());
        expect(await myThemeDayTasks(birthe)).toEqual([]);

        // The leader may word the task again; the same words keep it done, new words open it again.
        await putTasks(anne, tasksBody());
        expect(await myThemeDayTasks(birthe)).toEqual([]);
        const reworded = tasksBody();
        const birthesTask = reworded.tasks.find((task) => task.userId === idOf('Birthe Hansen'))!;
        birthesTask.text = 'Stil tre åbne spørgsmål ved skranken i morgen';
        await putTasks(anne, reworded);
        expect((await myThemeDayTasks(birthe)).map((task) => task.text)).toEqual([birthesTask.text]);

        // The practice log links an entry to a task only through this.
        const repository = (await tenant()).themeDays;
        expect((await repository.findThemeDayTask(own!.id))?.userId).toBe(idOf('Birthe Hansen'));
        expect(await repository.findThemeDayTask('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      });

      it('shows the participants’ before and after at the next round, withheld for a group of 4', async () => {
        const focus = plan.focusCompetenceIds;
        const participants = team.rows.filter((row) => row.person.name !== 'Mads Pedersen');
        const levelBefore = (name: string, competenceId: string) =>
          participants
            .find((row) => row.person.name === name)!
            .cells.find((cell) => cell.competenceId === competenceId)!.leader as number;
        // The autumn round: every participant one level up in the focus competences (at most 4).
        const demo = await tenant();
        const version = (await demo.frameworks.newestPublished())!;
        const profile = (await demo.frameworks.listRoleProfilesOf(version.id)).find(
          (entry) => entry.key === 'borgerservicemedarbejder',
        )!;
        const anneId = await t.idOf('leaderSkranke');
        const round = await demo.rounds.create({
          name: 'Efterårsrunde 2026',
          frameworkVersionId: version.id,
          deadline: '2026-10-31',
          hideLeaderUntilBoth: true,
          createdById: anneId,
          participants: participants.map((row) => ({ userId: row.person.id, roleProfileId: profile.id })),
        });
        const competenceIds = competencesOf(version.document).map((competence) => competence.id);
        const afterLevel = (name: string, competenceId: string) =>
          focus.includes(competenceId) ? Math.min(4, levelBefore(name, competenceId) + 1) : 2;
        for (const row of participants) {
          const ratings = Object.fromEntries(
            competenceIds.map((competenceId) => [
              competenceId,
              { level: afterLevel(row.person.name, competenceId) },
            ]),
          );
          const base = {
            roundId: round.id,
            subjectId: row.person.id,
            raterRole: 'leader' as const,
            raterId: anneId,
            now: new Date('2026-10-15T10:00:00Z'),
          };
          await demo.rounds.saveDraft({ ...base, expectedVersion: 0, ratings });
          await demo.rounds.submit({ ...base, expectedVersion: 1 });
        }
        await later('2026-11-02T08:00:00Z');
        const raw = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
        const oneDecimal = (value: number) => Math.round(value * 10) / 10;
        const shown = (await json<ThemeDayDetail>(await detail(anne))).body.beforeAfter!;
        expect(shown.ratedAfterCount).toBe(6);
        expect(shown.competences).toEqual(
          focus.map((competenceId) => {
            const befores = participants.map((row) => levelBefore(row.person.name, competenceId));
            const afters = participants.map((row) => afterLevel(row.person.name, competenceId));
            return {
              competenceId,
              pairedCount: 6,
              before: oneDecimal(raw(befores)),
              after: oneDecimal(raw(afters)),
              change: oneDecimal(raw(afters) - raw(befores)),
            };
          }),
        );

        // Down to five participants: still shown; four: withheld.
        const { unitId: _unit, ...rest } = plan;
        const withParticipants = async (count: number) => {
          const current = (await json<ThemeDayDetail>(await detail(anne))).body;
          const response = await t.call('PUT', `/api/theme-days/${themeDayId}`, {
            as: anne,
            body: {
              ...rest,
              participantIds: participants.slice(0, count).map((row) => row.person.id),
              version: current.version,
            },
          });
          expect(response.status).toBe(200);
          return ((await response.json()) as ThemeDayDetail).beforeAfter!;
        };
        const five = await withParticipants(5);
        expect(five.competences.every((entry) => entry.pairedCount === 5 && entry.before !== null)).toBe(
          true,
        );
        const four = await withParticipants(4);
        expect(
          four.competences.every(
            (entry) => entry.pairedCount === null && entry.before === null && entry.after === null,
          ),
        ).toBe(true);
        // The one taken off lost their task with their place.
        expect((await json<ThemeDayDetail>(await detail(anne))).body.tasks).toHaveLength(4);
      });
    });
  });
});
