/** @module The audit log seen by the people it concerns: a leader's look-up shows in the log and on the employee's page. */
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

test("a leader's look-up of a profile is in the audit log and on the employee's own page", async ({
  page,
}) => {
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto('/team');
  await settled(page);
  await page.getByRole('link', { name: accounts.employee.name }).first().click();
  await settled(page);
  await logOut(page);

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/revisionslog');
  await settled(page);
  await page.getByLabel('Hvis oplysninger').selectOption({ label: accounts.employee.name });
  await page.getByLabel('Slags handling').selectOption({ label: 'Kompetenceprofiler' });
  await page.getByRole('button', { name: 'Søg' }).click();
  const row = page.getByRole('row', { name: /Læste kompetenceprofilen/ }).first();
  await expect(row).toContainText(accounts.leader.name);
  await expect(row).toContainText('Personaleledelse');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent som CSV (til Excel)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^revisionslog-.*\.csv$/);
  await logOut(page);

  await logIn(page, accounts.employee.email);
  await page.goto('/konto');
  await page.getByRole('link', { name: /Se, hvornår og hvorfor/ }).click();
  await expect(pageHeading(page)).toHaveText('Mine data');
  await settled(page);
  const lookup = page.getByRole('row', { name: /Læste kompetenceprofilen/ }).first();
  await expect(lookup).toContainText('Personaleledelse');
  // Who looked is not part of what the employee is told here.
  await expect(lookup).not.toContainText(accounts.leader.name);
});
