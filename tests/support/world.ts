/** @module The test world: Demo Kommune as shipped, plus "Anden Kommune" to prove that municipalities stay apart. */
import type { Repositories } from '../../src/db/repositories/index.ts';
import { installDefaultContent } from '../../src/db/seed/default-content.ts';
import { demoEmail, demoPassword, seedDemo } from '../../src/db/seed/demo.ts';
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
  otherAdmin: 'ole.bang@andenkommune.example',
  otherEmployee: 'rikke.dahl@andenkommune.example',
} as const;

export type Person = keyof typeof people;

export async function seedWorld(repositories: Repositories): Promise<void> {
  const passwordHash = await hashPassword(password);
  await seedDemo(repositories, passwordHash);
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
}
