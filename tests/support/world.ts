/** @module The test world: Demo Kommune as shipped, plus "Anden Kommune" to prove that municipalities stay apart. */
import type { Repositories } from '../../src/db/repositories/index.ts';
import { installDefaultContent } from '../../src/db/seed/default-content.ts';
import { demoEmail, demoPassword, seedDemo } from '../../src/db/seed/demo.ts';
import { competencesOf } from '../../src/domain/framework.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';

export const password = demoPassword;

/** Log-in names of the people the tests act as. */
export const people = {
  admin: demoEmail('Mette Lund'),
  chief: demoEmail('Lars Holm Sørensen'),
  /** Leads Team Skranke. */
  leaderSkranke: demoEmail('Anne Kristensen'),
  /** Leads Team Telefon og Digital. */
  leaderDigital: demoEmail('Jonas Mikkelsen'),
  hr: demoEmail('Camilla Thomsen'),
  /** Team Skranke. */
  employee: demoEmail('Birthe Hansen'),
  /** Team Skranke, Birthe's colleague. */
  colleague: demoEmail('Mads Pedersen'),
  /** Team Telefon og Digital. */
  digitalEmployee: demoEmail('Susanne Rasmussen'),
  /** Team Skranke, left out of the group conversations the tests hold. */
  bystander: demoEmail('Peter Nielsen'),
  otherAdmin: 'ole.bang@andenkommune.example',
  otherEmployee: 'rikke.dahl@andenkommune.example',
} as const;

export type Person = keyof typeof people;

export const worldRound = {
  name: 'Forårsrunde 2026',
  /** Birthe's own view of the two competences where she and Anne disagree most. */
  blindSpot: 'spoergeteknik',
  hiddenStrength: 'kulturel-aabenhed',
};

/**
 * Anne's round for Birthe and Mads in Team Skranke: Birthe has submitted her self-assessment and Anne her leader
 * assessment of Birthe (with one blind spot and one hidden strength); Mads has not started.
 */
async function seedRound(repositories: Repositories, municipalityId: string): Promise<void> {
  const tenant = repositories.forTenant(municipalityId);
  const login = async (email: string) => (await repositories.system.findLoginByEmail(email))!.userId;
  const [anne, birthe, mads] = [
    await login(people.leaderSkranke),
    await login(people.employee),
    await login(people.colleague),
  ];
  const [version] = await tenant.frameworks.listVersions();
  const profile = (await tenant.frameworks.listRoleProfilesOf(version!.id)).find(
    (candidate) => candidate.key === 'borgerservicemedarbejder',
  )!;
  const round = await tenant.rounds.create({
    name: worldRound.name,
    frameworkVersionId: version!.id,
    deadline: '2099-06-30',
    hideLeaderUntilBoth: true,
    createdById: anne,
    participants: [
      { userId: birthe, roleProfileId: profile.id },
      { userId: mads, roleProfileId: profile.id },
    ],
  });
  const ids = competencesOf(version!.document).map((competence) => competence.id);
  const rate = (level: (id: string) => number) =>
    Object.fromEntries(ids.map((id) => [id, { level: level(id) }]));
  const self = rate((id) => (id === worldRound.blindSpot ? 4 : id === worldRound.hiddenStrength ? 1 : 2));
  const leader = rate((id) => (id === worldRound.blindSpot ? 2 : id === worldRound.hiddenStrength ? 3 : 2));
  const now = new Date('2026-05-01T10:00:00Z');
  for (const [raterRole, raterId, ratings] of [
    ['self', birthe, self],
    ['leader', anne, leader],
  ] as const) {
    const base = { roundId: round.id, subjectId: birthe, raterRole, raterId, now };
    await tenant.rounds.saveDraft({ ...base, expectedVersion: 0, ratings });
    await tenant.rounds.submit({ ...base, expectedVersion: 1 });
  }
}

export async function seedWorld(repositories: Repositories): Promise<void> {
  const passwordHash = await hashPassword(password);
  const demo = await seedDemo(repositories, passwordHash);
  const other = await repositories.system.createMunicipality({
    name: 'Anden Kommune',
    slug: 'anden-kommune',
  });
  const tenant = repositories.forTenant(other.id);
  await installDefaultContent(tenant);
  const unit = await tenant.people.createUnit({ name: 'Borgerservice' });
  const admin = await tenant.people.createUser({
    name: 'Ole Bang',
    email: people.otherAdmin,
    title: 'Systemadministrator',
    roles: ['employee', 'admin'],
    unitId: unit.id,
    passwordHash,
  });
  await tenant.people.addLeader(unit.id, admin.id);
  await tenant.people.createUser({
    name: 'Rikke Dahl',
    email: people.otherEmployee,
    title: 'Borgerservicemedarbejder',
    unitId: unit.id,
    passwordHash,
  });
  await seedRound(repositories, demo.id);
}
