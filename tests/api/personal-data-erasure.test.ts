/**
 * @module A departed person's data goes, on both engines: an administrator erases it now, or the scheduled retention
 * job erases each kind when its own period has passed (a controllable clock). Afterwards no table or column holds the
 * person's values, only the anonymised row's id remains where others' records point at it, and the audit log says
 * what went in numbers only.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conversations, outbox, unitCompetenceTotals, users } from '../../src/db/schema.ts';
import { competencesOf } from '../../src/domain/framework.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { personalDataRetention } from '../../src/server/jobs/personal-data-retention.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createScheduler } from '../../src/server/scheduler.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation, heldGroupConversation } from '../support/conversations.ts';
import { engineMissing, engines } from '../support/database.ts';
import { openPairing, practiceEntryOf } from '../support/practice.ts';
import { columnsContaining } from '../support/tables.ts';
import { heldThemeDay } from '../support/theme-days.ts';
import { password, people } from '../support/world.ts';

/** Distinctive values, so a search of the whole database finds them only where this person's data is. */
const valuesOf = (tag: string) => ({
  name: `Xenia ${tag} Zyxwort`,
  email: `xenia.${tag.toLowerCase()}@zyxwort.example`,
  title: `Zyxwort-titel ${tag}`,
  externalId: `ZX-${tag}`,
  reflection: `Zyxwort-refleksion ${tag}`,
  preparation: `Zyxwort-forberedelse ${tag}`,
  leaderNotes: `Zyxwort-lederens noter ${tag}`,
  goal: `Zyxwort-mål ${tag}`,
  addendum: `Zyxwort-tillæg ${tag}`,
  selfComment: `Zyxwort-selvvurdering ${tag}`,
  leaderComment: `Zyxwort-ledervurdering ${tag}`,
  reopenReason: `Zyxwort-genåbning ${tag}`,
  mail: `Zyxwort-mail ${tag}`,
});

