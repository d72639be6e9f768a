/** @module axe-core on every page a user reaches, in Danish and in English, including forms with their errors shown. */
import { expectNoAxeViolations } from './axe.ts';
import {
  heldGroupByApi,
  scheduleByApi,
  startWithGoalByApi,
  teamMemberId,
  uniquePlace,
} from './conversations-helpers.ts';
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
import {
  addCandidateByApi,
  createPositionByApi,
  e2eFocus,
  hrAccount,
  linkByApi,
  scoreByApi,
} from './recruitment-helpers.ts';

test('every page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  // Some forty pages, each scanned by axe, in two languages, on two shared cores.
  test.setTimeout(180_000);
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
  // Group MUS: the schedule form (its errors are checked in the group journey) and a held one with a team goal.
  const group = await heldGroupByApi(page, uniquePlace('Kantinen'));
  const groupPath = `/samtaler/grus/${group.conversation.id}`;
  await page.goto('/samtaler/grus/ny');
  await expect(pageHeading(page)).toHaveText('Planlæg gruppe-MUS');
  await settled(page);
  await expectNoAxeViolations(page, 'schedule a group MUS');
  await page.goto(groupPath);
  await expect(pageHeading(page)).toHaveText('Gruppe-MUS med Team Skranke');
  await settled(page);
  await expectNoAxeViolations(page, 'held group MUS');

  // The practice log's team figures and learning from colleagues, with a confirm form and its errors.
  await page.goto('/praksislog/team');
  await expect(pageHeading(page)).toHaveText('Praksis i teamet');
  await settled(page);
  await expectNoAxeViolations(page, 'team practice');
  await page.goto('/laer-af-kolleger');
  await expect(pageHeading(page)).toHaveText('Lær af kolleger');
  await settled(page);
  const need = page.locator('details.pairing-need').first();
  await need.locator('summary').click();
  await need.getByRole('button', { name: 'Bekræft makkerpar' }).click();
  await expect(need.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'learn from colleagues with a confirm form and its errors');

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
  await page.goto('/praksislog/team');
  await expect(pageHeading(page)).toHaveText('Team practice');
  await settled(page);
  await expectNoAxeViolations(page, 'team practice in English');
  await page.goto('/samtaler/grus/ny');
  await expect(pageHeading(page)).toHaveText('Schedule a group development review');
  await settled(page);
  await expectNoAxeViolations(page, 'schedule a group MUS in English');
  await page.goto(groupPath);
  await expect(pageHeading(page)).toHaveText('Group development review with Team Skranke');
  await settled(page);
  await expectNoAxeViolations(page, 'held group MUS in English');
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
  await page.goto('/admin');
  await expect(pageHeading(page)).toHaveText('Administration');
  await expectNoAxeViolations(page, 'administration');
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
  await page.goto('/praksislog');
  await expect(pageHeading(page)).toHaveText('Min praksislog');
  await settled(page);
  await expectNoAxeViolations(page, 'own practice log');
  // The quick entry on a phone, with a CPR number caught while typing and the form's errors.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/praksislog/ny');
  await expect(pageHeading(page)).toHaveText('Registrér en borgerkontakt');
  await settled(page);
  await expectNoAxeViolations(page, 'practice entry at 390 px');
  await page.getByLabel('Hvad virkede? *').fill('Borgeren havde cpr 0101901234 med.');
  await page.getByRole('button', { name: 'Gem registreringen' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'practice entry at 390 px with errors');
  await page.getByLabel('Find en kompetence').fill('digital');
  await expectNoAxeViolations(page, 'practice entry at 390 px, searching competences');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(pageHeading(page)).toHaveText('Log a citizen contact');
  await expectNoAxeViolations(page, 'practice entry in English');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
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
  for (const path of [
    '/',
    '/kompetenceramme',
    '/team',
    '/konto',
    '/runder',
    '/runder/ny',
    '/praksislog/team',
    '/laer-af-kolleger',
  ]) {
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
  const group = await heldGroupByApi(page, uniquePlace('Kantinen'));
  for (const path of ['/samtaler/grus/ny', `/samtaler/grus/${group.conversation.id}`]) {
    await expectNoOverflow(path);
  }
  await expectNoAxeViolations(page, 'held group MUS at 360 px');
  await expectNoOverflow(`/plan/${await teamMemberId(page, colleague)}`);
  await expectNoAxeViolations(page, 'development plan at 360 px');
  await logOut(page);
  // An employee's profile: charts and wide tables.
  await logIn(page, accounts.employee.email);
  await expectNoOverflow('/profil');
  await expectNoAxeViolations(page, 'profile at 360 px');
  await expectNoOverflow('/samtaler');
  await expectNoOverflow('/plan');
  await expectNoOverflow('/praksislog');
  await expectNoOverflow('/praksislog/ny');
});

test('the accessibility statement and the framework administration have no WCAG 2.1 A/AA violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The statement is linked from every page's footer, the login page's too.
  await page.goto('/login');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(pageHeading(page)).toHaveText('Tilgængelighedserklæring');
  await settled(page);
  await expect(page.getByRole('link', { name: /Digitaliseringsstyrelsen/ })).toBeVisible();
  await expectNoAxeViolations(page, 'accessibility statement before login');

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/indstillinger');
  await settled(page);
  const contact = 'Skriv til it-support@demokommune.example eller ring 12 34 56 78 på hverdage kl. 9-15.';
  await page.getByLabel('Kontakt', { exact: true }).fill(contact);
  await page.getByRole('button', { name: 'Gem kontakten' }).click();
  await expect(page.getByText('Kontakten er gemt.')).toBeVisible();
  await expectNoAxeViolations(page, 'settings with the accessibility contact');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByText(contact)).toBeVisible();
  await expectNoAxeViolations(page, 'accessibility statement with the contact');

  // A draft for the editor's pages; deleted again at the end.
  await page.goto('/admin/kompetenceramme');
  await settled(page);
  await expectNoAxeViolations(page, 'framework versions');
  await page.getByRole('button', { name: /^Ny kladde ud fra version/ }).click();
  await expect(pageHeading(page)).toContainText('kladde til version');
  await settled(page);
  await expectNoAxeViolations(page, 'draft editor');
  await page.getByRole('link', { name: 'Rediger Spørgeteknik' }).click();
  await expect(pageHeading(page)).toHaveText('Rediger Spørgeteknik');
  await settled(page);
  await page.getByLabel('Navn (dansk)', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Gem i kladden' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expectNoAxeViolations(page, 'competence form with errors');
  await page.getByRole('link', { name: 'Annullér' }).click();
  await settled(page);
  await page.getByRole('link', { name: 'Tilføj en kompetence til Kommunikation' }).click();
  await expect(pageHeading(page)).toHaveText('Ny kompetence');
  await settled(page);
  await expectNoAxeViolations(page, 'new competence');
  await page.goBack();
  await settled(page);
  await page.getByRole('link', { name: 'Rediger området Kommunikation' }).click();
  await settled(page);
  await expectNoAxeViolations(page, 'area form');
  await page.goBack();
  await settled(page);
  await page.getByRole('link', { name: 'Rediger rammens navn, beskrivelse og skala' }).click();
  await settled(page);
  await expectNoAxeViolations(page, 'framework details form');
  await page.goBack();
  await settled(page);
  await page.getByRole('button', { name: 'Slet kladden' }).click();
  await expectNoAxeViolations(page, 'draft editor asking to delete');
  await page.getByRole('button', { name: 'Ja, slet kladden' }).click();
  await expect(pageHeading(page)).toHaveText('Tilpas kompetencerammen');

  await page.goto('/admin/rolleprofiler');
  await settled(page);
  await expectNoAxeViolations(page, 'role profiles');
  await page.getByRole('link', { name: 'Rediger Borgervejleder' }).click();
  await expect(pageHeading(page)).toHaveText('Rediger Borgervejleder');
  await settled(page);
  await expectNoAxeViolations(page, 'role profile form');
  await page.goto('/admin/rolleprofiler');
  await settled(page);
  await page.getByRole('link', { name: /^Opret en rolleprofil/ }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Gem rolleprofilen' }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expectNoAxeViolations(page, 'new role profile with errors');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/tilgaengelighed');
  await expect(pageHeading(page)).toHaveText('Accessibility statement');
  await settled(page);
  await expectNoAxeViolations(page, 'accessibility statement in English');
  await page.goto('/admin/kompetenceramme');
  await settled(page);
  await expectNoAxeViolations(page, 'framework versions in English');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});

