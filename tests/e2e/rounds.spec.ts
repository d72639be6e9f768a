/**
 * @module Profiling rounds end to end: a leader starts a round, an employee rates herself (autosaved, kept over a
 * reload), the leader rates her, and she reads her profile with blind spots and hidden strengths; the admin pages;
 * conflicts and lost connections; and the self-assessment by keyboard alone.
 */

import type { Page } from '@playwright/test';
import type { FrameworkVersion } from '../../src/server/contracts/frameworks.ts';
import { expectNoAxeViolations } from './axe.ts';
import {
  accounts,
  expect,
  logIn,
  logOut,
  openAdminPage,
  pageHeading,
  settled,
  test,
  useDanish,
} from './fixtures.ts';
import {
  competenceIds,
  danishDay,
  daysFromNow,
  myId,
  shippedFramework,
  startRoundByApi,
  uniqueRoundName,
} from './rounds-helpers.ts';

const savedStatus = /^Gemt kl\. \d{2}\.\d{2}$/;

/** Chooses a level (or "cannot assess" for null) for one competence in the open assessment form. */
async function rate(page: Page, competenceId: string, level: number | null): Promise<void> {
  await page.locator(`#rating-${competenceId}-${level ?? 'none'}`).check();
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.locator('.save-status')).toHaveText(savedStatus);
}

/** Demo data and other tests add rounds of their own; the profile page is set to show this one. */
async function chooseRound(page: Page, roundName: string, deadline: string): Promise<void> {
  await settled(page);
  const chooser = page.getByLabel('Vis profilen fra runden');
  // Only shown when the person has been in more than one round.
  if (!(await chooser.isVisible())) return;
  await chooser.selectOption({ label: `${roundName} (frist ${danishDay(deadline)})` });
}

function competenceName(framework: FrameworkVersion, competenceId: string): string {
  const competence = framework.document.areas
    .flatMap((area) => area.competences)
    .find((entry) => entry.id === competenceId);
  return competence?.name.da ?? competenceId;
}

