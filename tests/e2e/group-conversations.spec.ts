/**
 * @module A group MUS end to end: Anne schedules one with Team Skranke, starts it, agrees a team goal with an action for
 * Birthe and closes it; Birthe reads the team goal; Anne then schedules Birthe's individual follow-up, whose agenda
 * starts with that team goal.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';
import { daysFromNow } from './rounds-helpers.ts';

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function fillWhenAndWhere(page: Page, place: string, days: number): Promise<void> {
  await page.getByLabel('Dato', { exact: true }).fill(daysFromNow(days));
  await page.getByLabel('Tidspunkt', { exact: true }).fill('13:00');
  await page.getByLabel('Sted', { exact: true }).fill(place);
}

test('a group MUS from scheduling to a closed record with team goals, and an individual follow-up', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const place = uniquePlace('Kantinen');
  const goalTitle = `Borgeren betjener selv tastaturet ${place}`;
  const action = 'Vis de andre, hvordan du sidder ved siden af borgeren.';

  // Anne schedules the group MUS; an empty form first says what is missing.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto('/samtaler');
  await settled(page);
  await page.getByRole('link', { name: 'Planlæg gruppe-MUS' }).click();
  await expect(pageHeading(page)).toHaveText('Planlæg gruppe-MUS');
  await settled(page);
  await expect(page.getByLabel('Enhed')).toHaveValue(/.+/);
  await expect(page.getByRole('checkbox', { name: accounts.employee.name })).toBeChecked();
  await page.getByRole('button', { name: 'Planlæg gruppesamtalen' }).click();
  await expect(page.getByRole('alert').getByRole('heading', { name: 'Der er 3 fejl' })).toBeVisible();
  await expectNoAxeViolations(page, 'schedule a group MUS with errors');
  await fillWhenAndWhere(page, place, 10);
  await page.getByRole('button', { name: 'Planlæg gruppesamtalen' }).click();
  await expect(pageHeading(page)).toHaveText('Gruppe-MUS med Team Skranke');
  await expect(page.getByText(/^Gruppesamtalen er planlagt\./)).toBeVisible();
  const groupUrl = page.url();
  await settled(page);
  // The guide speaks of the team in counts only.
  const agenda = section(page, 'Samtaleguide og dagsorden');
  await expect(agenda.getByText(/\d+ af \d+ er under målet/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'group MUS, scheduled');

  // The meeting: Anne starts it, writes a note and agrees a team goal with an action for Birthe.
  await page.getByRole('button', { name: 'Start gruppesamtalen' }).click();
  await expect(page.getByText(/^Gruppesamtalen er startet\./)).toBeVisible();
  const notes = section(page, 'Noter');
  await notes
    .getByLabel(/^Dine noter: /)
    .first()
    .fill('Teamet er stolt af MitID-dagene.');
  await notes.getByRole('button', { name: 'Gem noter' }).click();
  await expect(page.getByText(/^Dine noter er gemt kl\./)).toBeVisible();
  const plan = section(page, 'Teammål');
  await plan.getByRole('button', { name: 'Tilføj mål' }).click();
  await plan.getByLabel('Mål', { exact: true }).fill(goalTitle);
  await plan
    .getByLabel('Hvordan ved I, at målet er nået?')
    .fill('Alle har en borger at fortælle om i marts.');
  await plan.getByLabel('Måldato').fill(daysFromNow(90));
  await plan.getByRole('checkbox', { name: 'Medbetjening', exact: true }).check();
  await plan.getByRole('button', { name: 'Gem mål' }).click();
  await expect(page.getByText(`Målet »${goalTitle}« er tilføjet.`)).toBeVisible();
  const goal = plan.getByRole('article', { name: goalTitle });
  await goal.getByRole('button', { name: `Tilføj handling til målet ${goalTitle}` }).click();
  await goal.getByRole('radio', { name: 'Praksisopgave ved skranken eller telefonen' }).check();
  await goal.getByLabel('Beskrivelse').fill(action);
  await goal.getByLabel('Ansvarlig').selectOption({ label: accounts.employee.name });
  await goal.getByLabel('Frist', { exact: true }).fill(daysFromNow(30));
  await goal.getByRole('button', { name: 'Gem handling' }).click();
  await expect(goal.getByText(action)).toBeVisible();
  await expectNoAxeViolations(page, 'group MUS, held');

  // Closing makes the record read-only.
  await section(page, 'Afslutning').getByRole('button', { name: 'Afslut gruppesamtalen' }).click();
  await expect(page.getByText('Gruppesamtalen er afsluttet.', { exact: true })).toBeVisible();
  await expect(page.getByText(`Afsluttet af ${accounts.leader.name}`).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj mål' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gem noter' })).toHaveCount(0);
  await logOut(page);

  // Birthe finds it among her conversations and reads the team goal and her action.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await page.goto('/samtaler');
  await settled(page);
  await expect(page.getByRole('link', { name: 'Gruppe-MUS med Team Skranke' }).first()).toBeVisible();
  await page.goto(groupUrl);
  await settled(page);
  await expect(pageHeading(page)).toHaveText('Gruppe-MUS med Team Skranke');
  const teamGoal = section(page, 'Teammål').getByRole('article', { name: goalTitle });
  await expect(teamGoal).toContainText(action);
  await expect(section(page, 'Noter')).toContainText('Teamet er stolt af MitID-dagene.');
  await expect(page.getByRole('button', { name: 'Afslut gruppesamtalen' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'group MUS, closed, as a participant');
  await logOut(page);

  // Anne schedules Birthe's individual follow-up from the group MUS; its agenda starts with the team goal.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto(groupUrl);
  await settled(page);
  await section(page, 'Deltagere og individuelle opfølgninger')
    .getByRole('link', { name: `Planlæg individuel opfølgning med ${accounts.employee.name}` })
    .click();
  await expect(pageHeading(page)).toHaveText('Planlæg samtale');
  await settled(page);
  await expect(page.getByRole('radio', { name: 'Opfølgningssamtale' })).toBeChecked();
  await expect(
    page.getByText('Samtalen er en individuel opfølgning på en gruppe-MUS.', { exact: false }),
  ).toBeVisible();
  await fillWhenAndWhere(page, `${place} opfølgning`, 20);
  await page.getByRole('button', { name: 'Planlæg samtalen' }).click();
  await expect(pageHeading(page)).toHaveText(`Opfølgningssamtale med ${accounts.employee.name}`);
  await settled(page);
  const followUpAgenda = section(page, 'Samtaleguide og dagsorden');
  await expect(followUpAgenda.locator('.agenda-title').first()).toHaveText(goalTitle);
  await expect(followUpAgenda.getByText('Teammål', { exact: true }).first()).toBeVisible();
  await expect(
    section(page, 'Om samtalen').getByRole('link', { name: 'Gruppe-MUS med Team Skranke' }),
  ).toBeVisible();
});
