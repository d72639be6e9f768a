/** @module axe-core on every page a user reaches, in Danish and in English, including forms with their errors shown. */
import { expectNoAxeViolations } from './axe.ts';
import { scheduleByApi, startWithGoalByApi, teamMemberId, uniquePlace } from './conversations-helpers.ts';
import { accounts, expect, logIn, logOut, pageHeading, settled, test, useDanish } from './fixtures.ts';
import {
  addCandidateByApi,
  createPositionByApi,
  e2eFocus,
  hrAccount,
  linkByApi,
  scoreByApi,
} from './recruitment-helpers.ts';

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

test.describe('recruitment', () => {
  // The candidate's used link answers 410 on purpose: the page then says so.
  test.use({ expectedErrors: { '/api/candidate-access/form': 410 } });

  test('every recruitment page, and the candidate’s own page, has no WCAG 2.1 A/AA violations', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await logIn(page, hrAccount.email);
    await useDanish(page);
    // Camilla sits on the panel herself, so her candidate page shows the scoring form.
    const position = await createPositionByApi(
      page,
      uniquePlace('Axe-stilling'),
      [hrAccount.email],
      'interviewing',
    );
    const positionId = position.position.id;
    const unscored = await addCandidateByApi(page, positionId, 'Åse Ærø', 'aase.aeroe@privat.example');
    const scored = await addCandidateByApi(page, positionId, 'Øjvind Ågård', 'oejvind@privat.example');
    await scoreByApi(page, scored.id, 3);
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const consolidated = await page.request.put(`/api/candidates/${scored.id}/consolidation`, {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: { version: 0, scores: Object.fromEntries(e2eFocus.map((id) => [id, { level: 3 }])) },
    });
    expect(consolidated.status()).toBe(200);
    const fresh = await linkByApi(page, unscored.id);
    const used = await linkByApi(page, scored.id);
    const submitted = await page.request.post('/api/candidate-access/submit', {
      data: { token: used.url.split('#')[1], ratings: Object.fromEntries(e2eFocus.map((id) => [id, 2])) },
    });
    expect(submitted.status()).toBe(200);

    const check = async (path: string, heading: string | RegExp, where: string) => {
      await page.goto(path);
      await expect(pageHeading(page)).toHaveText(heading);
      await settled(page);
      await expectNoAxeViolations(page, where);
    };
    await check('/rekruttering', 'Rekruttering', 'positions');
    await check('/rekruttering/ny', 'Opret stilling', 'new position');
    await page.getByRole('button', { name: 'Opret stillingen' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'new position with errors');
    await check(`/rekruttering/${positionId}`, position.position.title, 'position');
    await check(`/rekruttering/${positionId}/guide`, 'Samtaleguide', 'interview guide');
    await check(
      `/rekruttering/${positionId}/kandidater/${unscored.id}`,
      'Åse Ærø',
      'candidate with scoring form',
    );
    await page.getByRole('button', { name: 'Indsend bedømmelse' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoAxeViolations(page, 'scoring form with errors');
    await check(`/rekruttering/${positionId}/kandidater/${scored.id}`, 'Øjvind Ågård', 'scored candidate');
    await check(`/rekruttering/${positionId}/sammenligning`, 'Sammenlign kandidaterne', 'comparison');
    await expect(page.locator('.chart-canvas svg')).toBeVisible();
    await expectNoAxeViolations(page, 'comparison with the chart drawn');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await check(`/rekruttering/${positionId}/guide`, 'Interview guide', 'interview guide in English');
    await check(
      `/rekruttering/${positionId}/sammenligning`,
      'Compare the candidates',
      'comparison in English',
    );
    await page.getByRole('button', { name: 'Dansk' }).click();
    await logOut(page);

    // The candidate's page, without a session: a working link, and a used one that says so.
    await page.goto(fresh.url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(pageHeading(page)).toHaveText('Selvevaluering');
    await settled(page);
    await expect(page.getByRole('radio').first()).toBeVisible();
    await expectNoAxeViolations(page, 'candidate self-assessment');
    await page.goto(used.url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(page.getByText('Linket er brugt', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'candidate self-assessment, link used');
  });
});