test('the API reference has no WCAG 2.1 A/AA violations, with an operation and a schema open', async ({
  page,
}) => {
  // A page with every route and schema: axe takes a while over it, so it has a test of its own.
  await page.goto('/api/docs');
  await expect(pageHeading(page)).toHaveText('API-reference');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  const operation = page.locator('details.operation').filter({ hasText: '/api/users/{userId}' }).first();
  await operation.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(operation.getByRole('heading', { name: 'Parametre' })).toBeVisible();
  await operation.getByRole('link', { name: 'Person', exact: true }).click();
  await page.locator('#schema-person summary').click();
  await expect(page.locator('#schema-person table')).toBeVisible();
  await expectNoAxeViolations(page, 'API reference');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(pageHeading(page)).toHaveText('API reference');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('single sign-on and API token pages have no WCAG 2.1 A/AA violations, with errors shown', async ({
  page,
}) => {
  // A municipality's login page, with the reason a single sign-on came back.
  await page.goto('/login/demo-kommune?sso_error=sso_unknown_user');
  await expect(page.getByRole('alert')).toContainText('ikke oprettet i Vejviser');
  await expectNoAxeViolations(page, 'municipality login with a single sign-on error');

  await logIn(page, accounts.admin.email);
  await useDanish(page);
  await page.goto('/admin/sso');
  await expect(pageHeading(page)).toHaveText('Fælles login (SSO)');
  await settled(page);
  await expectNoAxeViolations(page, 'admin single sign-on');
  await page.getByLabel('Klient-id (client ID)').fill('');
  await page.getByRole('button', { name: 'Gem fælles login' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'admin single sign-on with errors');
  await page.goto('/admin/api-noegler');
  await expect(pageHeading(page)).toHaveText('API-nøgler');
  await settled(page);
  await page.getByRole('button', { name: 'Opret nøgle' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'API tokens with errors');
  await page.getByLabel('Hvad bruges nøglen til?').fill('Tilgængelighedstest');
  await page.getByLabel('Læse organisationen').check();
  await page.getByRole('button', { name: 'Opret nøgle' }).click();
  await expect(page.getByLabel('API-nøgle til "Tilgængelighedstest"')).toHaveValue(/^vvt_/);
  await expectNoAxeViolations(page, 'API tokens with a new token shown');
  await page.getByRole('button', { name: 'Jeg har gemt nøglen' }).click();
  await page.getByRole('button', { name: 'Tilbagekald Tilgængelighedstest' }).click();
  await expectNoAxeViolations(page, 'API tokens confirming a revocation');
  await page.getByRole('button', { name: 'Ja, tilbagekald' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'er tilbagekaldt' })).toBeVisible();
  await logOut(page);
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
  // The practice-log trend comes from the unit's aggregate: a table, never individual entries.
  await expect(
    page.getByRole('table', { name: 'Team Skranke: andel selvbetjening og medbetjening' }),
  ).toBeVisible();
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

test('the retention and erasure page has no WCAG 2.1 A/AA violations, with errors and a confirmation shown', async ({
  page,
}) => {
  await logIn(page, accounts.admin.email);
  await useDanish(page);
  // Someone who has left: made and deactivated through the API, with a name no earlier run has used.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'da' };
  const stamp = `${Date.now()}`;
  const name = `Stoppet Medarbejder ${stamp}`;
  const created = await page.request.post('/api/admin/users', {
    headers,
    data: {
      name,
      email: `stoppet.${stamp}@demokommune.example`,
      title: null,
      roles: ['employee'],
      unitId: null,
      roleProfileKey: null,
      externalId: null,
      locale: 'da',
    },
  });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: string; version: number };
  const deactivated = await page.request.put(`/api/admin/users/${person.id}/status`, {
    headers,
    data: { active: false, version: person.version },
  });
  expect(deactivated.status()).toBe(200);

  await openAdminPage(page, 'Opbevaring og sletning');
  await expect(pageHeading(page)).toHaveText('Opbevaring og sletning');
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expectNoAxeViolations(page, 'retention and erasure');

  await page.getByLabel('Praksislog (måneder)').fill('0');
  await page.getByRole('button', { name: 'Gem perioderne' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'retention periods with an error');
  await page.getByLabel('Praksislog (måneder)').fill('6');

  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: 'Slet alt nu' }).click();
  const confirm = row.getByRole('button', { name: 'Ja, slet for altid' });
  await expect(confirm).toBeVisible();
  await expect(row.getByText('slettes for altid')).toBeVisible();
  await expectNoAxeViolations(page, 'retention and erasure, confirming an erasure');
  // Focus is on the question, so the keyboard goes straight on to the answer.
  await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByRole('status').filter({ hasText: `Alle data om ${name} er slettet.` });
  await expect(done).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  await logOut(page);
});