test('a round from start to profile: self-assessment, leader assessment, blind spot and hidden strength', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const roundName = uniqueRoundName('Forårsrunde');
  const deadline = daysFromNow(21);

  // Anne starts a round for her team.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Profileringsrunder' })
    .click();
  await expect(pageHeading(page)).toHaveText('Profileringsrunder');
  await settled(page);
  await expectNoAxeViolations(page, 'rounds list');
  await page.getByRole('link', { name: 'Start en profileringsrunde' }).click();
  await expect(pageHeading(page)).toHaveText('Start en profileringsrunde');
  await settled(page);
  await expect(
    page.getByLabel('Skjul lederens vurdering for medarbejderen, indtil begge har indsendt'),
  ).toBeChecked();
  await expectNoAxeViolations(page, 'new round form');

  await page.getByRole('button', { name: 'Start runden' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'Der er 3 fejl' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, 'new round form with errors');
  await summary.getByRole('link', { name: 'Vælg en frist.' }).click();
  await expect(page.getByLabel('Frist', { exact: true })).toBeFocused();

  await page.getByLabel('Navn på runden').fill(roundName);
  await page.getByRole('checkbox', { name: 'Team Skranke', exact: true }).check();
  await expect(page.getByRole('combobox', { name: accounts.employee.name })).toHaveValue('');
  await page.getByLabel('Frist', { exact: true }).fill(deadline);
  await page.getByRole('button', { name: 'Start runden' }).click();

  await expect(pageHeading(page)).toHaveText(roundName);
  await expect(
    page.getByRole('status').getByText('Profileringsrunden er startet.', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(danishDay(deadline), { exact: true })).toBeVisible();
  const board = page.getByRole('table', { name: /^Status for \d+ deltagere$/ });
  const birtheRow = board
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: accounts.employee.name }) });
  await expect(birtheRow.getByRole('cell').nth(1)).toHaveText('Ikke påbegyndt');
  await expectNoAxeViolations(page, 'status board');
  const roundUrl = page.url();
  await logOut(page);

  // Birthe finds the task, rates a few competences and sees them saved.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  const framework = await shippedFramework(page);
  const ids = competenceIds(framework);
  const task = page.getByRole('link', { name: `Din selvvurdering i ${roundName}` });
  await expect(task).toBeVisible();
  const taskItem = page.getByRole('listitem').filter({ has: task });
  await expect(taskItem).toContainText(`Frist: ${danishDay(deadline)}`);
  await expectNoAxeViolations(page, 'home with tasks');
  await task.click();
  await expect(pageHeading(page)).toHaveText('Din selvvurdering');
  await settled(page);
  const first = framework.document.areas[0]!.competences[0]!;
  const group = page.getByRole('group', { name: first.name.da });
  await expect(
    group.getByRole('radio', {
      name: `Niveau 1 · ${framework.document.scale.levels[0]!.name.da} ${first.levels[0]!.behaviour.da}`,
    }),
  ).toBeVisible();
  await expect(group.getByRole('radio', { name: /^Kan ikke vurdere/ })).toBeVisible();
  await expectNoAxeViolations(page, 'assessment form');

  // Self: 4 on the first (a blind spot later), 1 on the second (a hidden strength), "cannot assess" on the third.
  const self: (number | null)[] = ids.map((_, index) =>
    index === 0 ? 4 : index === 1 ? 1 : index === 2 ? null : 2,
  );
  for (const index of [0, 1, 2]) await rate(page, ids[index]!, self[index]!);
  await page.locator(`#note-${ids[0]}`).fill('Jeg hjalp en borger med MitID i går.');
  await expect(page.getByText('Du har 1.964 tegn tilbage')).toBeVisible();
  await expectSaved(page);

  await page.reload();
  await settled(page);
  await expect(page.locator(`#rating-${ids[0]}-4`)).toBeChecked();
  await expect(page.locator(`#rating-${ids[1]}-1`)).toBeChecked();
  await expect(page.locator(`#rating-${ids[2]}-none`)).toBeChecked();
  await expect(page.locator(`#note-${ids[0]}`)).toHaveValue('Jeg hjalp en borger med MitID i går.');
  await expect(page.getByText(`Du har svaret på 3 af ${ids.length} kompetencer.`)).toBeVisible();

  // Submitting too early lists what is missing, each linked to its first radio.
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(
    page.getByRole('alert').getByRole('heading', { name: `Der er ${ids.length - 3} fejl` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'assessment form with errors');
  await page.getByRole('alert').getByRole('link').first().click();
  await expect(page.locator(`#rating-${ids[3]}-1`)).toBeFocused();

  for (const [index, id] of ids.entries()) if (index > 2) await rate(page, id, self[index]!);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(page.getByText(/^Tak\. Vurderingen er indsendt/)).toBeVisible();
  await expect(page.getByText(/^Tak\. Vurderingen er indsendt/).locator('..')).toBeFocused();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await page.goto('/');
  await settled(page);
  await expect(page.getByRole('link', { name: `Din selvvurdering i ${roundName}` })).toHaveCount(0);
  await logOut(page);

  // Anne rates Birthe, reminds a colleague and records the conversation.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.getByRole('link', { name: `Vurdér ${accounts.employee.name} i ${roundName}` }).click();
  await expect(pageHeading(page)).toHaveText(`Din vurdering af ${accounts.employee.name}`);
  await settled(page);
  const leader: number[] = ids.map((_, index) => (index === 1 ? 3 : 2));
  for (const [index, id] of ids.entries()) await rate(page, id, leader[index]!);
  await page.locator(`#note-${ids[1]}`).fill('Du forklarede selvbetjeningen roligt for en travl kø.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Indsend', exact: true }).click();
  await expect(page.getByText(/^Tak\. Vurderingen er indsendt/)).toBeVisible();

  await page.goto(roundUrl);
  await settled(page);
  await expect(birtheRow.getByRole('cell').nth(3)).toHaveText('Begge vurderinger indsendt');
  await board.getByRole('button', { name: 'Påmind Mads Pedersen' }).click();
  await expect(page.getByRole('status').getByText('Påmindelse sendt til Mads Pedersen.')).toBeVisible();
  await board.getByRole('button', { name: `Marker samtalen som holdt ${accounts.employee.name}` }).click();
  await expect(
    page.getByRole('status').getByText(`Samtalen med ${accounts.employee.name} er markeret som holdt.`),
  ).toBeVisible();
  await expect(birtheRow.getByRole('cell').nth(3)).toHaveText('Samtalen er holdt');
  await expectNoAxeViolations(page, 'status board after actions');
  await board.getByRole('link', { name: accounts.employee.name, exact: true }).click();
  await expect(pageHeading(page)).toHaveText(`Kompetenceprofil: ${accounts.employee.name}`);
  await settled(page);
  await chooseRound(page, roundName, deadline);
  await expect(page.getByRole('region', { name: 'Emner til samtalen' })).toContainText('Blind plet');
  await logOut(page);

  // Birthe reads her profile: three layers, the numbers in tables, a blind spot and a hidden strength.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min profil' }).click();
  await expect(pageHeading(page)).toHaveText('Min kompetenceprofil');
  await settled(page);
  await chooseRound(page, roundName, deadline);
  const chart = page.getByRole('img', { name: 'Niveau pr. kompetence' });
  await expect(chart).toHaveAttribute('data-layers', '3');
  // Drawn by ECharts as SVG: the leader's and the target's layers have dashed lines.
  await expect(chart.locator('svg path[stroke-dasharray]').first()).toBeVisible();
  const legend = page.getByRole('list', { name: 'Signaturforklaring' }).last();
  await expect(legend.getByRole('listitem')).toHaveText([/^Min vurdering/, /^Lederens vurdering/, /^Mål/]);
  const table = page.getByRole('table', { name: 'Niveau pr. kompetence og forskel til målet' });
  const firstName = competenceName(framework, ids[0]!);
  const firstRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: firstName, exact: true }) });
  await expect(firstRow.getByRole('cell').nth(0)).toHaveText('4');
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText('2');
  const thirdRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: competenceName(framework, ids[2]!), exact: true }) });
  await expect(thirdRow.getByRole('cell').nth(0)).toHaveText('Kan ikke vurdere');
  await expect(page.getByRole('table', { name: 'Gennemsnitligt niveau pr. kompetenceområde' })).toBeVisible();

  const topics = page.getByRole('region', { name: 'Emner til samtalen' });
  const blindSpot = topics.getByRole('listitem').filter({ hasText: firstName });
  await expect(blindSpot).toContainText('Blind plet');
  await expect(blindSpot).toContainText('Du: niveau 4 · Din leder: niveau 2');
  const hiddenStrength = topics.getByRole('listitem').filter({ hasText: competenceName(framework, ids[1]!) });
  await expect(hiddenStrength).toContainText('Skjult styrke');
  await expect(hiddenStrength).toContainText('Du: niveau 1 · Din leder: niveau 3');
  await expect(page.getByRole('region', { name: 'Udviklingsområder' })).toBeVisible();
  await expectNoAxeViolations(page, 'profile');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(pageHeading(page)).toHaveText('My competence profile');
  await expect(
    page.getByRole('table', { name: 'Level per competence and difference from the target' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Topics for the conversation' })).toContainText('Blind spot');
  await expectNoAxeViolations(page, 'profile in English');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await logOut(page);

  // The administrator sees the reminder in the outbox, and the setting for HR.
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await openAdminPage(page, 'Udbakke');
  await expect(pageHeading(page)).toHaveText('Udbakke');
  await settled(page);
  const mail = page.getByRole('row').filter({ hasText: `Påmindelse: din selvvurdering i "${roundName}"` });
  await expect(mail).toContainText('mads.pedersen@demokommune.example');
  await mail.locator('summary').click();
  await expect(mail).toContainText(`Fristen er ${danishDay(deadline)}`);
  await expectNoAxeViolations(page, 'outbox');

  await openAdminPage(page, 'Indstillinger');
  await expect(pageHeading(page)).toHaveText('Indstillinger');
  await settled(page);
  const hrSees = page.getByLabel('HR kan se profileringsrunder');
  const before = await hrSees.isChecked();
  await hrSees.setChecked(!before);
  await page.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(page.getByRole('status').getByText('Indstillingerne er gemt.')).toBeVisible();
  await expectNoAxeViolations(page, 'settings');
  await page.reload();
  await settled(page);
  await expect(hrSees).toBeChecked({ checked: !before });
  await hrSees.setChecked(before);
  await page.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(page.getByRole('status').getByText('Indstillingerne er gemt.')).toBeVisible();
  await logOut(page);
});

test.describe('when two saves collide or the connection drops', () => {
  test.use({ expectedErrors: { '/api/rounds/*/assessments/*/self': 409 } });

  test('a stale save is never written over a newer one, and an unsaved answer survives a closed tab', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    await logIn(page, accounts.leader.email);
    const roundId = (await startRoundByApi(page, uniqueRoundName('Kollision'))).round.id;
    await logOut(page);

    await logIn(page, accounts.employee.email);
    await useDanish(page);
    const framework = await shippedFramework(page);
    const [a, b, c] = competenceIds(framework);
    const formUrl = `/runder/${roundId}/vurdering/${await myId(page)}/self`;
    await page.goto(formUrl);
    await settled(page);
    await rate(page, a!, 3);
    await expectSaved(page);

    // The same assessment in another tab saves something else.
    const other = await context.newPage();
    await other.goto(formUrl);
    await expect(other.locator(`#rating-${a}-3`)).toBeChecked();
    await rate(other, a!, 1);
    await expect(other.locator('.save-status')).toHaveText(savedStatus);
    await other.close();

    // The first tab's next save is refused; it says so and offers the newest version.
    await rate(page, b!, 2);
    const conflict = page.getByRole('alert').filter({ hasText: 'Vurderingen er gemt et andet sted imens' });
    await expect(conflict).toBeVisible();
    await expect(page.locator('.save-status')).toHaveText('Ikke gemt – se beskeden ovenfor.');
    await conflict.getByRole('button', { name: 'Hent den nyeste gemte udgave' }).click();
    await expect(page.locator(`#rating-${a}-1`)).toBeChecked();
    await expect(page.locator(`#rating-${b}-2`)).not.toBeChecked();
    await rate(page, b!, 2);
    await expectSaved(page);

    // No connection, then the tab dies (a crash leaves no chance for a last save on the way out): the answer
    // waits in the browser, and is restored and saved when the form opens again.
    const offline = await context.newPage();
    await offline.goto(formUrl);
    await expect(offline.locator(`#rating-${b}-2`)).toBeChecked();
    await context.setOffline(true);
    await rate(offline, c!, 4);
    await expect(offline.locator('.save-status')).toHaveText(/^Ikke gemt – prøver igen/);
    const crashed = offline.waitForEvent('crash');
    void (await context.newCDPSession(offline)).send('Page.crash').catch(() => {});
    await crashed;
    await offline.close();
    await context.setOffline(false);

    await page.reload();
    await settled(page);
    await expect(page.getByRole('status').filter({ hasText: 'ikke nåede at blive gemt' })).toBeVisible();
    await expect(page.locator(`#rating-${c}-4`)).toBeChecked();
    await expectSaved(page);
    await page.reload();
    await settled(page);
    await expect(page.locator(`#rating-${c}-4`)).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: 'ikke nåede at blive gemt' })).toHaveCount(0);
    await logOut(page);
  });
});

