/** @module Theme days made directly through the repositories, for tests that need one in a given state. */
import type { TestApp } from './app.ts';
import { people } from './world.ts';

export interface HeldThemeDay {
  themeDayId: string;
  /** The participant's follow-up task. */
  taskId: string;
  /** Team Skranke, the unit the theme day is for. */
  unitId: string;
}

/**
 * A theme day of Team Skranke that Anne planned and held in June 2026, with one participant and their follow-up task.
 * Made through the repository, so its date may lie in the past.
 */
export async function heldThemeDay(testApp: TestApp, participantId: string): Promise<HeldThemeDay> {
  const anne = (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!;
  const tenant = testApp.repositories.forTenant(anne.municipalityId);
  const unit = (await tenant.people.listUnits()).find((candidate) => candidate.name === 'Team Skranke')!;
  const version = (await tenant.frameworks.newestPublished())!;
  const themeDay = await tenant.themeDays.create({
    unitId: unit.id,
    title: 'Temadag om spørgeteknik',
    date: '2026-06-10',
    startTime: '09:00',
    place: 'Byrådssalen',
    frameworkVersionId: version.id,
    focusCompetenceIds: ['spoergeteknik'],
    agenda: [{ id: 'own:1', exerciseId: null, title: 'Velkomst', minutes: 15 }],
    participantIds: [participantId],
    createdById: anne.userId,
  });
  await tenant.themeDays.setTasks(
    themeDay.id,
    [
      {
        userId: participantId,
        exerciseId: null,
        text: 'Stil tre åbne spørgsmål ved skranken',
        dueDate: '2026-06-20',
      },
    ],
    anne.userId,
    new Date('2026-06-10T15:00:00Z'),
  );
  const [task] = await tenant.themeDays.tasks(themeDay.id);
  return { themeDayId: themeDay.id, taskId: task!.id, unitId: unit.id };
}
