/** @module The audit log through the API: what gets recorded, what administrators find, what a person is told. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventView, AuditPage, MyLookups } from '../../src/server/contracts/audit.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { heldConversation } from '../support/conversations.ts';
import { worldRound } from '../support/world.ts';

describe('audit log', () => {
  let t: TestApp;
  let admin: Caller;
  let birtheId: string;
  let anneId: string;

  const search = async (query = '', as = admin) => {
    const response = await t.call('GET', `/api/admin/audit${query}`, { as });
    expect(response.status).toBe(200);
    return (await response.json()) as AuditPage;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    birtheId = await t.idOf('employee');
    anneId = await t.idOf('leaderSkranke');
  });
  afterAll(() => t.close());

  it("records a leader's read of an employee's profile, and not the employee's read of their own", async () => {
    const anne = await t.login('leaderSkranke');
    const birthe = await t.login('employee');
    expect((await t.call('GET', `/api/profiles/${birtheId}`, { as: anne })).status).toBe(200);
    expect((await t.call('GET', `/api/profiles/${birtheId}`, { as: birthe })).status).toBe(200);

    const { events } = await search(`?personId=${birtheId}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: { kind: 'user', id: anneId, name: 'Anne Kristensen' },
      action: 'profile.read',
      subjectPerson: { id: birtheId, name: 'Birthe Hansen' },
      purpose: 'personnel_management',
    } satisfies Partial<AuditEventView>);
  });

  it('tells the person when and why their data was looked up, without naming who', async () => {
    const birthe = await t.login('employee');
    const { lookups } = (await (await t.call('GET', '/api/me/lookups', { as: birthe })).json()) as MyLookups;
    expect(lookups).toEqual([
      {
        id: expect.any(String),
        occurredAt: expect.any(String),
        action: 'profile.read',
        subjectType: 'profile',
        purpose: 'personnel_management',
      },
    ]);
    const mads = await t.login('colleague');
    expect(
      ((await (await t.call('GET', '/api/me/lookups', { as: mads })).json()) as MyLookups).lookups,
    ).toEqual([]);
  });

  it('filters by action prefix, by day in the municipality’s time zone, and pages newest first', async () => {
    const demo = t.repositories.forTenant(
      (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
    );
    const event = (action: string) => ({
      actorKind: 'system' as const,
      actorId: null,
      action,
      subjectType: 'candidate',
      subjectId: null,
      subjectPersonId: null,
      purpose: 'retention' as const,
      details: { candidates: 2 },
    });
    // 23:30 in Copenhagen on 1 March is still 1 March there, though it is 22:30 UTC.
    await demo.audit.record(event('candidate.deleted'), { at: new Date('2026-03-01T22:30:00Z') });
    await demo.audit.record(event('candidate.deleted'), { at: new Date('2026-03-01T23:30:00Z') });
    await demo.audit.record(event('candidate.link_expired'), { at: new Date('2026-03-03T09:00:00Z') });

    expect((await search('?action=candidate.')).events).toHaveLength(3);
    expect((await search('?action=candidate.deleted')).events).toHaveLength(2);
    const firstOfMarch = await search('?from=2026-03-01&to=2026-03-01');
    expect(firstOfMarch.events.map((row) => row.occurredAt)).toEqual(['2026-03-01T22:30:00.000Z']);
    expect(firstOfMarch.events[0]?.actor).toEqual({ kind: 'system', id: null, name: null });

    const first = await search('?action=candidate.&limit=2');
    expect(first.events.map((row) => row.action)).toEqual(['candidate.link_expired', 'candidate.deleted']);
    expect(first.nextBefore).toBe('2026-03-01T23:30:00.000Z');
    const second = await search(`?action=candidate.&limit=2&before=${encodeURIComponent(first.nextBefore!)}`);
    expect(second.events.map((row) => row.occurredAt)).toEqual(['2026-03-01T22:30:00.000Z']);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses a period that ends before it starts, with a message by the field', async () => {
    const response = await t.call('GET', '/api/admin/audit?from=2026-03-02&to=2026-03-01', {
      as: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.to).toMatch(/end date/);
  });

  it('exports CSV for Danish Excel, and records the export itself', async () => {
    const response = await t.call('GET', `/api/admin/audit.csv?personId=${birtheId}`, { as: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="revisionslog-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { delimiter: ';' }) as string[][];
    expect(rows[0]?.[0]).toBe('Tidspunkt');
    expect(rows.slice(1).map((row) => [row[1], row[2], row[5]])).toEqual([
      ['Anne Kristensen', 'profile.read', 'Birthe Hansen'],
    ]);
    const { events } = await search('?action=audit_log.exported');
    expect(events[0]).toMatchObject({
      actor: { name: 'Mette Lund' },
      subjectPerson: { id: birtheId },
      purpose: 'export',
      details: { format: 'csv', rows: 1 },
    });
  });

  it("shows another municipality's administrator none of Demo Kommune's events", async () => {
    const other = await t.login('otherAdmin');
    const { events } = await search('', other);
    expect(events.filter((event) => event.subjectPerson?.id === birtheId)).toEqual([]);
    expect((await search(`?personId=${birtheId}`, other)).events).toEqual([]);
  });
  it("records a leader's reads of an employee's conversation, plan and row in the team overview", async () => {
    const anne = await t.login('leaderSkranke');
    const held = await heldConversation(t, birtheId);
    expect((await t.call('GET', `/api/conversations/${held.conversationId}`, { as: anne })).status).toBe(200);
    expect((await t.call('GET', `/api/plans/${birtheId}`, { as: anne })).status).toBe(200);
    const { unitId } = (await t.repositories
      .forTenant((await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id)
      .people.findUser(birtheId))!;
    const overview = await t.call('GET', `/api/units/${unitId}/team-overview`, { as: anne });
    expect(overview.status).toBe(200);
    const { rows } = (await overview.json()) as { rows: { person: { id: string } }[] };

    const ofBirthe = (await search(`?personId=${birtheId}&limit=500`)).events.map((event) => event.action);
    expect(ofBirthe).toEqual(expect.arrayContaining(['conversation.read', 'plan.read', 'team_matrix.read']));
    // One entry per person in the matrix, each about that person only.
    const matrixReads = (await search('?action=team_matrix.read&limit=500')).events;
    expect(matrixReads.map((event) => event.subjectPerson?.id).sort()).toEqual(
      rows.map((row) => row.person.id).sort(),
    );
    // The employee reading her own conversation adds nothing.
    const birthe = await t.login('employee');
    const before = ofBirthe.length;
    await t.call('GET', `/api/conversations/${held.conversationId}`, { as: birthe });
    expect((await search(`?personId=${birtheId}&limit=500`)).events).toHaveLength(before);
  });

  it("records a leader's reopening and submitting of an employee's assessment, and the conversation PDF's download", async () => {
    const anne = await t.login('leaderSkranke');
    const demo = t.repositories.forTenant(
      (await t.repositories.system.findMunicipalityBySlug('demo-kommune'))!.id,
    );
    const round = (await demo.rounds.list()).find((candidate) => candidate.name === worldRound.name)!;
    const path = `/api/rounds/${round.id}/assessments/${birtheId}/leader`;
    const reopened = await t.call('POST', `${path}/reopen`, {
      as: anne,
      body: { reason: 'Ret en vurdering' },
    });
    expect(reopened.status).toBe(200);
    const { version } = (await reopened.json()) as { version: number };
    expect((await t.call('POST', `${path}/submit`, { as: anne, body: { version } })).status).toBe(200);

    const held = await heldConversation(t, birtheId);
    const pdf = await t.call('GET', `/api/conversations/${held.conversationId}/summary.pdf`, { as: anne });
    expect(pdf.status).toBe(200);

    const events = (await search(`?personId=${birtheId}&limit=500`)).events;
    const about = (action: string) => events.filter((event) => event.action === action);
    expect(about('assessment.reopened')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: anneId }),
        purpose: 'personnel_management',
      }),
    ]);
    expect(about('assessment.submitted')).toEqual([
      expect.objectContaining({ details: { rater: 'leader' }, purpose: 'personnel_management' }),
    ]);
    expect(about('conversation.exported')).toEqual([
      expect.objectContaining({ subjectId: held.conversationId, purpose: 'export' }),
    ]);
    // The levels themselves never reach the log.
    expect(JSON.stringify(about('assessment.submitted'))).not.toMatch(/"level"/);
  });
});