test('the self-assessment can be completed and submitted with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  const roundName = uniqueRoundName('Tastatur');
  await logIn(page, accounts.leader.email);
  await startRoundByApi(page, roundName);
  await logOut(page);

  await logIn(page, accounts.employee.email);
  await useDanish(page);
  const framework = await shippedFramework(page);
  const ids = competenceIds(framework);
  await page.getByRole('link', { name: `Din selvvurdering i ${roundName}` }).focus();
  await page.keyboard.press('Enter');
  await expect(pageHeading(page)).toHaveText('Din selvvurdering');
  await expect(pageHeading(page)).toBeFocused();
  await settled(page);

  for (const [index, id] of ids.entries()) {
    // Tab enters the group on its first radio; Space chooses it, an arrow moves to and chooses the next one,
    // and an up arrow from the first wraps round to "cannot assess".
    await page.keyboard.press('Tab');
    await expect(page.locator(`#rating-${id}-1`)).toBeFocused();
    if (index % 3 === 0) {
      await page.keyboard.press('Space');
      await expect(page.locator(`#rating-${id}-1`)).toBeChecked();
    } else if (index % 3 === 1) {
      await page.keyboard.press('ArrowDown');
      await expect(page.locator(`#rating-${id}-2`)).toBeChecked();
    } else {
      await page.keyboard.press('ArrowUp');
      await expect(page.locator(`#rating-${id}-none`)).toBeChecked();
    }
    await page.keyboard.press('Tab');
    await expect(page.locator(`#note-${id}`)).toBeFocused();
    if (index === 0) await page.keyboard.type('Ved skranken i sidste uge.');
  }
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Indsend', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByText(/^Tak\. Vurderingen er indsendt/);
  await expect(done).toBeVisible();
  await expect(done.locator('..')).toBeFocused();
  await logOut(page);

  // Anne reopens the self-assessment with a reason, and closes the round after a confirmation.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Profileringsrunder' })
    .click();
  await expect(pageHeading(page)).toHaveText('Profileringsrunder');
  await page.getByRole('link', { name: roundName, exact: true }).click();
  await expect(pageHeading(page)).toHaveText(roundName);
  await settled(page);
  await page.getByRole('button', { name: `Genåbn ${accounts.employee.name}` }).click();
  const reopen = page.getByRole('region', { name: `Genåbn en vurdering af ${accounts.employee.name}` });
  await expect(reopen.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(reopen.getByRole('radio', { name: 'Selvvurderingen' })).toBeChecked();
  await reopen.getByLabel('Begrundelse').fill('x');
  await reopen.getByRole('button', { name: 'Genåbn vurderingen' }).click();
  await expect(reopen.getByRole('alert')).toBeFocused();
  await expectNoAxeViolations(page, 'status board with the reopen form and its error');
  await reopen.getByLabel('Begrundelse').fill('Du bad selv om at rette to svar.');
  await reopen.getByRole('button', { name: 'Genåbn vurderingen' }).click();
  await expect(
    page.getByRole('status').getByText(`Selvvurderingen fra ${accounts.employee.name} er genåbnet.`),
  ).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: accounts.employee.name }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('I gang');

  await page.getByRole('button', { name: 'Luk runden …' }).click();
  await expect(page.getByRole('heading', { name: 'Vil du lukke runden?' })).toBeFocused();
  await expectNoAxeViolations(page, 'status board asking to close the round');
  await page.getByRole('button', { name: 'Ja, luk runden' }).click();
  await expect(page.getByRole('status').getByText('Runden er lukket.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Luk runden …' })).toHaveCount(0);
  await logOut(page);

  // Birthe's reopened assessment can no longer be changed in the closed round, and the task is gone.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await expect(page.getByRole('link', { name: `Din selvvurdering i ${roundName}` })).toHaveCount(0);
  await logOut(page);
});
