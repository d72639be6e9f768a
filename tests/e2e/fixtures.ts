/** @module The e2e test object: fails a test on any console error or failed request to our origin, plus login helpers. */
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export const demoPassword = 'vejviser-demo';
export const accounts = {
  leader: { email: 'anne.kristensen@demokommune.example', name: 'Anne Kristensen' },
  employee: { email: 'birthe.hansen@demokommune.example', name: 'Birthe Hansen' },
  admin: { email: 'mette.lund@demokommune.example', name: 'Mette Lund' },
} as const;

/**
 * Error answers a test provokes on purpose, by path: e.g. `{ '/api/team': 401 }`. A `*` stands for one path
 * segment, for the ids a test only learns while it runs.
 * A map rather than a list, because Playwright reads an array given to test.use() as [value, options].
 */
export type ExpectedErrors = Record<string, number>;

const escapeRegExp = (text: string): string => text.replace(/[.+?^$()|[\]{}\\]/g, '\\$&');
const pathPattern = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('*').map(escapeRegExp).join('[^/]+')}$`);

/** Answers that are the expected outcome of what a test does, not a defect: nobody signed in, a wrong password. */
function isDeliberate(method: string, path: string, status: number, expected: ExpectedErrors): boolean {
  if (status === 401 && ((method === 'GET' && path === '/api/auth/me') || path === '/api/auth/login'))
    return true;
  if (status === 429 && path === '/api/auth/login') return true;
  return Object.entries(expected).some(
    ([pattern, expectedStatus]) => expectedStatus === status && pathPattern(pattern).test(path),
  );
}

export const test = base.extend<{ expectedErrors: ExpectedErrors; browserProblems: string[] }>({
  expectedErrors: [{}, { option: true }],
  browserProblems: [
    async ({ page, baseURL, expectedErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const problems: string[] = [];
      const deliberateUrls = new Set<string>();
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin !== origin || response.status() < 400) return;
        if (isDeliberate(response.request().method(), url.pathname, response.status(), expectedErrors)) {
          deliberateUrls.add(response.url());
          return;
        }
        problems.push(`HTTP ${response.status()} from ${response.request().method()} ${url.pathname}`);
      });
      page.on('requestfailed', (request) => {
        const url = new URL(request.url());
        // A reload or navigation cancels requests still in flight; that is the browser's doing, not ours.
        if (url.origin !== origin || request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(
          `request failed: ${request.method()} ${url.pathname} (${request.failure()?.errorText})`,
        );
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // The browser logs every 4xx as a console error; the deliberate ones are already accounted for above.
        if (
          message.text().startsWith('Failed to load resource') &&
          deliberateUrls.has(message.location().url)
        )
          return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
      await use(problems);
      expect(problems, 'console errors or failed requests during the test').toEqual([]);
    },
    { auto: true },
  ],
});

/** The page's one h1. */
export const pageHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Waits until no "loading" line is left, so checks see the finished page. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.loading')).toHaveCount(0);
}

export async function logIn(page: Page, email: string, password = demoPassword): Promise<void> {
  if (!page.url().endsWith('/login')) await page.goto('/login');
  await page.getByLabel(/^(E-mailadresse|Email address)$/).fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Log ind|Log in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login$/);
  // The new page's heading first: until it renders, there is no "loading" line to wait for either.
  await expect(pageHeading(page)).toBeVisible();
  await settled(page);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Log ud|Log out)$/ }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Makes sure the UI is in Danish, whatever the signed-in user saved last time. */
export async function useDanish(page: Page): Promise<void> {
  const danish = page
    .getByRole('group', { name: /^(Sprog|Language)$/ })
    .getByRole('button', { name: 'Dansk' });
  if ((await danish.getAttribute('aria-pressed')) !== 'true') await danish.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
}

/** Opens an administration page the way an administrator does: the menu's one link, then the page on the hub. */
export async function openAdminPage(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Administration' })
    .click();
  await expect(pageHeading(page)).toHaveText('Administration');
  await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
}
