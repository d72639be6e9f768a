/** @module The demo municipality: a Borgerservice with two teams, their leaders, HR and an administrator. */
import type { Repositories } from '../repositories/index.ts';
import { installDefaultContent } from './default-content.ts';

export const demoPassword = 'vejviser-demo';
export const demoMunicipality = { name: 'Demo Kommune', slug: 'demo-kommune' } as const;
const domain = 'demokommune.example';

type DemoRole = 'employee' | 'hr' | 'admin';
interface DemoPerson {
  name: string;
  title: string;
  unit: 'borgerservice' | 'skranke' | 'digital' | 'hr' | null;
  roles: DemoRole[];
  leads?: 'borgerservice' | 'skranke' | 'digital';
}

const people: DemoPerson[] = [
  { name: 'Mette Lund', title: 'Systemadministrator', unit: null, roles: ['admin'] },
  {
    name: 'Lars Holm Sørensen',
    title: 'Borgerservicechef',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'borgerservice',
  },
  {
    name: 'Anne Kristensen',
    title: 'Teamleder',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'skranke',
  },
  {
    name: 'Jonas Mikkelsen',
    title: 'Teamleder',
    unit: 'borgerservice',
    roles: ['employee'],
    leads: 'digital',
  },
  { name: 'Camilla Thomsen', title: 'HR-konsulent', unit: 'hr', roles: ['employee', 'hr'] },
  { name: 'Birthe Hansen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Mads Pedersen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Fatima Ali', title: 'Specialist i borgerbetjening', unit: 'skranke', roles: ['employee'] },
  { name: 'Kirsten Jensen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Peter Nielsen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Louise Andersen', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Ahmad Rahimi', title: 'Borgerservicemedarbejder', unit: 'skranke', roles: ['employee'] },
  { name: 'Susanne Rasmussen', title: 'Specialist i borgerbetjening', unit: 'digital', roles: ['employee'] },
  { name: 'Henrik Larsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Sofie Christensen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Nikolaj Poulsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Maria Olsen', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Jens Møller', title: 'Borgerservicemedarbejder', unit: 'digital', roles: ['employee'] },
  { name: 'Emma Johansen', title: 'Elev i borgerservice', unit: 'digital', roles: ['employee'] },
];

/** `Lars Holm Sørensen` → `lars.sorensen@demokommune.example`: first and last name, Danish letters folded. */
export function demoEmail(name: string): string {
  const parts = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'aa')
    .split(' ');
  return `${parts[0]}.${parts.at(-1)}@${domain}`;
}

export interface DemoAccount {
  name: string;
  email: string;
  title: string;
}

export const demoAccounts: DemoAccount[] = people.map((person) => ({
  name: person.name,
  email: demoEmail(person.name),
  title: person.title,
}));

/**
 * Creates the demo municipality. `passwordHash` is the hash of {@link demoPassword}; it is computed once by the
 * caller because every demo account shares the published password.
 */
export async function seedDemo(repositories: Repositories, passwordHash: string) {
  const municipality = await repositories.system.createMunicipality({ ...demoMunicipality, isDemo: true });
  const tenant = repositories.forTenant(municipality.id);
  await installDefaultContent(tenant);

  const borgerservice = await tenant.people.createUnit({ name: 'Borgerservice' });
  const unitIds = {
    borgerservice: borgerservice.id,
    skranke: (await tenant.people.createUnit({ name: 'Team Skranke', parentId: borgerservice.id })).id,
    digital: (await tenant.people.createUnit({ name: 'Team Telefon og Digital', parentId: borgerservice.id }))
      .id,
    hr: (await tenant.people.createUnit({ name: 'HR og Løn' })).id,
  };
  for (const person of people) {
    const user = await tenant.people.createUser({
      name: person.name,
      email: demoEmail(person.name),
      title: person.title,
      roles: person.roles,
      unitId: person.unit ? unitIds[person.unit] : null,
      roleProfileKey:
        person.title === 'Specialist i borgerbetjening'
          ? 'specialist-i-borgerbetjening'
          : 'borgerservicemedarbejder',
      passwordHash,
    });
    if (person.leads) await tenant.people.addLeader(unitIds[person.leads], user.id);
  }
  return municipality;
}
