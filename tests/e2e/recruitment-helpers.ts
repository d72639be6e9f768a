/** @module Helpers for the recruitment tests: positions, candidates, links and scores made through the API as the signed-in user. */
import type { Page } from '@playwright/test';
import type {
  CandidateSummary,
  LinkCreated,
  PositionDetail,
} from '../../src/server/contracts/recruitment.ts';
import { expect } from './fixtures.ts';

export const hrAccount = { email: 'camilla.thomsen@demokommune.example', name: 'Camilla Thomsen' } as const;
export const otherLeader = { email: 'jonas.mikkelsen@demokommune.example', name: 'Jonas Mikkelsen' } as const;

/** Four focus competences, one from each of four areas, in the framework's order. */
export const e2eFocus = [
  'spoergeteknik',
  'medbetjening',
  'digital-vejledning-og-motivation',
  'kulturel-aabenhed',
];

async function headers(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'da' };
}

async function post<T>(page: Page, path: string, data: unknown, status = 200): Promise<T> {
  const response = await page.request.post(path, { headers: await headers(page), data });
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** A Team Skranke position from the "Specialist i borgerbetjening" profile, as the signed-in HR person or leader. */
export async function createPositionByApi(
  page: Page,
  title: string,
  panelEmails: string[],
  status: 'draft' | 'open' | 'interviewing' = 'draft',
): Promise<PositionDetail> {
  const units = (await (await page.request.get('/api/units')).json()) as {
    units: { id: string; name: string }[];
  };
  const profiles = (await (await page.request.get('/api/role-profiles')).json()) as {
    roleProfiles: { id: string; key: string }[];
  };
  const people = (await (await page.request.get('/api/recruitment/people')).json()) as {
    people: { id: string; name: string }[];
  };
  const emailName = (email: string) =>
    email
      .split('@')[0]!
      .split('.')
      .map((part) => part[0]!.toUpperCase() + part.slice(1));
  const panelIds = panelEmails.map((email) => {
    const [first, last] = emailName(email);
    const person = people.people.find((entry) => entry.name.startsWith(first!) && entry.name.includes(last!));
    expect(person, email).toBeDefined();
    return person!.id;
  });
  let position = await post<PositionDetail>(
    page,
    '/api/positions',
    {
      title,
      unitId: units.units.find((unit) => unit.name === 'Team Skranke')!.id,
      roleProfileId: profiles.roleProfiles.find((profile) => profile.key === 'specialist-i-borgerbetjening')!
        .id,
      focusCompetenceIds: e2eFocus,
      panelIds,
    },
    201,
  );
  for (const next of ['open', 'interviewing'] as const) {
    if (status === 'draft' || (status === 'open' && next === 'interviewing')) break;
    position = await post<PositionDetail>(page, `/api/positions/${position.position.id}/status`, {
      version: position.version,
      status: next,
    });
  }
  return position;
}

export const addCandidateByApi = (page: Page, positionId: string, name: string, email: string) =>
  post<CandidateSummary>(page, `/api/positions/${positionId}/candidates`, { name, email }, 201);

export const linkByApi = (page: Page, candidateId: string) =>
  post<LinkCreated>(page, `/api/candidates/${candidateId}/link`, { send: false }, 201);

/** The signed-in panel member scores every focus competence at `level` and submits. */
export async function scoreByApi(page: Page, candidateId: string, level: number): Promise<void> {
  const ratings = Object.fromEntries(
    e2eFocus.map((id) => [id, { level, justification: `Eksempel om ${id}.` }]),
  );
  const response = await page.request.put(`/api/candidates/${candidateId}/score`, {
    headers: await headers(page),
    data: { version: 0, ratings },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { version } = (await response.json()) as { version: number };
  await post(page, `/api/candidates/${candidateId}/score/submit`, { version });
}
