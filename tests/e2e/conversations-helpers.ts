/** @module Helpers for the conversation tests: conversations, goals and actions made through the API as the signed-in user. */
import type { Page } from '@playwright/test';
import type {
  ConversationDetail,
  Goal,
  GroupConversationDetail,
} from '../../src/server/contracts/conversations.ts';
import { expect } from './fixtures.ts';
import { competenceIds, daysFromNow, shippedFramework } from './rounds-helpers.ts';

/** A place no earlier run or test has used, so a test can tell its own conversation from the others. */
export const uniquePlace = (label: string): string =>
  `${label} ${new Date().toISOString().slice(11, 19)}.${Math.floor(Math.random() * 1000)}`;

async function headers(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'da' };
}

/** The id of a member of the signed-in leader's team, by name. */
export async function teamMemberId(page: Page, name: string): Promise<string> {
  const team = (await (await page.request.get('/api/team')).json()) as {
    members: { id: string; name: string }[];
  };
  const member = team.members.find((entry) => entry.name === name);
  expect(member, `${name} in the team`).toBeDefined();
  return member?.id ?? '';
}

/** Schedules a MUS a week from now at 10.00 Copenhagen time, as the signed-in leader. */
export async function scheduleByApi(
  page: Page,
  employeeName: string,
  place: string,
): Promise<ConversationDetail> {
  const response = await page.request.post('/api/conversations', {
    headers: await headers(page),
    data: {
      kind: 'mus',
      employeeId: await teamMemberId(page, employeeName),
      scheduledAt: `${daysFromNow(7)}T10:00:00+01:00`,
      durationMinutes: 60,
      place,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ConversationDetail;
}

/** Starts the conversation and agrees one goal with one action, as the signed-in leader. */
export async function startWithGoalByApi(
  page: Page,
  detail: ConversationDetail,
  goalTitle: string,
): Promise<Goal> {
  const id = detail.conversation.id;
  const started = await page.request.post(`/api/conversations/${id}/start`, { headers: await headers(page) });
  expect(started.status(), await started.text()).toBe(200);
  const competence = competenceIds(await shippedFramework(page))[0];
  const goal = await page.request.post(`/api/conversations/${id}/goals`, {
    headers: await headers(page),
    data: {
      title: goalTitle,
      why: 'Så borgeren selv finder vej.',
      successCriterion: 'Tre borgere om ugen klarer selv ansøgningen.',
      targetDate: daysFromNow(60),
      competenceIds: [competence],
    },
  });
  expect(goal.status(), await goal.text()).toBe(201);
  const created = (await goal.json()) as Goal;
  const action = await page.request.post(`/api/goals/${created.id}/actions`, {
    headers: await headers(page),
    data: {
      kind: 'practice',
      description: 'Prøv tre åbne spørgsmål hver formiddag.',
      ownerId: detail.people.employee.id,
      dueDate: daysFromNow(30),
    },
  });
  expect(action.status(), await action.text()).toBe(201);
  return created;
}

/** A group MUS with the signed-in leader's first unit, started, with one team goal and an action, by the API. */
export async function heldGroupByApi(page: Page, place: string): Promise<GroupConversationDetail> {
  const team = (await (await page.request.get('/api/team')).json()) as {
    units: { id: string }[];
    members: { id: string; unit: { id: string } | null; active: boolean }[];
  };
  const unitId = team.units[0]?.id ?? '';
  const participantIds = team.members
    .filter((member) => member.active && member.unit?.id === unitId)
    .map((member) => member.id);
  const created = await page.request.post('/api/group-conversations', {
    headers: await headers(page),
    data: { unitId, participantIds, scheduledAt: `${daysFromNow(7)}T13:00:00+01:00`, place },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as GroupConversationDetail).conversation.id;
  const started = await page.request.post(`/api/group-conversations/${id}/start`, {
    headers: await headers(page),
  });
  expect(started.status(), await started.text()).toBe(200);
  const goal = await page.request.post(`/api/group-conversations/${id}/goals`, {
    headers: await headers(page),
    data: {
      title: `Vi lader borgeren selv betjene tastaturet ${place}`,
      successCriterion: 'Alle har en borger at fortælle om i marts.',
      targetDate: daysFromNow(90),
      competenceIds: competenceIds(await shippedFramework(page)).slice(0, 1),
    },
  });
  expect(goal.status(), await goal.text()).toBe(201);
  const action = await page.request.post(`/api/goals/${((await goal.json()) as Goal).id}/actions`, {
    headers: await headers(page),
    data: {
      kind: 'practice',
      description: 'Vis de andre, hvordan du sidder ved siden af borgeren.',
      ownerId: participantIds[0],
      dueDate: daysFromNow(30),
    },
  });
  expect(action.status(), await action.text()).toBe(201);
  return (await (await page.request.get(`/api/group-conversations/${id}`)).json()) as GroupConversationDetail;
}
