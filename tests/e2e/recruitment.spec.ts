/**
 * @module Recruitment end to end: Camilla (HR) creates a position with a panel, prints and downloads the guide, adds two
 * candidates; one candidate fills in the self-assessment through the link in a browser of their own; Anne and Jonas
 * score independently (Jonas cannot see Anne's scores before he submits); Jonas records the consolidated score;
 * Camilla compares, decides and hires.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';
import { hrAccount, otherLeader } from './recruitment-helpers.ts';
import { uniqueRoundName } from './rounds-helpers.ts';

const focus = ['Spørgeteknik', 'Medbetjening', 'Digital vejledning og motivation', 'Kulturel åbenhed'];
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Scores every focus competence on the candidate page: a level by its place (1–4) and a justification. */
async function score(page: Page, levels: Record<string, number>, justification: (name: string) => string) {
  const form = page.getByRole('form', { name: 'Din bedømmelse' });
  for (const name of focus) {
    const group = form.getByRole('group', { name, exact: true });
    await group
      .getByRole('radio')
      .nth((levels[name] ?? 3) - 1)
      .check();
    await group.getByLabel('Begrundelse').fill(justification(name));
  }
  await form.getByRole('button', { name: 'Indsend bedømmelse' }).click();
  await expect(page.getByText('Du indsendte din bedømmelse', { exact: false })).toBeVisible();
}

