/**
 * @module The audit log and data rights seen by the people they concern: a leader's look-up shows in the log and on the
 * employee's page, and the employee (or an administrator for her) downloads everything Vejviser holds about her.
 */
import { readFile } from 'node:fs/promises';
import { pdfText } from '../support/pdf-text.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

test("a leader's look-up of a profile is in the audit log and on the employee's own page", async ({
  page,
}) => {
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto('/team');
  await settled(page);
  await page.getByRole('link', { name: accounts.employee.name }).first().click();
  await expect(pageHeading(page)).toContainText(accounts.employee.name);
  await settled(page);
  // The profile asks for its framework version once the profile has come: let that finish before logging out.
  await page.waitForLoadState('networkidle');
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
  await page.getByRole('link', { name: /^Mine data:/ }).click();
  await expect(pageHeading(page)).toHaveText('Mine data');
  await settled(page);
  const lookup = page.getByRole('row', { name: /Læste kompetenceprofilen/ }).first();
  await expect(lookup).toContainText('Personaleledelse');
  // Who looked is not part of what the employee is told here.
  await expect(lookup).not.toContainText(accounts.leader.name);
});

test('an employee downloads her data as a readable PDF, and an administrator can do the same for her', async ({
  page,
}) => {
  await logIn(page, accounts.employee.email);
  await useDanish(page);
  await page.goto('/mine-data');
  await expect(pageHeading(page)).toHaveText('Mine data');
  await settled(page);
  const section = page.getByRole('region', { name: 'Hent dine data' });
  await expect(section.getByRole('link', { name: 'Hent dine data som JSON-fil' })).toHaveAttribute(
    'href',
    '/api/me/data?lang=da',
  );
  const download = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Hent dine data som PDF' }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^vejviser-mine-data-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = new Uint8Array(await readFile((await file.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF');
  const { text } = await pdfText(bytes);
  expect(text).toContain('Dine data i Vejviser');
  expect(text).toContain(accounts.employee.name);
  await logOut(page);

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/brugere');
  await settled(page);
  await page.getByRole('link', { name: accounts.employee.name }).click();
  await expect(pageHeading(page)).toHaveText(accounts.employee.name);
  await settled(page);
  const adminDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: `Hent data om ${accounts.employee.name} som JSON-fil` }).click();
  const json = JSON.parse(await readFile((await (await adminDownload).path())!, 'utf8')) as {
    schemaVersion: number;
    person: { name: string };
  };
  expect(json).toMatchObject({ schemaVersion: 1, person: { name: accounts.employee.name } });
});
