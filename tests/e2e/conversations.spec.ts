/**
 * @module Conversations end to end: Anne schedules a MUS with Birthe, Birthe prepares and shares, Anne shapes the agenda
 * from the guide, holds the conversation (notes, two goals, three actions), both sign, the PDF says what was agreed,
 * Birthe follows up an action, and Anne schedules a follow-up whose guide starts with the open goals.
 */
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text.ts';
import { expectNoAxeViolations } from './axe.ts';
import { scheduleByApi, startWithGoalByApi, uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';
import { competenceIds, daysFromNow, shippedFramework } from './rounds-helpers.ts';

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function fillSchedule(page: Page, place: string, days = 7): Promise<void> {
  await page.getByLabel('Dato', { exact: true }).fill(daysFromNow(days));
  await page.getByLabel('Tidspunkt', { exact: true }).fill('10:00');
  await page.getByLabel('Sted', { exact: true }).fill(place);
}

test('a MUS from scheduling to signed plan, PDF and follow-up', async ({ page }) => {
  test.setTimeout(240_000);
  const place = uniquePlace('Mødelokale 2');
  const goalTitles = [`Stille åbne spørgsmål ${place}`, `Vejlede i MitID-appen ${place}`];
  const ownItem = 'Vagtplan og pauser';

  // Anne schedules the MUS; the form first lists what is missing.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Samtaler' }).click();
  await expect(pageHeading(page)).toHaveText('Samtaler');
  await settled(page);
  await page.getByRole('link', { name: 'Planlæg samtale' }).click();
  await expect(pageHeading(page)).toHaveText('Planlæg samtale');
  await settled(page);
  await expect(page.getByRole('radio', { name: 'MUS' })).toBeChecked();
  await page.getByRole('button', { name: 'Planlæg samtalen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'Der er 4 fejl' })).toBeVisible();
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Vælg et tidspunkt.' }).click();
  await expect(page.getByLabel('Tidspunkt', { exact: true })).toBeFocused();
  await page.getByLabel('Medarbejder', { exact: true }).selectOption({ label: accounts.employee.name });
  await fillSchedule(page, place);
  await page.getByRole('button', { name: 'Planlæg samtalen' }).click();
  await expect(pageHeading(page)).toHaveText(`MUS med ${accounts.employee.name}`);
  await expect(page.getByText('Samtalen er planlagt.', { exact: false })).toBeVisible();
  const details = section(page, 'Om samtalen');
  await expect(details).toContainText(place);
  await expect(details).toContainText('10.00–11.00 (60 minutter)');
  await expect(details.getByRole('link', { name: 'Hent PDF' })).toHaveAttribute(
    'href',
    /summary\.pdf\?lang=da$/,
  );
  await expect(details.getByRole('link', { name: 'Hent til kalenderen (.ics)' })).toHaveAttribute(
    'download',
    '',
  );
  // Before it is held, the conversation can be moved.
  await details.getByRole('button', { name: 'Flyt samtalen' }).click();
  await details.getByLabel('Tidspunkt', { exact: true }).fill('10:30');
  await details.getByRole('button', { name: 'Gem nyt tidspunkt' }).click();
  await expect(page.getByText('Samtalen er flyttet.', { exact: false })).toBeVisible();
  await expect(details).toContainText('10.30–11.30 (60 minutter)');
  const conversationUrl = page.url();
  const conversationId = conversationUrl.split('/').pop() ?? '';
  const calendar = await page.request.get(`/api/conversations/${conversationId}/calendar.ics`);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
  await logOut(page);

  // Birthe finds the task, prepares and shares.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  const framework = await shippedFramework(page);
  const ids = competenceIds(framework);
  const nameOf = (id: string) =>
    framework.document.areas.flatMap((area) => area.competences).find((entry) => entry.id === id)?.name.da ??
    id;
  const chosen = [ids[1] ?? '', ids[ids.length - 1] ?? ''];
  await expect(page.getByRole('link', { name: 'Forbered dig til din MUS' }).first()).toBeVisible();
  await page.goto(conversationUrl);
  await expect(pageHeading(page)).toHaveText(`MUS med ${accounts.leader.name}`);
  await settled(page);
  const preparation = section(page, 'Forberedelse');
  await expect(preparation.getByText('Kun du kan se din forberedelse, indtil du deler den.')).toBeVisible();
  await expect(section(page, 'Samtaleguide og dagsorden')).toContainText(
    'Du kan se dagsordenen, når lederen har startet samtalen.',
  );
  await expectNoAxeViolations(page, 'conversation page, employee preparing');
  await preparation.getByLabel('Tilbageblik').fill('Jeg har lært at hjælpe borgere med MitID.');
  await preparation.getByLabel('Udviklingsønsker').fill('Jeg vil gerne blive bedre til at spørge åbent.');
  for (const id of chosen) await preparation.getByRole('checkbox', { name: nameOf(id), exact: true }).check();
  await expect(preparation.getByText('Du har valgt 2 af 5.')).toBeVisible();
  await preparation.getByRole('button', { name: `Gem og del med ${accounts.leader.name}` }).click();
  await expect(page.getByText(`Din forberedelse er gemt og delt med ${accounts.leader.name}.`)).toBeVisible();
  await logOut(page);

  // Anne reads the shared preparation, takes a fresh suggestion, shapes the agenda and saves it.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto(conversationUrl);
  await settled(page);
  await expect(
    page.getByRole('heading', { name: `Forberedelse fra ${accounts.employee.name}` }),
  ).toBeVisible();
  await expect(section(page, 'Forberedelse')).toContainText('Jeg vil gerne blive bedre til at spørge åbent.');
  const agenda = section(page, 'Samtaleguide og dagsorden');
  await agenda.getByRole('button', { name: 'Hent nyt forslag' }).click();
  await expect(page.getByText(/^Nyt forslag hentet med \d+ punkter\./)).toBeVisible();
  for (const id of chosen)
    await expect(agenda.getByRole('heading', { name: nameOf(id), exact: true })).toBeVisible();
  await expect(agenda.getByText('Mål:', { exact: true }).first()).toBeVisible();
  const firstTitle = (await agenda.locator('.agenda-title').first().textContent()) ?? '';
  const moveDown = agenda.getByRole('button', { name: `Flyt ned ${firstTitle}` });
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(agenda.locator('.agenda-title').nth(1)).toHaveText(firstTitle);
  await expect(page.getByText(`${firstTitle} er flyttet til nummer 2 af`, { exact: false })).toBeAttached();
  await expect(agenda.getByRole('button', { name: `Flyt ned ${firstTitle}` })).toBeFocused();
  await agenda.getByLabel('Overskrift').fill(ownItem);
  await agenda.getByLabel('Dine spørgsmål (valgfrit)').fill('Hvordan passer vagterne dig?');
  await agenda.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(agenda.getByRole('heading', { name: ownItem })).toBeVisible();
  await expectNoAxeViolations(page, 'agenda editor');
  await agenda.getByRole('button', { name: 'Gem dagsordenen' }).click();
  await expect(page.getByText('Dagsordenen er gemt.')).toBeVisible();

  // The conversation is held: notes, two goals, three actions.
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await expect(page.getByText('Samtalen er startet.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Flyt samtalen' })).toHaveCount(0);
  await page.getByLabel('Dato for næste opfølgning').fill(daysFromNow(120));
  await page.getByRole('button', { name: 'Gem dato' }).click();
  await expect(page.getByText('Datoen for næste opfølgning er gemt.')).toBeVisible();
  const notes = section(page, 'Noter');
  await notes.getByLabel(`Dine noter: ${ownItem}`).fill('Birthe ønsker færre sene vagter.');
  await notes.getByRole('button', { name: 'Gem noter' }).click();
  await expect(page.getByText(/^Dine noter er gemt kl\. \d{2}\.\d{2}\.$/)).toBeVisible();

  const plan = section(page, 'Udviklingsplan');
  for (const [index, title] of goalTitles.entries()) {
    await plan.getByRole('button', { name: 'Tilføj mål' }).click();
    if (index === 0) {
      await plan.getByRole('button', { name: 'Gem mål' }).click();
      await expect(plan.getByRole('alert').getByRole('heading', { name: 'Der er 4 fejl' })).toBeVisible();
      await expectNoAxeViolations(page, 'goal form with errors');
    }
    await plan.getByLabel('Mål', { exact: true }).fill(title);
    await plan.getByLabel('Hvordan ved I, at målet er nået?').fill('Tre borgere om ugen klarer det selv.');
    await plan.getByLabel('Måldato').fill(daysFromNow(90));
    await plan.getByRole('checkbox', { name: nameOf(chosen[index] ?? ''), exact: true }).check();
    await plan.getByRole('button', { name: 'Gem mål' }).click();
    await expect(page.getByText(`Målet »${title}« er tilføjet.`)).toBeVisible();
  }
  const actions: { goal: string; kind: string; description: string }[] = [
    {
      goal: goalTitles[0] ?? '',
      kind: 'Praksisopgave ved skranken eller telefonen',
      description: 'Tre åbne spørgsmål hver formiddag.',
    },
    {
      goal: goalTitles[0] ?? '',
      kind: 'Lær af en kollega',
      description: 'Sid med ved en kollegas skranke en time.',
    },
    {
      goal: goalTitles[1] ?? '',
      kind: 'Kursus eller materiale',
      description: 'Læs vejledningen til MitID-appen.',
    },
  ];
  for (const action of actions) {
    const goal = plan.getByRole('article', { name: action.goal });
    await goal.getByRole('button', { name: `Tilføj handling til målet ${action.goal}` }).click();
    await goal.getByRole('radio', { name: action.kind }).check();
    if (action.kind === 'Lær af en kollega')
      await goal.getByLabel('Kollega', { exact: true }).selectOption({ index: 1 });
    await goal.getByLabel('Beskrivelse').fill(action.description);
    await goal.getByLabel('Frist', { exact: true }).fill(daysFromNow(30));
    await goal.getByRole('button', { name: 'Gem handling' }).click();
    await expect(goal.getByText(action.description)).toBeVisible();
  }
  await expect(plan.getByRole('article', { name: goalTitles[0] })).toContainText('Lær af:');
  // An action can be corrected while the conversation is held; the form opens with focus on its heading.
  const secondGoal = plan.getByRole('article', { name: goalTitles[1] });
  await secondGoal.getByRole('button', { name: `Ret handling ${actions[2]?.description}` }).click();
  await expect(secondGoal.getByRole('heading', { name: /^Ret handlingen/ })).toBeFocused();
  if (actions[2]) actions[2].description = 'Læs vejledningen til MitID-appen, og prøv den selv.';
  await secondGoal.getByLabel('Beskrivelse').fill(actions[2]?.description ?? '');
  await secondGoal.getByRole('button', { name: 'Gem handling' }).click();
  await expect(secondGoal.locator('.plan-action-title')).toHaveText(
    `Kursus eller materiale: ${actions[2]?.description}`,
  );
  await expectNoAxeViolations(page, 'conversation page, held');

  const signatures = section(page, 'Underskrifter');
  await signatures.getByRole('button', { name: 'Underskriv' }).click();
  await expect(page.getByText('Du har underskrevet.')).toBeVisible();
  await expect(signatures).toContainText(`${accounts.leader.name} underskrev`);
  await logOut(page);

  // Birthe reads the agenda and Anne's notes, and signs; the record is then read-only, with addenda.
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await page.goto(conversationUrl);
  await settled(page);
  await expect(
    section(page, 'Samtaleguide og dagsorden').getByRole('heading', { name: ownItem }),
  ).toBeVisible();
  await expect(section(page, 'Noter')).toContainText(`Noter fra ${accounts.leader.name}`);
  await expect(section(page, 'Noter')).toContainText('Birthe ønsker færre sene vagter.');
  await section(page, 'Underskrifter').getByRole('button', { name: 'Underskriv' }).click();
  await expect(page.getByText(/^Underskrevet af begge .* Ændringer tilføjes som tillæg\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj mål' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gem noter' })).toHaveCount(0);
  const addenda = section(page, 'Tillæg');
  await addenda
    .getByLabel('Tillæg', { exact: true })
    .fill('Vi har aftalt at tale om vagtplanen igen i marts.');
  await addenda.getByRole('button', { name: 'Tilføj tillæg' }).click();
  await expect(addenda.getByRole('listitem')).toContainText(accounts.employee.name);
  await expect(addenda).toContainText('Vi har aftalt at tale om vagtplanen igen i marts.');
  await expectNoAxeViolations(page, 'conversation page, signed');

  // Printed, the page is the summary: goals, actions and signatures, without forms and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  await expect(addenda.getByRole('button', { name: 'Tilføj tillæg' })).toBeHidden();
  await expect(page.getByRole('heading', { name: goalTitles[0] })).toBeVisible();
  await expect(
    page.locator('.plan-action-title').filter({ hasText: actions[2]?.description ?? '' }),
  ).toBeVisible();
  await expect(section(page, 'Underskrifter')).toContainText(`${accounts.employee.name} underskrev`);
  await page.emulateMedia({ media: 'screen' });

  const pdf = await page.request.get(`/api/conversations/${conversationId}/summary.pdf?lang=da`);
  expect(pdf.status()).toBe(200);
  const bytes = new Uint8Array(await pdf.body());
  expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF');
  const { text } = await pdfText(bytes);
  for (const title of goalTitles) expect(text.replace(/\s+/g, ' ')).toContain(title);
  expect(text).toContain(accounts.employee.name);

  // Birthe follows up on her plan: one action done.
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Min udviklingsplan' })
    .click();
  await expect(pageHeading(page)).toHaveText('Min udviklingsplan');
  await settled(page);
  const done = actions[0]?.description ?? '';
  await page.getByLabel(`Status ${done}`).selectOption({ label: 'Gennemført' });
  await page.getByRole('button', { name: `Gem status ${done}` }).click();
  await expect(page.getByText(`Status for »${done}« er nu: Gennemført.`)).toBeVisible();
  await expectNoAxeViolations(page, 'own development plan');
  await logOut(page);

  // Anne schedules the follow-up from the signed conversation; its guide starts from the open goals.
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto(conversationUrl);
  await settled(page);
  await page.getByRole('link', { name: 'Planlæg opfølgningssamtale' }).click();
  await expect(pageHeading(page)).toHaveText('Planlæg samtale');
  await settled(page);
  await expect(page.getByRole('radio', { name: 'Opfølgningssamtale' })).toBeChecked();
  await expect(page.getByLabel('Medarbejder', { exact: true })).toHaveValue(/.+/);
  await fillSchedule(page, `${place} opfølgning`, 60);
  await page.getByRole('button', { name: 'Planlæg samtalen' }).click();
  await expect(pageHeading(page)).toHaveText(`Opfølgningssamtale med ${accounts.employee.name}`);
  await settled(page);
  const followUpAgenda = section(page, 'Samtaleguide og dagsorden');
  for (const title of goalTitles) {
    await expect(followUpAgenda.getByRole('heading', { name: title })).toBeVisible();
  }
  await expect(followUpAgenda.getByText('Åbent mål').first()).toBeVisible();

  // And sees Birthe's plan from the team page, with the action marked done.
  await page.goto('/team');
  await settled(page);
  await page.getByRole('link', { name: `Se udviklingsplan for ${accounts.employee.name}` }).click();
  await expect(pageHeading(page)).toHaveText(`Udviklingsplan: ${accounts.employee.name}`);
  await settled(page);
  const doneAction = page.locator('.plan-action').filter({ hasText: done });
  await expect(doneAction.locator('.status-tag')).toHaveText(/Gennemført/);
});

test.describe('two windows of the same person', () => {
  // The second save of the notes is refused on purpose: it was based on a version the first window replaced.
  test.use({ expectedErrors: { '/api/conversations/*/notes': 409 } });

  test('a stale save of the notes is refused, and the text typed in that window stays on screen', async ({
    page,
    context,
  }) => {
    await logIn(page, accounts.leader.email);
    await useDanish(page);
    const held = await scheduleByApi(page, 'Mads Pedersen', uniquePlace('Mødelokale 3'));
    await startWithGoalByApi(page, held, uniquePlace('Henvise borgeren til rette sted'));
    const path = `/samtaler/${held.conversation.id}`;
    const other = await context.newPage();
    await other.goto(path);
    await settled(other);
    await page.goto(path);
    await settled(page);

    const notesIn = (window: Page) =>
      section(window, 'Noter')
        .getByLabel(/^Dine noter: /)
        .first();
    await notesIn(other).fill('Skrevet i det andet vindue.');
    await section(other, 'Noter').getByRole('button', { name: 'Gem noter' }).click();
    await expect(other.getByText(/^Dine noter er gemt kl\./)).toBeVisible();
    await other.close();

    await notesIn(page).fill('Skrevet i dette vindue.');
    await section(page, 'Noter').getByRole('button', { name: 'Gem noter' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Dine noter er gemt et andet sted imens' });
    await expect(conflict).toBeVisible();
    await expectNoAxeViolations(page, 'notes conflict');
    await conflict.getByRole('button', { name: 'Hent de gemte noter' }).click();
    await expect(notesIn(page)).toHaveValue('Skrevet i det andet vindue.');
    await expect(page.getByText('Din tekst, som ikke blev gemt')).toBeVisible();
    await expect(page.getByText('Skrevet i dette vindue.')).toBeVisible();

    // Keeping both: add this window's words to the saved ones, and save on top of the newest version.
    await notesIn(page).fill('Skrevet i det andet vindue. Skrevet i dette vindue.');
    await section(page, 'Noter').getByRole('button', { name: 'Gem noter' }).click();
    await expect(page.getByText(/^Dine noter er gemt kl\./)).toBeVisible();
    await page.reload();
    await settled(page);
    await expect(notesIn(page)).toHaveValue('Skrevet i det andet vindue. Skrevet i dette vindue.');
  });
});