test('a position from set-up to hire: guide, candidate link, blind scoring, consolidation, comparison', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const title = uniqueRoundName('Specialist i borgerbetjening');
  const [first, second] = ['Ida Ærenlund', 'Otto Ørsted'];
  const anneSecret = `Anne fortalte om ${title}`;

  // Camilla creates the position; the form first says what is missing.
  await logIn(page, hrAccount.email);
  await useDanish(page);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Rekruttering' })
    .click();
  await expect(pageHeading(page)).toHaveText('Rekruttering');
  await page.getByRole('link', { name: 'Opret stilling' }).click();
  await expect(pageHeading(page)).toHaveText('Opret stilling');
  await settled(page);
  await page.getByRole('button', { name: 'Opret stillingen' }).click();
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Der er 3 fejl' })).toBeVisible();
  await page.getByLabel('Stillingsbetegnelse').fill(title);
  await page.getByLabel('Enhed', { exact: true }).selectOption({ label: 'Team Skranke' });
  for (const name of focus) await page.getByRole('checkbox', { name, exact: true }).check();
  await expect(page.getByText('Du har valgt 4 af højst 8.')).toBeVisible();
  await page.getByLabel('Mål for Spørgeteknik').selectOption('3');
  for (const person of [accounts.leader.name, otherLeader.name]) {
    await page.getByLabel('Find en person').fill(person.split(' ')[0]!);
    await page.getByRole('checkbox', { name: new RegExp(`^${person}`) }).check();
  }
  await page.getByRole('button', { name: 'Opret stillingen' }).click();
  await expect(pageHeading(page)).toHaveText(title);
  await expect(page.getByText('Stillingen er oprettet som kladde', { exact: false })).toBeVisible();
  const positionUrl = page.url();
  await expect(section(page, 'Om stillingen')).toContainText('Spørgeteknik: mål 3 (Behersker)');

  // The guide: an own question added and saved, printed without the editor, and downloaded as PDF.
  await page.getByRole('link', { name: 'Samtaleguide', exact: true }).click();
  await expect(pageHeading(page)).toHaveText('Samtaleguide');
  await settled(page);
  const own = 'Hvad har du hørt om arbejdet i Borgerservice, og hvad glæder du dig til?';
  await page.getByLabel('Spørgsmål', { exact: true }).fill(own);
  await page.getByRole('button', { name: 'Tilføj spørgsmålet' }).click();
  await page.getByRole('button', { name: 'Gem guiden' }).click();
  await expect(page.getByText('Samtaleguiden er gemt.')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Gem guiden' })).toBeHidden();
  await expect(page.locator('.print-only').getByText(own)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent samtaleguiden som PDF' }).click();
  const { text: pdf } = await pdfText(readFileSync((await (await download).path())!));
  expect(pdf).toContain(`Samtaleguide: ${title}`);
  expect(pdf).toContain(own);

  // Advertise, and add two candidates.
  await page.goto(positionUrl);
  await settled(page);
  await page.getByRole('button', { name: 'Slå stillingen op' }).click();
  await expect(page.getByText('Stillingen er slået op.')).toBeVisible();
  const candidates = section(page, 'Kandidater');
  for (const name of [first, second]) {
    await candidates.getByLabel('Navn').fill(name);
    await candidates.getByLabel('E-mailadresse').fill(`${name.split(' ')[0]!.toLowerCase()}@privat.example`);
    await candidates.getByRole('button', { name: 'Tilføj kandidaten' }).click();
    await expect(candidates.getByText(`${name} er tilføjet.`)).toBeVisible();
  }
  await expect(candidates.getByRole('table')).toContainText(second);

  // The first candidate's link, shown once.
  await candidates.getByRole('link', { name: first }).click();
  await expect(pageHeading(page)).toHaveText(first);
  const candidateUrl = page.url();
  await page.getByRole('button', { name: 'Lav linket' }).click();
  await expect(page.getByText(`Linket er lavet og lagt i udbakken til`, { exact: false })).toBeVisible();
  const link = await page.getByLabel('Kandidatens personlige link').inputValue();
  expect(link).toMatch(/\/ansoeger#[A-Za-z0-9_-]{43}$/);

  // The candidate, in a browser of their own and without an account, fills in the self-assessment once.
  const candidateContext = await browser.newContext({ locale: 'da-DK' });
  const candidatePage = await candidateContext.newPage();
  await candidatePage.goto(link);
  await expect(pageHeading(candidatePage)).toHaveText('Selvevaluering');
  await expect(candidatePage.getByText(`Hej ${first}.`, { exact: false })).toBeVisible();
  await candidatePage.getByRole('button', { name: 'Send selvevaluering' }).click();
  await expect(
    candidatePage.getByRole('alert').getByRole('heading', { name: 'Der er 4 fejl' }),
  ).toBeVisible();
  for (const [index, name] of focus.entries()) {
    await candidatePage
      .getByRole('group', { name, exact: true })
      .getByRole('radio')
      .nth(index % 4)
      .check();
  }
  await candidatePage.getByRole('button', { name: 'Send selvevaluering' }).click();
  await expect(candidatePage.getByText('Tak – din selvevaluering er sendt')).toBeVisible();
  await candidatePage.reload();
  await expect(
    candidatePage.getByText('Linket er brugt: din selvevaluering blev sendt', { exact: false }),
  ).toBeVisible();
  await candidateContext.close();

  await page.reload();
  await expect(section(page, 'Kandidatens selvevaluering')).toContainText(
    'Kandidaten sendte sin selvevaluering',
  );
  await page.goto(positionUrl);
  await settled(page);
  await page.getByRole('button', { name: 'Start samtalerne' }).click();
  await expect(page.getByText('Samtalerne er startet.', { exact: false })).toBeVisible();
  await logOut(page);

  // Anne finds the task and scores on her own.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.getByRole('link', { name: `Bedøm ${first} til stillingen som ${title}` }).click();
  await expect(pageHeading(page)).toHaveText(first);
  await expect(
    page.getByText('Du kan ikke se de andre i panelets bedømmelser', { exact: false }),
  ).toBeVisible();
  await score(page, {}, (name) => `${anneSecret}: ${name}`);
  await expect(section(page, 'Panelets bedømmelser')).toContainText(`${otherLeader.name}: Ikke bedømt`);
  await logOut(page);

  // Jonas sees that Anne has submitted, but not what she gave, until he has submitted himself.
  await logIn(page, otherLeader.email);
  await useDanish(page);
  await page.goto(candidateUrl);
  await settled(page);
  const panel = section(page, 'Panelets bedømmelser');
  await expect(panel).toContainText(`${accounts.leader.name}: Indsendt`);
  await expect(panel).toContainText('De andres bedømmelser vises her, når du har indsendt din egen.');
  await expect(page.locator('main')).not.toContainText(anneSecret);
  await expect(panel.getByRole('table')).toHaveCount(0);
  await score(page, { Spørgeteknik: 1 }, (name) => `Jonas om ${name}`);
  await expect(panel.getByRole('table')).toBeVisible();
  await expect(panel.getByRole('row', { name: /Spørgeteknik/ })).toContainText('Uenighed: tal om det');
  await panel.getByText(`Begrundelser fra ${accounts.leader.name}`).click();
  await expect(panel).toContainText(`${anneSecret}: Spørgeteknik`);

  // The consolidated score: a note where the panel disagreed.
  const consolidation = section(page, 'Samlet vurdering');
  await consolidation.getByLabel('Fælles niveau for Spørgeteknik').selectOption('2');
  await consolidation.getByRole('button', { name: 'Gem den samlede vurdering' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /Spørgeteknik/ })).toBeVisible();
  await consolidation
    .getByLabel('Note om Spørgeteknik')
    .fill('Eksemplet med den vrede borger talte for niveau 2.');
  await consolidation.getByRole('button', { name: 'Gem den samlede vurdering' }).click();
  await expect(page.getByText('Den samlede vurdering er gemt.')).toBeVisible();
  await logOut(page);

  // Camilla compares, decides and hires.
  await logIn(page, hrAccount.email);
  await useDanish(page);
  await page.goto(positionUrl);
  await settled(page);
  await page.getByRole('link', { name: 'Sammenlign kandidaterne' }).click();
  await expect(pageHeading(page)).toHaveText('Sammenlign kandidaterne');
  await settled(page);
  await expect(
    page.getByRole('img', { name: 'Radardiagram: samlet vurdering pr. fokuskompetence' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Samlet vurdering pr. fokuskompetence og målet' }),
  ).toContainText(first);
  const scores = page.getByRole('table', { name: '2 kandidater' });
  await expect(scores.getByRole('row').nth(2)).toContainText(second);
  await scores.getByRole('button', { name: /^Kandidat/ }).click();
  await expect(scores.getByRole('columnheader', { name: /^Kandidat/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(scores.getByRole('row').nth(1)).toContainText(second);
  await page.getByRole('radio', { name: first }).check();
  await page
    .getByLabel('Begrundelse')
    .fill('Konkrete eksempler på medbetjening og en rolig tilgang til vrede borgere.');
  await page.getByRole('button', { name: 'Gem beslutningen' }).click();
  await expect(page.getByText(`Valgt: ${first}`)).toBeVisible();
  await page.getByRole('link', { name: `Ansæt ${first}` }).click();
  await expect(pageHeading(page)).toHaveText(first);
  const hire = section(page, 'Ansættelse');
  await hire.getByLabel('Enhed').selectOption({ label: 'Team Skranke' });
  await hire.getByLabel('Arbejds-e-mail').fill(`ida.${Date.now()}@demokommune.example`);
  await hire.getByRole('button', { name: `Ansæt ${first}` }).click();
  await expect(page.getByRole('alert').getByText('Bekræft, at kandidaten har givet samtykke.')).toBeVisible();
  await hire.getByRole('checkbox', { name: new RegExp(`^${first} har givet samtykke`) }).check();
  await hire.getByRole('button', { name: `Ansæt ${first}` }).click();
  await expect(section(page, 'Om kandidaten')).toContainText(`Samtykke bekræftet af ${hrAccount.name}`);
});
