/** @module axe-core on every page a user reaches, in Danish and in English, including forms with their errors shown. */
import { expectNoAxeViolations } from './axe.ts';
import { scheduleByApi, startWithGoalByApi, teamMemberId, uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';

test('every page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  // Some thirty pages in two languages: on a busy two-core machine this takes close to a minute.
  test.setTimeout(120_000);
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
  await logOut(page);

  await logIn(page, accounts.employee.email);
  await page.goto('/team');
  await expect(pageHeading(page)).toHaveText('Du har ikke adgang');
  await expectNoAxeViolations(page, 'no access');
  await page.goto('/plan');
  await expect(pageHeading(page)).toHaveText('Min udviklingsplan');
  await settled(page);
  await expectNoAxeViolations(page, 'own development plan');
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

test('the team overview, theme days and the leader dashboard have no WCAG 2.1 A/AA violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const noOverflow = async (where: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
  };
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await page.goto('/team/overblik?selv=ja');
  await expect(pageHeading(page)).toHaveText('Teamoverblik');
  await settled(page);
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNoAxeViolations(page, 'team overview with own ratings');
  await page.goto('/leder');
  await expect(pageHeading(page)).toHaveText('Lederoverblik');
  await settled(page);
  await expectNoAxeViolations(page, 'leader dashboard');
  await page.goto('/temadage');
  await settled(page);
  await expectNoAxeViolations(page, 'theme days');
  await page.getByRole('link', { name: 'Temadag i Team Skranke' }).first().click();
  await expect(pageHeading(page)).toHaveText('Temadag i Team Skranke');
  await settled(page);
  await expectNoAxeViolations(page, 'planned theme day');
  await page.goto('/temadage/ny');
  await expect(pageHeading(page)).toHaveText('Planlæg temadag');
  await settled(page);
  await page.getByRole('button', { name: 'Planlæg temadagen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'plan a theme day with errors');
  await page.setViewportSize({ width: 360, height: 740 });
  await noOverflow('plan a theme day at 360 px');
  await page.goto('/team/overblik');
  await settled(page);
  await noOverflow('team overview at 360 px');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(pageHeading(page)).toHaveText('Team overview');
  await settled(page);
  await expectNoAxeViolations(page, 'team overview in English');
  await page.goto('/leder');
  await settled(page);
  await expectNoAxeViolations(page, 'leader dashboard in English');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await logOut(page);

  // The held theme day as its leader: follow-up tasks and the before and after.
  await logIn(page, 'jonas.mikkelsen@demokommune.example');
  await useDanish(page);
  await page.goto('/temadage');
  await settled(page);
  await page.getByRole('link', { name: 'Temadag i Team Telefon og Digital' }).click();
  await expect(page.getByRole('heading', { name: 'Før og efter' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'held theme day with tasks and before and after');
  await logOut(page);

  // A participant: their own task on the theme day's page.
  await logIn(page, 'susanne.rasmussen@demokommune.example');
  await useDanish(page);
  await page.goto('/temadage');
  await settled(page);
  await page.getByRole('link', { name: 'Temadag i Team Telefon og Digital' }).click();
  await expect(page.getByRole('heading', { name: 'Opgaver efter dagen' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'held theme day as a participant');
  await logOut(page);

  // An administrator: figures per unit only, and the minimum group size.
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/team/overblik');
  await expect(page.getByRole('heading', { name: 'Tværs af enheder' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'figures across units');
  await page.goto('/admin/indstillinger');
  await settled(page);
  await page.getByLabel('Mindste gruppestørrelse for samlede tal').fill('2');
  await page.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'settings with an error');
});
