/** @module Conversations made directly through the repositories, for tests that need one in a given state. */
import { eq } from 'drizzle-orm';
import { conversations } from '../../src/db/schema.ts';
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
