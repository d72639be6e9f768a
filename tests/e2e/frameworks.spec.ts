/**
 * @module The administrator adapts the framework: a draft from the published version, one level description
 * rewritten, the change seen side by side, published as version 2, and the report on the role profiles.
 */
import { expectNoAxeViolations } from './axe.ts';
import { accounts, expect, logIn, openAdminPage, pageHeading, settled, test, useDanish } from './fixtures.ts';
import { shippedFramework } from './rounds-helpers.ts';

test('an administrator edits a draft, publishes it and sees what changed', async ({ page }) => {
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  const published = await shippedFramework(page);
  const competence = published.document.areas
    .flatMap((area) => area.competences)
    .find((entry) => entry.id === 'medbetjening')!;
  const oldText = competence.levels[3]!.behaviour.da;
  const newText =
    'Lærer kolleger at medbetjene og viser ved skranken, hvordan man holder igen, også når der er kø.';

  await openAdminPage(page, 'Tilpas kompetenceramme');
  await expect(pageHeading(page)).toHaveText('Tilpas kompetencerammen');
  await settled(page);
  await page.getByRole('button', { name: `Ny kladde ud fra version ${published.version}` }).click();
  const next = published.version + 1;
  await expect(pageHeading(page)).toHaveText(`Specialist i borgerbetjening, kladde til version ${next}`);
  await settled(page);

  await page.getByRole('link', { name: 'Rediger Medbetjening' }).click();
  await expect(pageHeading(page)).toHaveText('Rediger Medbetjening');
  await settled(page);
  const field = page.getByLabel('Niveau 4 · Ekspert (dansk)', { exact: true });
  await expect(field).toHaveValue(oldText);
  await field.fill(newText);
  await page.getByRole('button', { name: 'Gem i kladden' }).click();
  await expect(pageHeading(page)).toHaveText(`Specialist i borgerbetjening, kladde til version ${next}`);
  await expect(page.getByRole('status').getByText('Medbetjening er gemt i kladden.')).toBeVisible();

  // The change, with the old and the new text side by side.
  await page.getByRole('link', { name: `Se ændringerne i forhold til version ${published.version}` }).click();
  await expect(pageHeading(page)).toHaveText(
    `Ændringer fra version ${published.version} til version ${next}`,
  );
  await settled(page);
  const row = page.getByRole('row', { name: /Niveau 4/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText(oldText);
  await expect(row.getByRole('cell').nth(1)).toHaveText(newText);
  await expect(page.getByRole('heading', { level: 3, name: /Medbetjening/ })).toContainText('Ændret');
  await expectNoAxeViolations(page, 'framework diff');

  // Publishing, by keyboard.
  await page.goBack();
  await settled(page);
  const publish = page.getByRole('button', { name: `Udgiv som version ${next}` });
  await publish.focus();
  await page.keyboard.press('Enter');
  await expect(pageHeading(page)).toHaveText(`Rapport om version ${next}`);
  await expect(page.getByText(`Version ${next} er udgivet. Nye runder bruger den fra nu af.`)).toBeVisible();
  await settled(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Borgerservicemedarbejder' })).toBeVisible();
  await expect(page.getByText('Ingen ændringer: alle mål er de samme som før.')).toHaveCount(5);
  await expectNoAxeViolations(page, 'publication report');

  // Everyone now reads the new version; the old one stays, for the rounds started with it.
  await page.goto('/kompetenceramme');
  await settled(page);
  await expect(page.locator('.framework-versions')).toContainText(`Version ${published.version}, udgivet`);
  await page.locator('summary').filter({ hasText: 'Medbetjening' }).click();
  await expect(page.getByText(newText)).toBeVisible();
});
