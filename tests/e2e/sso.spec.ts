/**
 * @module Single sign-on in the browser: an administrator connects Demo Kommune to an OpenID provider running on this
 * machine, and an employee logs in through it from the municipality's login page, by keyboard.
 */
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

test('an administrator connects the identity provider, and an employee logs in through it', async ({
  page,
}) => {
  const issuer = process.env.VEJVISER_E2E_OIDC_ISSUER!;
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await openAdminPage(page, 'Fælles login');
  await expect(pageHeading(page)).toHaveText('Fælles login (SSO)');
  await settled(page);
  await expect(page.getByText('/api/auth/sso/callback')).toBeVisible();
  await page.getByLabel('Slå fælles login til').check();
  await page.getByLabel('Udbyderens adresse (issuer)').fill(issuer);
  await page.getByLabel('Klient-id (client ID)').fill(process.env.VEJVISER_E2E_OIDC_CLIENT_ID!);
  await page
    .getByLabel('Klienthemmelighed (client secret)')
    .fill(process.env.VEJVISER_E2E_OIDC_CLIENT_SECRET!);
  await page.getByRole('button', { name: 'Gem fælles login' }).click();
  await expect(page.getByRole('status')).toHaveText('Indstillingerne for fælles login er gemt.');
  // The secret is not sent back: the field is empty, and says one is saved.
  await expect(page.getByLabel('Klienthemmelighed (client secret)')).toHaveValue('');
  await expect(page.getByText('Der er gemt en hemmelighed.', { exact: false })).toBeVisible();
  await logOut(page);

  await page.goto('/login/demo-kommune');
  await expect(page.getByText('Demo Kommune', { exact: true })).toBeVisible();
  const button = page.getByRole('link', { name: 'Log ind med Demo Kommune' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.getByLabel('E-mail hos udbyderen').fill(accounts.employee.email);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
  await expect(pageHeading(page)).toHaveText(`Velkommen, ${accounts.employee.name}`);
  await settled(page);
  await expect(page.locator('.user-name')).toContainText(accounts.employee.name);
});
