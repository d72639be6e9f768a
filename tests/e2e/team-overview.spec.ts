/**
 * @module The team overview end to end: Anne opens her team's matrix, exports it as XLSX (the file opens with exceljs
 * and holds the numbers on the screen), and plans a theme day from the weakest competences it suggests.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { TeamOverview } from '../../src/server/contracts/team.ts';
import { uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, pageHeading, settled, test, useDanish } from './fixtures.ts';
import { daysFromNow, shippedFramework } from './rounds-helpers.ts';

test('a leader reads the team overview, exports it, and plans a theme day from its gaps', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Teamoverblik' })
    .click();
  await expect(pageHeading(page)).toHaveText('Teamoverblik');
  await settled(page);

  const matrix = page.getByRole('table', {
    name: /Lederens vurdering pr\. medarbejder og kompetence i Team Skranke/,
  });
  await expect(matrix).toBeVisible();
  const overview = (await (
    await page.request.get(`/api/units/${await skrankeId(page)}/team-overview`)
  ).json()) as TeamOverview;
  const framework = await shippedFramework(page);
  const firstCompetence = framework.document.areas[0]!.competences[0]!;
  const birthe = overview.rows.find((row) => row.person.name === accounts.employee.name)!;
  const level = birthe.cells[0]!.leader as number;
  // The cell says the number and, in words for a screen reader, the distance to target.
  const birtheRow = matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(accounts.employee.name) }) });
  await expect(birtheRow.getByRole('cell').first()).toContainText(String(level));
  await expect(birtheRow.getByRole('cell').first()).toContainText(
    {
      above: 'Over målet',
      at: 'På målet',
      one_below: 'Ét niveau under målet',
      far_below: 'To eller flere niveauer under målet',
      unrated: 'Ikke vurderet',
    }[birthe.cells[0]!.band],
  );
  const weakestNames = overview.weakest.map(
    (id) =>
      framework.document.areas.flatMap((area) => area.competences).find((competence) => competence.id === id)!
        .name.da,
  );
  const weakest = page.getByRole('region', { name: 'Teamets tre svageste kompetencer' });
  for (const name of weakestNames) await expect(weakest).toContainText(name);

  // Filter by area and sort: only that area's competences remain as columns.
  await page.getByLabel('Kompetenceområde').selectOption({ label: framework.document.areas[1]!.name.da });
  await expect(matrix.getByRole('columnheader', { name: firstCompetence.name.da, exact: true })).toHaveCount(
    0,
  );
  await page.getByLabel('Kompetenceområde').selectOption({ label: 'Alle områder' });
  await expect(
    matrix.getByRole('columnheader', { name: firstCompetence.name.da, exact: true }),
  ).toBeVisible();

  // The XLSX holds what the screen shows.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent som Excel-fil (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^teamoverblik-team-skranke-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile((await download.path())!);
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet('Leders vurdering')!;
  const header = (sheet.getRow(5).values as unknown[]).slice(1);
  const column = header.indexOf(firstCompetence.name.da) + 1;
  const rowOf = (name: string) => {
    let found = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === name) found = number;
    });
    return sheet.getRow(found);
  };
  expect(rowOf(accounts.employee.name).getCell(column).value).toBe(level);
  expect(rowOf('Teamets gennemsnit').getCell(column).value).toBe(overview.summaries[0]!.average);
  // One row per person under the header, also for someone without a round yet; an empty row ends them.
  const people: unknown[] = [];
  for (let number = 6; sheet.getRow(number).getCell(1).value; number += 1) {
    people.push(sheet.getRow(number).getCell(1).value);
  }
  expect(people.sort()).toEqual(overview.rows.map((row) => row.person.name).sort());

  // A theme day from the suggestion: the weakest competences are the focus, the agenda comes from the bank.
  await page.getByRole('link', { name: 'Planlæg en temadag om de svageste kompetencer' }).click();
  await expect(pageHeading(page)).toHaveText('Planlæg temadag');
  await settled(page);
  for (const name of weakestNames) {
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${name}`) })).toBeChecked();
  }
  await expect(page.getByRole('checkbox', { name: accounts.employee.name })).toBeChecked();
  await page.getByRole('button', { name: 'Planlæg temadagen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Giv temadagen en titel.' })).toBeVisible();
  await summary.getByRole('link', { name: 'Giv temadagen en titel.' }).click();
  await expect(page.getByLabel('Titel')).toBeFocused();

  const title = uniquePlace('Temadag om spørgsmål');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Dato', { exact: true }).fill(daysFromNow(14));
  await page.getByLabel('Sted', { exact: true }).fill('Byrådssalen');
  const agenda = page.locator('#plan-agenda');
  const items = agenda.getByRole('listitem');
  const suggested = await items.count();
  expect(suggested).toBeGreaterThanOrEqual(3);
  // Move the second exercise to the top with the keyboard's buttons, and add a welcome of our own.
  const second = (await items.nth(1).getByRole('heading').textContent())?.replace(/^\S+\s+/, '') ?? '';
  await items
    .nth(1)
    .getByRole('button', { name: /^Flyt op/ })
    .click();
  await expect(items.first().getByRole('heading')).toContainText(second);
  await page.getByLabel('Overskrift').fill('Velkomst');
  await page.getByLabel('Minutter', { exact: true }).fill('15');
  await page.getByRole('button', { name: 'Tilføj punktet' }).click();
  await expect(items).toHaveCount(suggested + 1);
  await page.getByRole('button', { name: 'Planlæg temadagen' }).click();

  await expect(pageHeading(page)).toHaveText(title);
  await expect(page.getByText('Temadagen er planlagt.', { exact: false })).toBeVisible();
  const agendaSection = page.getByRole('region', { name: 'Dagsorden' });
  await expect(agendaSection.getByRole('heading', { level: 3 }).first()).toContainText(second);
  await expect(agendaSection.getByRole('heading', { level: 3 }).last()).toContainText('Velkomst');
  for (const name of weakestNames) await expect(page.getByText(name).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Opgaver efter dagen' })).toContainText(
    'Når dagen er afholdt, kan du give hver deltager en opgave',
  );
});

async function skrankeId(page: import('@playwright/test').Page): Promise<string> {
  const units = (await (await page.request.get('/api/units')).json()) as {
    units: { id: string; name: string }[];
  };
  return units.units.find((unit) => unit.name === 'Team Skranke')!.id;
}
