/** @module Conversations made directly through the repositories, for tests that need one in a given state. */
import { eq } from 'drizzle-orm';
import { conversations } from '../../src/db/schema.ts';
import { demoEmail } from '../../src/db/seed/demo.ts';
import type { TestApp } from './app.ts';
import { people } from './world.ts';

export interface HeldConversation {
  conversationId: string;
  goalId: string;
  actionId: string;
}

/**
 * A MUS that Anne (Team Skranke's leader) has started with an employee of her team, with one goal and one action;
 * signed by both when asked.
 */
export async function heldConversation(
  testApp: TestApp,
  employeeId: string,
  options: { signed?: boolean; goalTitle?: string } = {},
): Promise<HeldConversation> {
  const login = (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!;
  const tenant = testApp.repositories.forTenant(login.municipalityId);
  const now = new Date();
  const conversation = await tenant.conversations.create({
    kind: 'mus',
    employeeId,
    leaderId: login.userId,
    roundId: null,
    followUpOf: null,
    scheduledAt: new Date('2099-03-01T09:00:00Z'),
    durationMinutes: 60,
    place: 'Mødelokale 2',
    agenda: [],
  });
  await tenant.conversations.start(conversation.id, now);
  const goal = await tenant.conversations.createGoal({
    conversationId: conversation.id,
    employeeId,
    title: options.goalTitle ?? 'Stille åbne spørgsmål ved skranken',
    why: 'Så borgeren selv finder vej.',
    successCriterion: 'Tre borgere om ugen klarer selv ansøgningen.',
    targetDate: '2099-06-30',
    competenceIds: ['spoergeteknik'],
  });
  if (goal.outcome !== 'saved') throw new Error('could not create the goal');
  const action = await tenant.conversations.createAction(goal.row, {
    kind: 'practice',
    description: 'Prøv tre åbne spørgsmål hver formiddag.',
    ownerId: employeeId,
    colleagueId: null,
    dueDate: '2099-04-30',
  });
  if (action.outcome !== 'saved') throw new Error('could not create the action');
  if (options.signed) {
    const [row] = await testApp.handle.db
      .select({ contentVersion: conversations.contentVersion })
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    for (const [role, signerId] of [
      ['employee', employeeId],
      ['leader', login.userId],
    ] as const) {
      await tenant.conversations.sign({
        conversationId: conversation.id,
        role,
        signerId,
        contentVersion: row!.contentVersion,
        now,
      });
    }
  }
  return { conversationId: conversation.id, goalId: goal.row.id, actionId: action.row.id };
}

/**
 * A group MUS that Anne has scheduled with Team Skranke and started, with one team goal and one action owned by the
 * first participant; closed when asked.
 */
export async function heldGroupConversation(
  testApp: TestApp,
  participantIds: string[],
  options: { closed?: boolean } = {},
): Promise<HeldConversation> {
  const login = (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!;
  const tenant = testApp.repositories.forTenant(login.municipalityId);
  const participant = await tenant.people.findUser(participantIds[0]!);
  const now = new Date();
  const group = await tenant.conversations.createGroup({
    leaderId: login.userId,
    unitId: participant!.unitId!,
    participantIds,
    scheduledAt: new Date('2099-03-02T09:00:00Z'),
    durationMinutes: 90,
    place: 'Kantinen',
    agenda: [],
  });
  await tenant.conversations.start(group.id, now);
  const goal = await tenant.conversations.createGoal({
    conversationId: group.id,
    employeeId: null,
    title: 'Vi hjælper borgerne i gang med MitID-appen',
    why: 'Mange henvendelser handler om MitID.',
    successCriterion: 'Halvdelen af MitID-henvendelserne klares af borgeren selv.',
    targetDate: '2099-09-30',
    competenceIds: ['medbetjening'],
  });
  if (goal.outcome !== 'saved') throw new Error('could not create the team goal');
  const action = await tenant.conversations.createAction(goal.row, {
    kind: 'practice',
    description: 'Vis en borger om dagen MitID-appen ved skranken.',
    ownerId: participantIds[0]!,
    colleagueId: null,
    dueDate: '2099-05-31',
  });
  if (action.outcome !== 'saved') throw new Error('could not create the team action');
  if (options.closed) {
    const [row] = await testApp.handle.db
      .select({ contentVersion: conversations.contentVersion })
      .from(conversations)
      .where(eq(conversations.id, group.id));
    await tenant.conversations.sign({
      conversationId: group.id,
      role: 'leader',
      signerId: login.userId,
      contentVersion: row!.contentVersion,
      now,
      sides: 1,
    });
  }
  return { conversationId: group.id, goalId: goal.row.id, actionId: action.row.id };
}

/** Ids of demo people by name, e.g. `Fatima Ali` of Team Skranke. */
export async function demoPersonIds(testApp: TestApp, names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const login = await testApp.repositories.system.findLoginByEmail(demoEmail(name));
      if (!login) throw new Error(`no demo person ${name}`);
      return login.userId;
    }),
  );
}
