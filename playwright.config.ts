/** @module Playwright: the e2e suite in Debian's Chromium against a real server on a fresh embedded database. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 3211);
// A new, empty data directory per run: the server seeds the demo municipality into it on first start.
// Set once in the runner process; workers inherit it rather than computing their own.
if (!process.env.VEJVISER_E2E_DATA_DIR) {
  // Earlier runs' databases (about 40 MB each) are of no further use; their servers have stopped.
  for (const name of readdirSafe('.tmp').filter((entry) => entry.startsWith('e2e-'))) {
    rmSync(join('.tmp', name), { recursive: true, force: true });
  }
  process.env.VEJVISER_E2E_DATA_DIR = `.tmp/e2e-${Date.now()}`;
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export default defineConfig({
  testDir: 'tests/e2e',
  // Starts the OpenID provider the single sign-on journey logs in through.
  globalSetup: './tests/e2e/global-setup.ts',
  // Two cores are shared between the browser and the server, so one worker and no retries: a flaky test must be fixed.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Debian's Chromium; Playwright never downloads a browser here.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx src/server/cli.ts start',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: process.env.VEJVISER_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
    },
  },
});
