/** @module The main journeys: a team leader's tour, what each role may see, and the login form by keyboard alone. */
import type { FrameworkVersion } from '../../src/server/contracts/frameworks.ts';
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

const areaNames = [
  'Kommunikation',
  'Pædagogik og coaching',
  'Organisatorisk indsigt',
  'IT-kompetencer',
  'Personlige kompetencer',
];

test('a team leader logs in, browses the framework, switches language, sees her team and logs out', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, accounts.leader.email);
  await useDanish(page);
  await expect(pageHeading(page)).toHaveText(`Velkommen, ${accounts.leader.name}`);
  await expect(page).toHaveTitle('Forside – Vejviser');

  const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
  await navigation.getByRole('link', { name: 'Kompetenceramme' }).click();
  await expect(navigation.getByRole('link', { name: 'Kompetenceramme' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await settled(page);
  for (const name of areaNames) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  // Read what the page should show from the API, so the test follows the shipped content.
  const list = (await (await page.request.get('/api/frameworks')).json()) as { frameworks: { id: string }[] };
  const framework = (await (
    await page.request.get(`/api/frameworks/${list.frameworks[0]?.id}`)
  ).json()) as FrameworkVersion;
  const area = framework.document.areas[0]!;
  const competence = area.competences[0]!;
  const levelOne = competence.levels[0]!;
  const behaviour = page.getByText(levelOne.behaviour.da, { exact: true });
  await expect(behaviour).toBeHidden();
  await page.locator('summary').filter({ hasText: competence.name.da }).click();
  await expect(behaviour).toBeVisible();
  for (const entry of framework.document.scale.levels) {
    await expect(
      page.locator(`#competence-${competence.id}`).getByText(`Niveau ${entry.level} · ${entry.name.da}`),
    ).toBeVisible();
  }

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: area.name.en, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Scale' })).toBeVisible();
  await page.reload();
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: area.name.en, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My team' }).click();
  await expect(pageHeading(page)).toHaveText('My team');
  await settled(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Team Skranke' })).toBeVisible();
  await expect(page.getByText(accounts.employee.name, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: accounts.employee.email })).toBeVisible();

  // Back to Danish, so the saved preference does not leak into the next test's expectations.
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await logOut(page);
  await expect(pageHeading(page)).toHaveText('Log ind');
  await page.goto('/team');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password is explained; each role sees only its own links', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log ind' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'Der er 2 fejl' })).toBeVisible();
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Skriv din e-mailadresse.' }).click();
  await expect(page.getByLabel('E-mailadresse')).toBeFocused();
  await expect(page.getByLabel('E-mailadresse')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('E-mailadresse').fill(accounts.leader.email);
  await page.getByLabel('Adgangskode').fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(summary.getByRole('heading', { name: 'Der er en fejl' })).toBeVisible();
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary.getByRole('listitem')).not.toBeEmpty();
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, accounts.employee.email);
  await expect(pageHeading(page)).toHaveText(`Velkommen, ${accounts.employee.name}`);
  const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(navigation.getByRole('link', { name: 'Kompetenceramme' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Mit team' })).toHaveCount(0);
  await expect(navigation.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin/brugere');
  await settled(page);
  await expect(pageHeading(page)).toHaveText('Du har ikke adgang');
  await logOut(page);

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await openAdminPage(page, 'Brugere og enheder');
  await settled(page);
  const users = page.getByRole('table', { name: /brugere$/ });
  await expect(users).toBeVisible();
  // One row per person the API knows, however many earlier journeys have added.
  const known = (await (await page.request.get('/api/users')).json()) as { users: unknown[] };
  expect(known.users.length).toBeGreaterThanOrEqual(19);
  await expect(users.locator('tbody tr')).toHaveCount(known.users.length);
  await expect(users.getByRole('rowheader', { name: accounts.leader.name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Enheder' })).toBeVisible();
  await logOut(page);
});

test('after too many wrong passwords the server says when to try again', async ({ page }) => {
  // An account no other test signs in with, so locking it out affects nothing else.
  const email = 'emma.johansen@demokommune.example';
  await page.goto('/login');
  const problem = page.getByRole('alert').getByRole('listitem');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill('wrong-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(problem).toHaveCount(1);
  const wrongPassword = (await problem.textContent()) ?? '';
  expect(wrongPassword).not.toBe('');
  // The server allows five failures per account; the sixth attempt is refused with 429.
  for (let attempt = 2; attempt <= 6; attempt += 1) {
    await page.getByLabel('Adgangskode').fill('wrong-password');
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await answered;
  }
  await expect(problem).not.toHaveText(wrongPassword);
  await expect(problem).not.toBeEmpty();
  await expect(page.getByRole('alert')).toBeFocused();
});

test('the login form works by keyboard alone, and the skip link is the first Tab stop', async ({ page }) => {
  await page.goto('/login');
  await expect(pageHeading(page)).toHaveText('Log ind');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mailadresse')).toBeFocused();
  await page.keyboard.type(accounts.leader.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adgangskode')).toBeFocused();
  await page.keyboard.type('vejviser-demo');
  await page.keyboard.press('Enter');

  await expect(pageHeading(page)).toHaveText(/^(Velkommen|Welcome), Anne Kristensen$/);
  // After a navigation, focus starts at the new page's heading, as after a full page load.
  await expect(pageHeading(page)).toBeFocused();
  await useDanish(page);

  // Open a competence with the keyboard as well.
  await page.getByRole('link', { name: 'Kompetenceramme' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(pageHeading(page)).toBeFocused();
  await settled(page);
  const summary = page.locator('summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details').first()).toHaveAttribute('open', '');
  await logOut(page);
});

test.describe('when the server says no', () => {
  test.use({
    expectedErrors: {
      '/api/team': 401,
      '/api/frameworks/00000000-0000-4000-8000-000000000000': 404,
    },
  });

  test('an ended session leads to the login page and back to where the user was going', async ({
    page,
    context,
  }) => {
    await logIn(page, accounts.leader.email);
    await useDanish(page);
    // The session ends on the server's side (expired, or logged out in another tab).
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Mit team' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(pageHeading(page)).toHaveText('Log ind');
    await logIn(page, accounts.leader.email);
    await expect(page).toHaveURL(/\/team$/);
    await expect(pageHeading(page)).toHaveText('Mit team');
  });

  test('a framework version that does not exist gets a plain explanation', async ({ page }) => {
    await logIn(page, accounts.leader.email);
    await useDanish(page);
    await page.goto('/kompetenceramme/00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByRole('alert').getByRole('heading', { name: 'Vi kan ikke finde det' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
    await page.goto('/kompetenceramme/ikke-et-id');
    await expect(pageHeading(page)).toHaveText('Siden findes ikke');
  });
});
