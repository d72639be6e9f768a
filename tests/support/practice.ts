/** @module Practice entries and colleague pairings made directly through the repositories, for tests that need one. */
import { demoEmail } from '../../src/db/seed/demo.ts';
import type { TestApp } from './app.ts';
import { people } from './world.ts';

/** Team Skranke's specialist: a colleague of Birthe and Mads to learn from. */
export const helperEmail = demoEmail('Fatima Ali');

async function demoTenant(testApp: TestApp) {
  const login = (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!;
  return testApp.repositories.forTenant(login.municipalityId);
}

/** An entry of the employee's, yesterday at the counter; shared with their leaders and a talking point when asked. */
export async function practiceEntryOf(
  testApp: TestApp,
  employeeId: string,
  options: { shared?: boolean; talkingPoint?: boolean; whatWorked?: string } = {},
): Promise<string> {
  const tenant = await demoTenant(testApp);
  const [version] = await tenant.frameworks.listVersions();
  const employee = await tenant.people.findUser(employeeId);
  const row = await tenant.practice.create({
    occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    channel: 'counter',
    helpLevel: 'co_service',
    competenceIds: ['medbetjening'],
    whatWorked: options.whatWorked ?? 'Borgeren fandt selv blanketten med lidt hjælp.',
    tryNext: '',
    goalId: null,
    themeDayTaskId: null,
    talkingPoint: options.talkingPoint ?? false,
    shared: options.shared ?? false,
    frameworkVersionId: version!.id,
    employeeId,
    unitId: employee!.unitId,
    now: new Date(),
  });
  return row.id;
}

/** An open pairing made by Anne: the learner learns a competence from Fatima (or the helper given). */
export async function openPairing(
  testApp: TestApp,
  learnerId: string,
  options: { helperId?: string; competenceId?: string } = {},
): Promise<string> {
  const tenant = await demoTenant(testApp);
  const [version] = await tenant.frameworks.listVersions();
  const learner = await tenant.people.findUser(learnerId);
  const helperId =
    options.helperId ?? (await testApp.repositories.system.findLoginByEmail(helperEmail))!.userId;
  const created = await tenant.pairings.create({
    unitId: learner!.unitId!,
    learnerId,
    helperId,
    competenceId: options.competenceId ?? 'holde-igen',
    frameworkVersionId: version!.id,
    note: 'Sid sammen ved skranken en formiddag.',
    dueDate: null,
    createdById: (await testApp.repositories.system.findLoginByEmail(people.leaderSkranke))!.userId,
    now: new Date(),
  });
  if (created.outcome !== 'saved') throw new Error(`could not make the pairing: ${created.outcome}`);
  return created.row.id;
}
