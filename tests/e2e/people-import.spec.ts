/** @module The administrator imports people from the HR system: two bad rows in the dry run, fixed, applied twice. */
import type { Page } from '@playwright/test';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

const header = 'eksternt_id;navn;email;titel;enhed_id;roller;aktiv';
/** A run's own people, so the journey can be run again against the same server. */
const suffix = `${Date.now().toString(36)}`;
const rows = (badEmail: boolean, badUnit: boolean) => [
  `E2E-${suffix}-1;Nora Nyborg;nora.${suffix}@demokommune.example;Borgerservicemedarbejder;;medarbejder;ja`,
  `E2E-${suffix}-2;Ib Ørsted;${badEmail ? 'ib.orsted@' : `ib.${suffix}@demokommune.example`};Elev;;medarbejder;ja`,
  `E2E-${suffix}-3;Åse Holm;aase.${suffix}@demokommune.example;;${badUnit ? 'FINDES-IKKE' : ''};medarbejder, hr;ja`,
];
/** Saved from Danish Excel: semicolons, CRLF, and a byte-order mark. */
const file = (lines: string[]) => ({
  name: 'medarbejdere.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8'),
});

async function dryRun(page: Page, lines: string[]) {
  await page.getByLabel('Fil med medarbejdere').setInputFiles(file(lines));
  await page.getByRole('button', { name: 'Lav prøvekørsel' }).click();
  await expect(page.getByRole('heading', { name: 'Resultat af prøvekørslen' })).toBeVisible();
}

test('an administrator imports people: the dry run names two bad rows, the fixed file is applied twice', async ({
  page,
}) => {
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/brugere');
  await page.getByRole('link', { name: 'Importér fra HR-system' }).click();
  await expect(pageHeading(page)).toHaveText('Importér brugere og enheder');

  await dryRun(page, rows(true, true));
  await expect(page.getByRole('alert').filter({ hasText: 'Der er 2 fejl i filerne' })).toBeVisible();
  const issues = page.getByRole('table', { name: '2 fejl i rækkerne' });
  await expect(issues.getByRole('row', { name: /3 email Ikke en gyldig e-mailadresse/ })).toBeVisible();
  await expect(
    issues.getByRole('row', { name: /4 enhed_id Enheden "FINDES-IKKE" findes hverken/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anvend importen' })).toHaveCount(0);

  await dryRun(page, rows(false, false));
  await expect(page.getByText('Der er ingen fejl.')).toBeVisible();
  await expect(page.getByRole('table', { name: '3 medarbejdere oprettes' })).toContainText('Åse Holm');
  await page.getByRole('button', { name: 'Anvend importen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importen er anvendt' })).toContainText(
    '3 medarbejdere er oprettet eller ændret',
  );

  // The same file again, by keyboard alone: nothing to change, and applying it changes nothing.
  await page.getByRole('button', { name: 'Lav prøvekørsel' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Der er intet at ændre: Vejviser svarer allerede til filerne.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resultat af prøvekørslen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Anvend importen' })).toBeFocused();
  await page.keyboard.press('Enter');
  const applied = page.getByRole('status').filter({ hasText: 'Importen er anvendt' });
  await expect(applied).toContainText('Intet er ændret');
  await expect(applied.locator('.notice')).toBeFocused();

  await page.goto('/admin/brugere');
  await settled(page);
  await page.getByRole('link', { name: 'Åse Holm' }).click();
  await expect(pageHeading(page)).toHaveText('Åse Holm');
  await settled(page);
  await expect(page.getByLabel('HR', { exact: true })).toBeChecked();
  await logOut(page);
});
