/** @module axe-core on every page a user reaches, in Danish and in English, including forms with their errors shown. */
import { expectNoAxeViolations } from './axe.ts';
import { scheduleByApi, startWithGoalByApi, teamMemberId, uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

test('every page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/login');
  await expect(pageHeading(page)).toHaveText('Log ind');
  await expectNoAxeViolations(page, 'login');

  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'login with errors');

  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await expectNoAxeViolations(page, 'home');

  await page.goto('/kompetenceramme');
  await settled(page);
  await page.locator('summary').first().click();
  await expect(page.locator('details[open]')).toHaveCount(1);
  await expectNoAxeViolations(page, 'framework with a competence expanded');

  await page.goto('/team');
  await settled(page);
  await expectNoAxeViolations(page, 'team');

  // Conversations: the list, the schedule form (with its errors), a held conversation with a goal, a plan.
  const colleague = 'Mads Pedersen';
  const held = await scheduleByApi(page, colleague, uniquePlace('Mødelokale 1'));
  await startWithGoalByApi(page, held, uniquePlace('Forklare selvbetjening roligt'));
  const heldPath = `/samtaler/${held.conversation.id}`;
  const colleaguePlan = `/plan/${await teamMemberId(page, colleague)}`;
  await page.goto('/samtaler');
  await expect(pageHeading(page)).toHaveText('Samtaler');
  await settled(page);
  await expectNoAxeViolations(page, 'conversations');
  await page.goto('/samtaler/ny');
  await settled(page);
  await expectNoAxeViolations(page, 'schedule a conversation');
  await page.getByRole('button', { name: 'Planlæg samtalen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'schedule a conversation with errors');
  await page.goto(heldPath);
  await expect(pageHeading(page)).toHaveText(`MUS med ${colleague}`);
  await settled(page);
  await expectNoAxeViolations(page, 'held conversation');
  await page.goto(colleaguePlan);
  await expect(pageHeading(page)).toHaveText(`Udviklingsplan: ${colleague}`);
  await settled(page);
  await expectNoAxeViolations(page, 'development plan of an employee');

  await page.goto('/konto');
  await expect(pageHeading(page)).toHaveText('Min konto');
  await expectNoAxeViolations(page, 'account');
  await page.getByLabel('Gentag ny adgangskode').fill('something else');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'account with errors');

  await page.goto('/denne-side-findes-ikke');
  await expect(pageHeading(page)).toHaveText('Siden findes ikke');
  await expectNoAxeViolations(page, '404');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(pageHeading(page)).toHaveText(`Welcome, ${accounts.leader.name}`);
  await expectNoAxeViolations(page, 'home in English');
  await page.goto('/kompetenceramme');
  await settled(page);
  await page.locator('summary').first().click();
  await expectNoAxeViolations(page, 'framework in English');
  await page.goto('/samtaler');
  await expect(pageHeading(page)).toHaveText('Conversations');
  await settled(page);
  await expectNoAxeViolations(page, 'conversations in English');
  await page.goto('/samtaler/ny');
  await settled(page);
  await expectNoAxeViolations(page, 'schedule a conversation in English');
  await page.goto(heldPath);
  await expect(pageHeading(page)).toHaveText(`Development review (MUS) with ${colleague}`);
  await settled(page);
  await expectNoAxeViolations(page, 'held conversation in English');
  await page.goto(colleaguePlan);
  await settled(page);
  await expectNoAxeViolations(page, 'development plan in English');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await logOut(page);

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/brugere');
  await settled(page);
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'admin users');
  // Users, units and the import: the forms, with their errors shown, and a dry run with a bad row.
  await page.getByRole('link', { name: accounts.employee.name }).click();
  await expect(pageHeading(page)).toHaveText(accounts.employee.name);
  await settled(page);
  await expectNoAxeViolations(page, 'edit user');
  await page.getByRole('button', { name: 'Deaktiver brugeren' }).click();
  await expect(page.getByRole('button', { name: 'Ja, deaktiver' })).toBeVisible();
  await expectNoAxeViolations(page, 'edit user, confirming deactivation');
  await page.goto('/admin/brugere/ny');
  await settled(page);
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'new user with errors');
  await page.goto('/admin/brugere');
  await page.getByRole('link', { name: 'Team Skranke' }).click();
  await expect(pageHeading(page)).toHaveText('Team Skranke');
  await settled(page);
  await expectNoAxeViolations(page, 'edit unit');
  await page.goto('/admin/enheder/ny');
  await settled(page);
  await expectNoAxeViolations(page, 'new unit');
  await page.goto('/admin/import');
  await page.getByText('Hvilke kolonner skal filerne have?').click();
  await page.getByLabel('Fil med medarbejdere').setInputFiles({
    name: 'medarbejdere.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('eksternt_id;navn;email\r\nA-1;Ny Person;ikke-en-adresse\r\n'),
  });
  await page.getByRole('button', { name: 'Lav prøvekørsel' }).click();
  await expect(page.getByRole('table', { name: /fejl i rækkerne|række med fejl/ })).toBeVisible();
  await expectNoAxeViolations(page, 'import with a dry run with a bad row');
  await page.goto('/admin/revisionslog');
  await expect(pageHeading(page)).toHaveText('Revisionslog');
  await settled(page);
  await expectNoAxeViolations(page, 'audit log');
  await logOut(page);

  await logIn(page, accounts.employee.email);
  await page.goto('/team');
  await expect(pageHeading(page)).toHaveText('Du har ikke adgang');
  await expectNoAxeViolations(page, 'no access');
  await page.goto('/plan');
  await expect(pageHeading(page)).toHaveText('Min udviklingsplan');
  await settled(page);
  await expectNoAxeViolations(page, 'own development plan');
  await page.goto('/mine-data');
  await expect(pageHeading(page)).toHaveText('Mine data');
  await settled(page);
  await expectNoAxeViolations(page, 'my data');
});

test('the layout holds at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  const expectNoOverflow = async (path: string) => {
    await page.goto(path);
    await settled(page);
    // Nothing may force the whole page to scroll sideways; wide tables scroll inside their own region.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  };
  for (const path of ['/', '/kompetenceramme', '/team', '/konto', '/runder', '/runder/ny']) {
    await expectNoOverflow(path);
  }
  await expectNoAxeViolations(page, 'new round form at 360 px');
  const colleague = 'Mads Pedersen';
  const held = await scheduleByApi(page, colleague, uniquePlace('Mødelokale 1'));
  await startWithGoalByApi(page, held, uniquePlace('Forklare selvbetjening roligt'));
  for (const path of ['/samtaler', '/samtaler/ny', `/samtaler/${held.conversation.id}`]) {
    await expectNoOverflow(path);
  }
  await expectNoAxeViolations(page, 'held conversation at 360 px');
  await expectNoOverflow(`/plan/${await teamMemberId(page, colleague)}`);
  await expectNoAxeViolations(page, 'development plan at 360 px');
  await logOut(page);
  // An employee's profile: charts and wide tables.
  await logIn(page, accounts.employee.email);
  await expectNoOverflow('/profil');
  await expectNoAxeViolations(page, 'profile at 360 px');
  await expectNoOverflow('/samtaler');
  await expectNoOverflow('/plan');
});
