/** @module Helpers for the profiling-round tests: the framework as shipped, dates as the UI writes them, rounds by API. */
import type { Page } from '@playwright/test';
import type { FrameworkVersion } from '../../src/server/contracts/frameworks.ts';
import type { RoundDetail } from '../../src/server/contracts/rounds.ts';
import { expect } from './fixtures.ts';

/** A YYYY-MM-DD date `days` from today. */
export function daysFromNow(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "12. maj 2026", as the UI writes a deadline in Danish. */
export const danishDay = (isoDate: string): string =>
  new Intl.DateTimeFormat('da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));

/** A name no earlier run or test has used, so a test finds its own round among others. */
export const uniqueRoundName = (label: string): string =>
  `${label} ${new Date().toISOString().slice(11, 19)}.${Math.floor(Math.random() * 1000)}`;

/** The newest published framework, read from the API so the tests follow the shipped content. */
export async function shippedFramework(page: Page): Promise<FrameworkVersion> {
  const list = (await (await page.request.get('/api/frameworks')).json()) as {
    frameworks: { id: string; status: string; publishedAt: string | null; version: number }[];
  };
  const newest = list.frameworks
    .filter((version) => version.status === 'published')
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.version - a.version)[0];
  const response = await page.request.get(`/api/frameworks/${newest?.id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as FrameworkVersion;
}

export const competenceIds = (framework: FrameworkVersion): string[] =>
  framework.document.areas.flatMap((area) => area.competences.map((competence) => competence.id));

/** Starts a round for Team Skranke through the API, as the signed-in leader. */
export async function startRoundByApi(
  page: Page,
  name: string,
  deadline = daysFromNow(21),
): Promise<RoundDetail> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const team = (await (await page.request.get('/api/team')).json()) as {
    units: { id: string; name: string }[];
  };
  const unit = team.units.find((entry) => entry.name === 'Team Skranke');
  const framework = await shippedFramework(page);
  const response = await page.request.post('/api/rounds', {
    headers: { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'da' },
    data: { name, frameworkVersionId: framework.id, unitIds: [unit?.id], deadline },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as RoundDetail;
}

/** The id of the signed-in user. */
export async function myId(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { id: string }).id;
}