describe.each(engines)('erasure of departed people on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let admin: Caller;
    let clock = new Date('2027-01-10T10:00:00Z');

    beforeAll(async () => {
      t = await startTestApp(kind, { now: () => clock });
      admin = await t.login('admin');
    });
    afterAll(() => t?.close());

    const tenantOf = async () =>
      t.repositories.forTenant((await t.repositories.system.findLoginByEmail(people.admin))!.municipalityId);

    /**
     * A person of Team Skranke with something of every kind: a session, a unit's leadership, a round with both
     * assessments (one reopened), a signed MUS with preparation, notes, a goal and an addendum, a closed group MUS, a
     * practice entry, a pairing, a theme day with a task, and an e-mail. Not yet deactivated.
     */
    async function personWithEverything(tag: string) {
      const values = valuesOf(tag);
      const tenant = await tenantOf();
      const unit = (await tenant.people.listUnits()).find((candidate) => candidate.name === 'Team Skranke')!;
      const person = await tenant.people.createUser({
        name: values.name,
        email: values.email,
        title: values.title,
        roles: ['employee'],
        unitId: unit.id,
        externalId: values.externalId,
        passwordHash: await hashPassword(password),
      });
      const id = person.id;
      const login = await t.call('POST', '/api/auth/login', { body: { email: values.email, password } });
      expect(login.status).toBe(200);
      const anneId = await t.idOf('leaderSkranke');
      const now = new Date();

      // Ratings: both assessments submitted, the leader's reopened once and submitted again.
      const [version] = await tenant.frameworks.listVersions();
      const profile = (await tenant.frameworks.listRoleProfilesOf(version!.id))[0]!;
      const round = await tenant.rounds.create({
        name: `Runde ${tag}`,
        frameworkVersionId: version!.id,
        deadline: '2099-06-30',
        hideLeaderUntilBoth: false,
        createdById: anneId,
        participants: [{ userId: id, roleProfileId: profile.id }],
      });
      const ids = competencesOf(version!.document).map((competence) => competence.id);
      const rate = (comment: string) =>
        Object.fromEntries(
          ids.map((competenceId, index) => [competenceId, { level: 2, comment: index === 0 ? comment : '' }]),
        );
      for (const [raterRole, raterId, comment] of [
        ['self', id, values.selfComment],
        ['leader', anneId, values.leaderComment],
      ] as const) {
        const base = { roundId: round.id, subjectId: id, raterRole, raterId, now };
        await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings: rate(comment) });
        await tenant.rounds.submit({ ...base, expectedVersion: 1 });
      }
      const leaderAssessment = (await tenant.rounds.assessmentsOfSubjects([id])).find(
        (assessment) => assessment.raterRole === 'leader',
      )!;
      const reopened = await tenant.rounds.reopen(leaderAssessment, values.reopenReason, anneId, now);
      await tenant.rounds.submit({
        roundId: round.id,
        subjectId: id,
        raterRole: 'leader',
        raterId: anneId,
        expectedVersion: reopened.version,
        now,
      });

      // A MUS with preparation and notes, signed by both, and an addendum afterwards.
      const mus = await heldConversation(t, id, { goalTitle: values.goal });
      await tenant.conversations.savePreparation({
        conversationId: mus.conversationId,
        authorId: id,
        expectedVersion: 0,
        answers: { goal: values.preparation },
        chosenCompetenceIds: [],
        now,
      });
      await tenant.conversations.saveNotes({
        conversationId: mus.conversationId,
        authorId: anneId,
        expectedVersion: 0,
        items: { general: values.leaderNotes },
        now,
      });
      const [row] = await t.handle.db
        .select({ contentVersion: conversations.contentVersion })
        .from(conversations)
        .where(eq(conversations.id, mus.conversationId));
      for (const [role, signerId] of [
        ['employee', id],
        ['leader', anneId],
      ] as const) {
        await tenant.conversations.sign({
          conversationId: mus.conversationId,
          role,
          signerId,
          contentVersion: row!.contentVersion,
          now,
        });
      }
      await tenant.conversations.addAddendum(mus.conversationId, id, values.addendum, now);
      const group = await heldGroupConversation(t, [await t.idOf('colleague'), id], { closed: true });

      // Practice log, a pairing, a theme day with a task, and an e-mail to them.
      await practiceEntryOf(t, id, { whatWorked: values.reflection, shared: true });
      await openPairing(t, id);
      const themeDay = await heldThemeDay(t, id);
      await t.handle.db.insert(outbox).values({
        municipalityId: tenant.municipalityId,
        toEmail: values.email,
        subject: 'Din profileringsrunde',
        body: `Kære ${values.name}. ${values.mail}`,
        sentAt: now,
      });
      return { id, values, conversationId: mus.conversationId, group, themeDay, roundId: round.id };
    }

    async function deactivate(userId: string) {
      const [row] = await t.handle.db.select().from(users).where(eq(users.id, userId));
      const response = await t.call('PUT', `/api/admin/users/${userId}/status`, {
        as: admin,
        body: { active: false, version: row!.version },
      });
      expect(response.status).toBe(200);
    }

    const eventsAbout = (userId: string) =>
      t.handle.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.subjectPersonId, userId),
            sql`${auditEvents.action} in ('person.data_erased', 'person.anonymised')`,
          ),
        )
        .orderBy(auditEvents.occurredAt, auditEvents.action, sql`${auditEvents.details}->>'dataType'`);

    const countRows = async (query: string, userId: string) => {
      const result = (await t.handle.db.execute(
        sql.raw(query.replaceAll('$person', `'${userId}'::uuid`)),
      )) as unknown as { rows: { n: number }[] };
      return Number(result.rows[0]!.n);
    };
    const practiceEntries = (userId: string) =>
      countRows('select count(*) as n from practice_entries where employee_id = $person', userId);
    const participations = (userId: string) =>
      countRows('select count(*) as n from round_participants where user_id = $person', userId);
    const ownConversations = (userId: string) =>
      countRows('select count(*) as n from conversations where employee_id = $person', userId);

    it('erases a departed person now: none of their values is left in any column of any table', async () => {
      const person = await personWithEverything('Nu');
      const needles = Object.values(person.values);
      // The search finds the values before, so finding nothing afterwards means something.
      expect((await columnsContaining(t.handle.db, needles)).length).toBeGreaterThan(10);

      expect((await t.call('POST', `/api/admin/departed/${person.id}/erase`, { as: admin })).status).toBe(
        409,
      );
      await deactivate(person.id);
      const response = await t.call('POST', `/api/admin/departed/${person.id}/erase`, { as: admin });
      expect(response.status).toBe(200);
      const answer = await response.json();
      expect(answer).toMatchObject({
        id: person.id,
        name: 'Tidligere medarbejder',
        anonymisedAt: clock.toISOString(),
      });
      expect(answer.dataTypes.map((type: { erasedAt: string }) => type.erasedAt)).toEqual([
        clock.toISOString(),
        clock.toISOString(),
        clock.toISOString(),
      ]);

      expect(await columnsContaining(t.handle.db, needles)).toEqual([]);
      // What still holds the person's id: their anonymised row (its id, and the non-address made from it) and the
      // audit log's record of what happened to them, which names no one (decision 029).
      expect(await columnsContaining(t.handle.db, [person.id])).toEqual([
        'audit_events.subject_id',
        'audit_events.subject_person_id',
        'users.email',
        'users.id',
      ]);
      const [row] = await t.handle.db.select().from(users).where(eq(users.id, person.id));
      expect(row).toMatchObject({
        name: 'Tidligere medarbejder',
        email: `${person.id}@anonymiseret.invalid`,
        title: null,
        externalId: null,
        passwordHash: null,
        active: false,
      });
      // The group conversation and its team goal stay with the team; the colleague is still in it.
      const group = await countRows(
        `select count(*) as n from conversation_participants where conversation_id = '${person.group.conversationId}'`,
        person.id,
      );
      expect(group).toBe(1);

      const events = await eventsAbout(person.id);
      expect(events.map((event) => [event.action, event.details.dataType ?? null])).toEqual([
        ['person.anonymised', null],
        ['person.data_erased', 'conversations'],
        ['person.data_erased', 'practice'],
        ['person.data_erased', 'ratings'],
      ]);
      const adminId = await t.idOf('admin');
      for (const event of events) {
        expect(event).toMatchObject({ actorKind: 'user', actorId: adminId, purpose: 'data_rights' });
      }
      const byType = Object.fromEntries(
        events.map((event) => [event.details.dataType ?? 'identity', event.details]),
      );
      expect(byType.conversations).toMatchObject({
        conversations: 1,
        preparations: 1,
        notes: 1,
        goals: 1,
        actions: 1,
        signatures: 2,
        addenda: 1,
        groupParticipations: 1,
      });
      expect(byType.ratings).toMatchObject({ participations: 1, assessments: 2, reopenings: 1 });
      expect(byType.practice).toMatchObject({
        entries: 1,
        pairings: 1,
        themeDayTasks: 1,
        themeDayParticipations: 1,
      });
      expect(byType.identity).toMatchObject({ emails: 1 });

      // Erasing again changes nothing and records nothing more; an anonymised person is never reactivated.
      expect((await t.call('POST', `/api/admin/departed/${person.id}/erase`, { as: admin })).status).toBe(
        200,
      );
      expect(await eventsAbout(person.id)).toHaveLength(4);
      const reactivate = await t.call('PUT', `/api/admin/users/${person.id}/status`, {
        as: admin,
        body: { active: true, version: row!.version },
      });
      expect(reactivate.status).toBe(422);
      expect((await reactivate.json()).error.fields.active).toMatch(/anonymiseret/);
    });

    it('erases each kind when its own period has passed, once, and leaves a person who came back alone', async () => {
      const put = await t.call('PUT', '/api/admin/settings', {
        as: admin,
        body: { practiceRetentionMonths: 6, ratingRetentionMonths: 12, conversationRetentionMonths: 24 },
      });
      expect(put.status).toBe(200);
      const leaving = await personWithEverything('Ur');
      const returning = await personWithEverything('Retur');
      const colleagueId = await t.idOf('colleague');
      const colleagueEntry = await practiceEntryOf(t, colleagueId, { whatWorked: 'Mads’ egen refleksion' });
      await deactivate(leaving.id);
      await deactivate(returning.id);
      await t.handle.db
        .update(users)
        .set({ deactivatedAt: new Date('2027-01-15T10:00:00Z') })
        .where(sql`${users.id} in (${leaving.id}, ${returning.id})`);
      // Back before anything was due: the departure date is cleared with the reactivation.
      const [back] = await t.handle.db.select().from(users).where(eq(users.id, returning.id));
      expect(
        (
          await t.call('PUT', `/api/admin/users/${returning.id}/status`, {
            as: admin,
            body: { active: true, version: back!.version },
          })
        ).status,
      ).toBe(200);
      const totalsBefore = await t.handle.db.select().from(unitCompetenceTotals);

      const runAt = (at: string) =>
        createScheduler({
          db: t.handle.db,
          jobs: [personalDataRetention],
          logger: createLogger('silent'),
          now: () => new Date(at),
        }).runDue();
      const types = async () =>
        (await eventsAbout(leaving.id)).map((event) => String(event.details.dataType ?? 'anonymised'));

      expect(await runAt('2027-07-15T09:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await practiceEntries(leaving.id)).toBe(1);
      expect(await types()).toEqual([]);

      expect(await runAt('2027-07-15T10:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await practiceEntries(leaving.id)).toBe(0);
      expect(await participations(leaving.id)).toBe(1);
      expect(await ownConversations(leaving.id)).toBe(1);
      expect(await types()).toEqual(['practice']);
      const [practiceEvent] = await eventsAbout(leaving.id);
      expect(practiceEvent).toMatchObject({
        actorKind: 'system',
        actorId: null,
        purpose: 'retention',
        subjectType: 'user',
        details: {
          dataType: 'practice',
          entries: 1,
          pairings: 1,
          themeDayTasks: 1,
          themeDayParticipations: 1,
        },
      });
      expect(practiceEvent!.occurredAt.toISOString()).toBe('2027-07-15T10:00:00.000Z');

      // An hour later nothing more is due.
      expect(await runAt('2027-07-15T11:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await types()).toEqual(['practice']);

      expect(await runAt('2028-01-15T10:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await participations(leaving.id)).toBe(0);
      expect(await ownConversations(leaving.id)).toBe(1);
      expect(await types()).toEqual(['practice', 'ratings']);
      const [stillNamed] = await t.handle.db.select().from(users).where(eq(users.id, leaving.id));
      expect(stillNamed!.name).toBe(leaving.values.name);

      expect(await runAt('2029-01-15T10:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await ownConversations(leaving.id)).toBe(0);
      expect(await types()).toEqual(['practice', 'ratings', 'anonymised', 'conversations']);
      expect(await columnsContaining(t.handle.db, Object.values(leaving.values))).toEqual([]);
      expect(JSON.stringify(await eventsAbout(leaving.id))).not.toMatch(/Zyxwort|Xenia/);

      // Running again changes nothing.
      expect(await runAt('2029-01-16T10:00:00Z')).toEqual({ 'personal-data-retention': 'ran' });
      expect(await types()).toHaveLength(4);

      // The person who came back keeps everything; so do colleagues, and the unit's anonymous sums.
      expect(await practiceEntries(returning.id)).toBe(1);
      expect(await participations(returning.id)).toBe(1);
      expect(await ownConversations(returning.id)).toBe(1);
      expect(await eventsAbout(returning.id)).toEqual([]);
      expect(await practiceEntries(colleagueId)).toBeGreaterThanOrEqual(1);
      expect(
        await countRows(
          `select count(*) as n from practice_entries where id = '${colleagueEntry}'`,
          colleagueId,
        ),
      ).toBe(1);
      expect(await t.handle.db.select().from(unitCompetenceTotals)).toEqual(totalsBefore);
    });

    describe('the administrator’s routes', () => {
      it('lists the people who left with the date each kind goes, to administrators only', async () => {
        const person = await t.call('POST', '/api/admin/users', {
          as: admin,
          body: {
            name: 'Liste Person',
            email: 'liste.person@demokommune.example',
            title: null,
            roles: ['employee'],
            unitId: null,
            roleProfileKey: null,
            externalId: null,
            locale: 'da',
          },
        });
        const { id } = await person.json();
        await deactivate(id);
        await t.handle.db
          .update(users)
          .set({ deactivatedAt: new Date('2026-08-31T09:00:00Z') })
          .where(eq(users.id, id));
        const response = await t.call('GET', '/api/admin/departed', { as: admin });
        expect(response.status).toBe(200);
        const listed = (await response.json()).people.find((entry: { id: string }) => entry.id === id);
        expect(listed).toMatchObject({
          name: 'Liste Person',
          deactivatedAt: '2026-08-31T09:00:00.000Z',
          anonymisedAt: null,
          dataTypes: [
            { type: 'conversations', erasesAt: '2028-08-31T09:00:00.000Z', erasedAt: null },
            { type: 'ratings', erasesAt: '2027-08-31T09:00:00.000Z', erasedAt: null },
            { type: 'practice', erasesAt: '2027-02-28T09:00:00.000Z', erasedAt: null },
          ],
        });
        for (const person of ['hr', 'leaderSkranke', 'employee'] as const) {
          expect((await t.call('GET', '/api/admin/departed', { as: await t.login(person) })).status).toBe(
            403,
          );
        }
        const other = await t.call('GET', '/api/admin/departed', { as: await t.login('otherAdmin') });
        expect((await other.json()).people.map((entry: { id: string }) => entry.id)).not.toContain(id);

        // Anonymising keeps the records under a neutral label.
        const anonymised = await t.call('POST', `/api/admin/departed/${id}/anonymise`, { as: admin });
        expect(anonymised.status).toBe(200);
        expect(await anonymised.json()).toMatchObject({
          name: 'Tidligere medarbejder',
          anonymisedAt: clock.toISOString(),
          dataTypes: [{ erasedAt: null }, { erasedAt: null }, { erasedAt: null }],
        });
        const [event] = (await eventsAbout(id)).filter((entry) => entry.action === 'person.anonymised');
        expect(event).toMatchObject({ purpose: 'data_rights', subjectType: 'user', subjectId: id });
        expect(JSON.stringify(event)).not.toMatch(/Liste|liste\.person/);
      });

      it('records the departure date however a person is deactivated, and clears it when they come back', async () => {
        const tenant = await tenantOf();
        const person = await tenant.people.createUser({
          name: 'Dato Person',
          email: 'dato.person@demokommune.example',
        });
        const departure = async () =>
          (await t.handle.db.select().from(users).where(eq(users.id, person.id)))[0]!.deactivatedAt;
        expect(await departure()).toBeNull();
        // The statement the import runs, not the administrator's route: the database keeps the date itself.
        await t.handle.db.execute(sql`update users set active = false where id = ${person.id}`);
        const left = await departure();
        expect(left).toBeInstanceOf(Date);
        await t.handle.db.execute(sql`update users set title = 'Ny titel' where id = ${person.id}`);
        expect(await departure()).toEqual(left);
        await t.handle.db.execute(sql`update users set active = true where id = ${person.id}`);
        expect(await departure()).toBeNull();
        const created = await tenant.people.createUser({
          name: 'Inaktiv Fra Start',
          email: 'inaktiv.fra.start@demokommune.example',
          active: false,
        });
        expect(created.deactivatedAt).toBeInstanceOf(Date);
      });

      it('refuses an active person, oneself, another municipality’s person and a malformed id', async () => {
        const birtheId = await t.idOf('employee');
        const active = await t.call('POST', `/api/admin/departed/${birtheId}/erase`, { as: admin });
        expect(active.status).toBe(409);
        expect((await active.json()).error).toMatchObject({
          code: 'person_active',
          message: expect.stringMatching(/stadig aktiv/),
        });
        const english = await t.call('POST', `/api/admin/departed/${birtheId}/anonymise`, {
          as: admin,
          headers: { 'accept-language': 'en' },
        });
        expect((await english.json()).error.message).toMatch(/still active/);
        const self = await t.call('POST', `/api/admin/departed/${await t.idOf('admin')}/erase`, {
          as: admin,
        });
        expect(self.status).toBe(403);
        expect((await self.json()).error.code).toBe('erasure_of_self');
        const otherId = await t.idOf('otherEmployee');
        expect((await t.call('POST', `/api/admin/departed/${otherId}/erase`, { as: admin })).status).toBe(
          404,
        );
        expect((await t.call('POST', '/api/admin/departed/not-an-id/erase', { as: admin })).status).toBe(400);
        expect(await ownConversations(birtheId)).toBeGreaterThanOrEqual(0);
      });

      it('validates the retention periods and keeps what was saved on a refusal', async () => {
        const before = await (await t.call('GET', '/api/admin/settings', { as: admin })).json();
        for (const body of [
          { practiceRetentionMonths: 0 },
          { ratingRetentionMonths: 121 },
          { conversationRetentionMonths: 2.5 },
          { conversationRetentionMonths: 12, practiceRetentionMonths: 'seks' },
        ]) {
          const response = await t.call('PUT', '/api/admin/settings', { as: admin, body });
          expect(response.status).toBe(400);
          const { error } = await response.json();
          expect(error.code).toBe('validation_failed');
          expect(Object.keys(error.fields)).toHaveLength(1);
        }
        expect(await (await t.call('GET', '/api/admin/settings', { as: admin })).json()).toEqual(before);
        const saved = await t.call('PUT', '/api/admin/settings', {
          as: admin,
          body: { practiceRetentionMonths: 120, conversationRetentionMonths: 1 },
        });
        expect(saved.status).toBe(200);
        expect(await saved.json()).toMatchObject({
          practiceRetentionMonths: 120,
          conversationRetentionMonths: 1,
          ratingRetentionMonths: before.ratingRetentionMonths,
        });
        expect(
          (
            await t.call('PUT', '/api/admin/settings', {
              as: await t.login('hr'),
              body: { practiceRetentionMonths: 3 },
            })
          ).status,
        ).toBe(403);
        clock = new Date(clock.getTime());
      });
    });
  });
});
