/**
 * @module The team overview as leaders, administrators and everyone else notice it through the API: the matrix, the
 * figures across units with the minimum group size, the setting, and the exports with their audit entries.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competencesOf, type FrameworkDocument } from '../../src/domain/framework.ts';
import type { Profile } from '../../src/server/contracts/rounds.ts';
import type { TeamOverview, UnitAggregates } from '../../src/server/contracts/team.ts';
import { type Caller, startTestApp, type TestApp } from '../support/app.ts';
import { engineMissing, engines } from '../support/database.ts';
import { worldRound } from '../support/world.ts';

const springRound = 'Profileringsrunde forår 2026';
const skrankeNames = [
  'Ahmad Rahimi',
  'Birthe Hansen',
  'Fatima Ali',
  'Kirsten Jensen',
  'Louise Andersen',
  'Mads Pedersen',
  'Peter Nielsen',
];

describe.each(engines)('the team overview on %s', (kind) => {
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let t: TestApp;
    let anne: Caller;
    let lars: Caller;
    let jonas: Caller;
    let birthe: Caller;
    let mette: Caller;
    let camilla: Caller;
    let ole: Caller;
    let unitIdOf: (name: string) => string;
    let framework: FrameworkDocument;
    let competenceIds: string[];
    const clock = new Date('2026-12-03T08:00:00Z');

    const get = async <T>(path: string, as: Caller) => {
      const response = await t.call('GET', path, { as });
      return { status: response.status, body: (await response.json()) as T };
    };
    const overview = (unit: string, as: Caller, query = '') =>
      get<TeamOverview>(`/api/units/${unitIdOf(unit)}/team-overview${query}`, as);
    const demo = async () => {
      const login = (await t.repositories.system.findLoginByEmail('anne.kristensen@demokommune.example'))!;
      return t.repositories.forTenant(login.municipalityId);
    };

    /**
     * What the team's figures must be, worked out another way: from each person's competence profile (which reads
     * the assessments themselves, not the flattened rows), in the round the overview says is their latest.
     */
    async function expectedFigures(people: { id: string; roundName: string }[]) {
      const rated = await Promise.all(
        people.map(async (person) => {
          const { body } = await get<Profile>(`/api/profiles/${person.id}`, anne);
          return body.rounds.find((round) => round.roundName === person.roundName)!;
        }),
      );
      return competenceIds.map((competenceId) => {
        const pairs = rated.flatMap((round) => {
          const entry = round.competences.find((candidate) => candidate.competenceId === competenceId)!;
          return typeof entry.leader === 'number' && entry.target !== null
            ? [{ level: entry.leader, target: entry.target }]
            : [];
        });
        const below = pairs.filter((pair) => pair.level < pair.target).length;
        return {
          competenceId,
          ratedCount: pairs.length,
          average: Math.round((pairs.reduce((sum, pair) => sum + pair.level, 0) / pairs.length) * 10) / 10,
          shareBelow: below / pairs.length,
        };
      });
    }

    beforeAll(async () => {
      t = await startTestApp(kind, { now: () => clock });
      [anne, lars, jonas, birthe, mette, camilla, ole] = await Promise.all([
        t.login('leaderSkranke'),
        t.login('chief'),
        t.login('leaderDigital'),
        t.login('employee'),
        t.login('admin'),
        t.login('hr'),
        t.login('otherAdmin'),
      ]);
      const units = (await (await t.call('GET', '/api/units', { as: anne })).json()).units as {
        id: string;
        name: string;
      }[];
      unitIdOf = (name) => units.find((unit) => unit.name === name)!.id;
      const { frameworks } = await (await t.call('GET', '/api/frameworks', { as: anne })).json();
      framework = (await (await t.call('GET', `/api/frameworks/${frameworks[0].id}`, { as: anne })).json())
        .document;
      competenceIds = competencesOf(framework).map((competence) => competence.id);
    });
    afterAll(() => t?.close());

    describe('the matrix of one unit', () => {
      it('shows the leader each person of the unit with their latest leader-rated round, as numbers and words', async () => {
        const { status, body } = await overview('Team Skranke', anne);
        expect(status).toBe(200);
        expect(body.rows.map((row) => row.person.name).sort()).toEqual(skrankeNames);
        expect(body.includesSelf).toBe(false);
        const birtheRow = body.rows.find((row) => row.person.name === 'Birthe Hansen')!;
        // Birthe was rated again in the world's round (deadline 2099), which is then her latest.
        expect(birtheRow.round?.name).toBe(worldRound.name);
        const blindSpot = birtheRow.cells.find((cell) => cell.competenceId === worldRound.blindSpot)!;
        expect(blindSpot).toMatchObject({ leader: 2 });
        expect(blindSpot.self).toBeUndefined();
        expect(blindSpot.band).toBe(
          blindSpot.gap! > 0
            ? 'above'
            : blindSpot.gap === 0
              ? 'at'
              : blindSpot.gap === -1
                ? 'one_below'
                : 'far_below',
        );
        const madsRow = body.rows.find((row) => row.person.name === 'Mads Pedersen')!;
        expect(madsRow.round?.name).toBe(springRound);
        expect(madsRow.cells.map((cell) => cell.competenceId)).toEqual(competenceIds);
      });

      it('gives the same team figures as the people’s own profiles, and names three weakest and strongest', async () => {
        const { body } = await overview('Team Skranke', anne);
        const expected = await expectedFigures(
          body.rows.map((row) => ({ id: row.person.id, roundName: row.round!.name })),
        );
        for (const figure of expected) {
          const summary = body.summaries.find((entry) => entry.competenceId === figure.competenceId)!;
          expect(summary.ratedCount).toBe(figure.ratedCount);
          expect(summary.average).toBe(figure.average);
          expect(summary.shareBelow).toBeCloseTo(figure.shareBelow);
        }
        expect(body.weakest).toHaveLength(3);
        expect(body.strongest).toHaveLength(3);
        const gapOf = (id: string) => body.summaries.find((entry) => entry.competenceId === id)!.averageGap!;
        const weakestGap = Math.max(...body.weakest.map(gapOf));
        expect(
          body.summaries
            .filter((entry) => !body.weakest.includes(entry.competenceId))
            .every((entry) => gapOf(entry.competenceId) >= weakestGap),
        ).toBe(true);
      });

      it('adds the people’s own levels only when asked', async () => {
        const { body } = await overview('Team Skranke', anne, '?self=true');
        expect(body.includesSelf).toBe(true);
        const birtheRow = body.rows.find((row) => row.person.name === 'Birthe Hansen')!;
        expect(birtheRow.cells.find((cell) => cell.competenceId === worldRound.blindSpot)?.self).toBe(4);
        expect(birtheRow.cells.find((cell) => cell.competenceId === worldRound.hiddenStrength)?.self).toBe(1);
      });

      it('reaches the units below for a chief, never the chief themselves', async () => {
        const { status, body } = await overview('Borgerservice', lars);
        expect(status).toBe(200);
        const names = body.rows.map((row) => row.person.name);
        expect(names).toEqual(
          expect.arrayContaining([...skrankeNames, 'Susanne Rasmussen', 'Anne Kristensen']),
        );
        expect(names).not.toContain('Lars Holm Sørensen');
        // The team leaders were never rated: rows without a round or figures.
        expect(body.rows.find((row) => row.person.name === 'Anne Kristensen')?.round).toBeNull();
      });

      it.each([
        ['an employee of the unit', () => birthe, 'Team Skranke'],
        ['the leader of another unit', () => jonas, 'Team Skranke'],
        ['an administrator (who sees units only as figures)', () => mette, 'Team Skranke'],
        ['HR', () => camilla, 'Team Skranke'],
        ['another municipality’s administrator', () => ole, 'Team Skranke'],
      ])('is not found for %s', async (_name, as, unit) => {
        expect((await overview(unit, as())).status).toBe(404);
        const exported = await t.call('GET', `/api/units/${unitIdOf(unit)}/team-overview/export?format=csv`, {
          as: as(),
        });
        expect(exported.status).toBe(404);
      });
    });

    describe('figures across units', () => {
      const aggregates = (as: Caller, query = '') =>
        get<UnitAggregates>(`/api/team-overview/units${query}`, as);
      const springId = async () =>
        (await aggregates(lars)).body.rounds.find((round) => round.name === springRound)!.id;

      it('shows the chief each unit’s figures for a round, and withholds a unit of one', async () => {
        const { status, body } = await aggregates(lars);
        expect(status).toBe(200);
        // Team Telefon og Digital was also rated in the autumn of 2025 (the demo's theme day came after it).
        expect(body.rounds.map((round) => round.name)).toEqual([
          worldRound.name,
          springRound,
          'Profileringsrunde efterår 2025',
        ]);
        // The newest round rated only Birthe: Team Skranke's figures there would be hers.
        expect(body.round?.name).toBe(worldRound.name);
        const skranke = body.units.find((entry) => entry.unit.name === 'Team Skranke')!;
        expect(skranke).toMatchObject({ reportable: false, peopleCount: 0 });
        expect(
          skranke.competences.every((entry) => entry.average === null && entry.ratedCount === null),
        ).toBe(true);
        expect(JSON.stringify(body)).not.toContain('Birthe');
      });

      it('gives a round’s figures per unit, the same as the people’s profiles', async () => {
        const { body } = await aggregates(lars, `?roundId=${await springId()}`);
        expect(body.units.map((entry) => [entry.unit.name, entry.reportable, entry.peopleCount])).toEqual([
          ['Team Skranke', true, 7],
          ['Team Telefon og Digital', true, 7],
        ]);
        const { body: team } = await overview('Team Skranke', anne);
        const expected = await expectedFigures(
          team.rows.map((row) => ({ id: row.person.id, roundName: springRound })),
        );
        const skranke = body.units.find((entry) => entry.unit.name === 'Team Skranke')!;
        for (const figure of expected) {
          const entry = skranke.competences.find(
            (candidate) => candidate.competenceId === figure.competenceId,
          )!;
          expect(entry.average).toBe(figure.average);
          expect(entry.shareBelow).toBeCloseTo(figure.shareBelow);
        }
      });

      it('shows a group of 5 and withholds a group of 4 (reopened assessments leave the figures)', async () => {
        const tenant = await demo();
        const round = (await tenant.rounds.list()).find((entry) => entry.name === springRound)!;
        const { body: team } = await overview('Team Skranke', anne);
        const reopened: { subjectId: string; version: number }[] = [];
        const reopen = async (name: string) => {
          const subjectId = team.rows.find((row) => row.person.name === name)!.person.id;
          const row = (await tenant.rounds.findAssessment(round.id, subjectId, 'leader'))!;
          const draft = await tenant.rounds.reopen(row, 'Testen tager den tilbage', row.raterId, clock);
          reopened.push({ subjectId, version: draft.version });
        };
        try {
          await reopen('Ahmad Rahimi');
          await reopen('Fatima Ali');
          const five = (await aggregates(lars, `?roundId=${round.id}`)).body.units.find(
            (entry) => entry.unit.name === 'Team Skranke',
          )!;
          expect(five).toMatchObject({ reportable: true, peopleCount: 5 });
          const expected = await expectedFigures(
            team.rows
              .filter((row) => !['Ahmad Rahimi', 'Fatima Ali'].includes(row.person.name))
              .map((row) => ({ id: row.person.id, roundName: springRound })),
          );
          expect(five.competences.map((entry) => entry.average)).toEqual(
            expected.map((entry) => entry.average),
          );

          await reopen('Kirsten Jensen');
          const four = (await aggregates(mette, `?roundId=${round.id}`)).body.units.find(
            (entry) => entry.unit.name === 'Team Skranke',
          )!;
          expect(four).toMatchObject({ reportable: false, peopleCount: 0 });
          expect(four.competences.every((entry) => entry.average === null && entry.shareBelow === null)).toBe(
            true,
          );
        } finally {
          for (const { subjectId, version } of reopened) {
            const row = (await tenant.rounds.findAssessment(round.id, subjectId, 'leader'))!;
            await tenant.rounds.submit({
              roundId: round.id,
              subjectId,
              raterRole: 'leader',
              raterId: row.raterId,
              expectedVersion: version,
              now: clock,
            });
          }
        }
        const restored = (await aggregates(lars, `?roundId=${round.id}`)).body.units.find(
          (entry) => entry.unit.name === 'Team Skranke',
        )!;
        expect(restored.peopleCount).toBe(7);
      });

      it('shows a team leader only their own unit, and an administrator every unit', async () => {
        const spring = await springId();
        const own = (await aggregates(anne, `?roundId=${spring}`)).body;
        expect(own.units.map((entry) => entry.unit.name)).toEqual(['Team Skranke']);
        const all = (await aggregates(mette, `?roundId=${spring}`)).body;
        expect(all.units.map((entry) => entry.unit.name)).toEqual([
          'Team Skranke',
          'Team Telefon og Digital',
        ]);
      });

      it('refuses employees and HR, and shows another municipality nothing of this one', async () => {
        expect((await aggregates(birthe)).status).toBe(403);
        expect((await aggregates(camilla)).status).toBe(403);
        const other = await aggregates(ole);
        expect(other.status).toBe(200);
        expect(other.body).toMatchObject({ round: null, rounds: [], units: [] });
        expect((await aggregates(ole, `?roundId=${await springId()}`)).status).toBe(404);
      });

      it('follows the minimum group size the administrator sets, from 3 to 50', async () => {
        const put = (minGroupSize: unknown) =>
          t.call('PUT', '/api/admin/settings', { as: mette, body: { minGroupSize } });
        for (const [value, message] of [
          [2, 'Skal være mindst 3.'],
          [51, 'Må højst være 50.'],
          [4.5, 'Skriv et helt tal.'],
        ] as const) {
          const refused = await put(value);
          expect(refused.status).toBe(400);
          expect((await refused.json()).error.fields.minGroupSize).toBe(message);
        }
        const saved = await put(8);
        expect(saved.status).toBe(200);
        expect(await saved.json()).toMatchObject({ minGroupSize: 8, hrSeesRounds: false });
        try {
          const { body } = await aggregates(lars, `?roundId=${await springId()}`);
          expect(body.minGroupSize).toBe(8);
          expect(body.units.every((entry) => !entry.reportable)).toBe(true);
          expect(
            (await t.call('PUT', '/api/admin/settings', { as: anne, body: { minGroupSize: 3 } })).status,
          ).toBe(403);
        } finally {
          expect((await put(5)).status).toBe(200);
        }
        expect((await get<{ minGroupSize: number }>('/api/admin/settings', mette)).body.minGroupSize).toBe(5);
      });
    });

    describe('exports', () => {
      const exportOf = (as: Caller, query: string) =>
        t.call('GET', `/api/units/${unitIdOf('Team Skranke')}/team-overview/export?${query}`, { as });
      const exportEvents = async () =>
        (await (await demo()).audit.search({ actionPrefix: 'team_matrix.exported' })).length;

      it('gives CSV with semicolons, a BOM and decimal commas, only the unit’s people, and records it', async () => {
        const before = await exportEvents();
        const response = await exportOf(anne, 'format=csv');
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(response.headers.get('content-disposition')).toMatch(
          /^attachment; filename="teamoverblik-team-skranke-2026-12-03\.csv"$/,
        );
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
        const header = lines[0]!.split(';');
        expect(header.slice(0, 3)).toEqual(['Navn', 'Enhed', 'Runde']);
        expect(header).toContain('Spørgeteknik (leder)');
        expect(header.some((cell) => cell.endsWith('(selv)'))).toBe(false);
        const people = lines.slice(1, -3).map((line) => line.split(';')[0]);
        expect(people.sort()).toEqual(skrankeNames);
        const { body } = await overview('Team Skranke', anne);
        const averages = lines.at(-3)!.split(';');
        expect(averages[0]).toBe('Teamets gennemsnit');
        const column = header.indexOf(`${framework.areas[0]!.competences[0]!.name.da} (leder)`);
        expect(averages[column]).toBe(String(body.summaries[0]!.average).replace('.', ','));
        expect(await exportEvents()).toBe(before + 1);
        const [event] = await (await demo()).audit.search({ actionPrefix: 'team_matrix.exported', limit: 1 });
        expect(event).toMatchObject({
          action: 'team_matrix.exported',
          purpose: 'export',
          actorId: await t.idOf('leaderSkranke'),
          subjectType: 'unit',
          subjectId: unitIdOf('Team Skranke'),
          details: {
            format: 'csv',
            unitId: unitIdOf('Team Skranke'),
            rows: 7,
            includesSelf: false,
            areaId: null,
          },
        });
      });

      it('adds own levels and narrows to one area only when asked', async () => {
        const areaId = framework.areas[1]!.id;
        const response = await exportOf(anne, `format=csv&self=true&areaId=${areaId}&lang=en`);
        const [headerLine] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
        const header = headerLine!.split(';');
        expect(header.slice(0, 3)).toEqual(['Name', 'Unit', 'Round']);
        const names = framework.areas[1]!.competences.map((competence) => competence.name.en);
        expect(header.slice(3, -1)).toEqual(
          names.flatMap((name) => [`${name} (leader)`, `${name} (target)`, `${name} (self)`]),
        );
        expect((await exportOf(anne, 'format=csv&areaId=no-such-area')).status).toBe(404);
      });

      it('gives XLSX that opens with the same numbers, coloured and explained in words', async () => {
        const response = await exportOf(anne, 'format=xlsx');
        expect(response.status).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Leders vurdering', 'Målniveau']);
        const sheet = workbook.getWorksheet('Leders vurdering')!;
        const header = (sheet.getRow(5).values as unknown[]).slice(1);
        const { body } = await overview('Team Skranke', anne);
        const column = header.indexOf(framework.areas[0]!.competences[0]!.name.da) + 1;
        const birthe = body.rows.find((row) => row.person.name === 'Birthe Hansen')!;
        let birtheRow = 0;
        sheet.eachRow((row, number) => {
          if (row.getCell(1).value === 'Birthe Hansen') birtheRow = number;
        });
        expect(sheet.getRow(birtheRow).getCell(column).value).toBe(birthe.cells[0]!.leader);
        expect(sheet.getRow(birtheRow).getCell(3).value).toBe(worldRound.name);
        let averageRow = 0;
        sheet.eachRow((row, number) => {
          if (row.getCell(1).value === 'Teamets gennemsnit') averageRow = number;
        });
        expect(sheet.getRow(averageRow).getCell(column).value).toBe(body.summaries[0]!.average);
        const texts: unknown[] = [];
        sheet.eachRow((row) => texts.push(row.getCell(4).value));
        expect(texts).toEqual(expect.arrayContaining(['Over målet', 'På målet', 'Ét niveau under målet']));
      });

      it('records nothing when the export is refused', async () => {
        const before = await exportEvents();
        expect((await exportOf(birthe, 'format=xlsx')).status).toBe(404);
        expect((await exportOf(anne, 'format=pdf')).status).toBe(400);
        expect(await exportEvents()).toBe(before);
      });
    });
  });
});
