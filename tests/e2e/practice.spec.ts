/**
 * @module The practice log and learning from colleagues end to end: Birthe logs a citizen contact on a phone, is
 * stopped when she types a CPR number, and finds the entry in her timeline; Anne confirms a pairing from the
 * suggestions, and both colleagues find it in their task lists.
 */
import { demoEmail } from '../../src/db/seed/demo.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

test('an employee logs a citizen contact on a phone, is refused a CPR number, and sees it in her timeline', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await page.goto('/praksislog');
  await expect(pageHeading(page)).toHaveText('Min praksislog');
  await settled(page);
  await page.getByRole('link', { name: 'Registrér en borgerkontakt' }).click();
  await expect(pageHeading(page)).toHaveText('Registrér en borgerkontakt');
  await settled(page);

  // Today is filled in; the rest takes a few taps.
  await expect(page.getByLabel('Dato *')).not.toHaveValue('');
  await page.getByRole('radio', { name: 'Skranke' }).check();
  await page.getByRole('radio', { name: 'Medbetjening' }).check();
  await page.getByLabel('Find en kompetence').fill('medbet');
  await page.getByRole('checkbox', { name: 'Medbetjening' }).check();
  await expect(page.getByText('1 af højst 5 valgt.')).toBeVisible();

  // A CPR number is caught while typing, and the entry cannot be saved with it.
  const whatWorked = page.getByLabel('Hvad virkede? *');
  await whatWorked.fill('Borgeren oplyste 010190-1234 og klarede selv ansøgningen.');
  const warning = 'Feltet ser ud til at indeholde et CPR-nummer.';
  await expect(page.getByRole('alert').filter({ hasText: warning })).toBeVisible();
  await expect(whatWorked).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Gem registreringen' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(warning);
  await expect(page).toHaveURL(/\/praksislog\/ny$/);

  const text = `Borgeren klarede selv ansøgningen med mig ved siden af ${Date.now()}`;
  await whatWorked.fill(text);
  await expect(whatWorked).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Hvad vil du prøve næste gang?').fill('Give en seddel med de tre trin.');
  await page.getByRole('button', { name: 'Gem registreringen' }).click();

  await expect(pageHeading(page)).toHaveText('Min praksislog');
  await expect(page.getByRole('status').filter({ hasText: 'Registreringen er gemt.' })).toBeVisible();
  await settled(page);
  const newest = page.locator('.practice-timeline > li').first();
  await expect(newest).toContainText(text);
  await expect(newest).toContainText('Medbetjening');
  await expect(newest.getByRole('heading', { level: 3 })).toContainText('Skranke');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
});

test('a leader confirms a pairing from the suggestions and both colleagues find it in their tasks', async ({
  page,
}) => {
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Lær af kolleger' })
    .click();
  await expect(pageHeading(page)).toHaveText('Lær af kolleger');
  await settled(page);
  await expect(page.getByLabel('Enhed')).toHaveValue(/.+/);
  const birthe = page.locator('.pairing-learner').filter({
    has: page.getByRole('heading', { level: 3, name: /^Birthe Hansen/ }),
  });
  const need = birthe.locator('details.pairing-need').first();
  const competence = (await need.locator('summary').innerText()).replace(/\s*\(.*\)\s*$/, '').trim();
  await need.locator('summary').click();
  const helperRadio = need.getByRole('radio').first();
  const helperName = (await need.locator('.radio-label').first().innerText())
    .replace(/\s*\(.*\)\s*$/, '')
    .trim();
  // Confirming without choosing names what is missing.
  await need.getByRole('button', { name: 'Bekræft makkerpar' }).click();
  await expect(need.getByRole('alert')).toContainText('Vælg den kollega, Birthe Hansen skal lære af.');
  await helperRadio.check();
  await need.getByLabel('Besked til dem begge').fill('Sid sammen ved skranken en formiddag.');
  await need.getByRole('button', { name: 'Bekræft makkerpar' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Birthe Hansen skal lære ${competence} af ${helperName}` }),
  ).toBeVisible();
  await expect(birthe).toContainText(`Lærer allerede af ${helperName}.`);
  await logOut(page);

  await logIn(page, accounts.employee.email);
  await useDanish(page);
  const tasks = page.getByRole('region', { name: 'Mine opgaver' });
  await expect(tasks.getByRole('link', { name: `Lær ${competence} af ${helperName}` })).toBeVisible();
  await logOut(page);

  await logIn(page, demoEmail(helperName));
  await useDanish(page);
  await expect(
    page
      .getByRole('region', { name: 'Mine opgaver' })
      .getByRole('link', { name: `Hjælp Birthe Hansen med ${competence}` }),
  ).toBeVisible();
  // The helper's plan shows the pairing, and the helper marks it done.
  await page
    .getByRole('region', { name: 'Mine opgaver' })
    .getByRole('link', { name: `Hjælp Birthe Hansen med ${competence}` })
    .click();
  await expect(pageHeading(page)).toHaveText('Min udviklingsplan');
  await settled(page);
  const section = page.getByRole('region', { name: 'Lær af en kollega' });
  await expect(section).toContainText('Sid sammen ved skranken en formiddag.');
  await section
    .getByRole('button', {
      name: new RegExp(`^Markér som gennemført – Hjælp Birthe Hansen med ${competence}`),
    })
    .click();
  await expect(section.getByRole('status')).toContainText('Makkerparret er markeret som gennemført.');
  await expect(section).toContainText('Gennemført');
});
