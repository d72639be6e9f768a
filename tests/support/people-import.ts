/** @module Import files that describe Demo Kommune as an HR system would, and a client for the import's upload routes. */
import type { Caller, TestApp } from './app.ts';
import { people } from './world.ts';

export const unitHeader = 'eksternt_id;navn;overordnet_id;ledere';
export const userHeader = 'eksternt_id;navn;email;titel;enhed_id;roller;aktiv';

/**
 * Demo Kommune's Borgerservice with a new evening team: the existing units and people are taken over by name and
 * e-mail (they have no external ids yet), Nora and Ib are new.
 */
export const demoUnitRows = [
  'BS;Borgerservice;;P-LARS',
  'SKR;Team Skranke;BS;P-ANNE',
  'DIG;Team Telefon og Digital;BS;P-JONAS',
  'AFT;Team Aften;BS;P-NORA',
];
export const demoUserRows = [
  `P-LARS;Lars Holm Sørensen;${people.chief};Borgerservicechef;BS;medarbejder;ja`,
  `P-ANNE;Anne Kristensen;${people.leaderSkranke};Teamleder;BS;medarbejder;ja`,
  `P-JONAS;Jonas Mikkelsen;${people.leaderDigital};Teamleder;BS;medarbejder;ja`,
  `P-BIRTHE;Birthe Hansen;${people.employee};Borgerservicemedarbejder;SKR;medarbejder;ja`,
  'P-NORA;Nora Nyborg;nora.nyborg@demokommune.example;Teamleder;AFT;medarbejder;ja',
  'P-IB;Ib Ørsted;ib.orsted@demokommune.example;Borgerservicemedarbejder;AFT;medarbejder, hr;ja',
];

export const csv = (header: string, rows: readonly string[]) => `${[header, ...rows].join('\r\n')}\r\n`;

export interface ImportFiles {
  units?: string | Uint8Array;
  users?: string | Uint8Array;
}

/** Posts files (and form fields) to one of the import routes as the browser's form does. */
export async function uploadImport(
  t: TestApp,
  as: Caller | undefined,
  step: 'dry-run' | 'apply',
  files: ImportFiles,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, content] of Object.entries(files)) {
    if (content !== undefined) form.set(name, new Blob([content]), `${name}.csv`);
  }
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return t.app.request(`http://localhost/api/admin/people-import/${step}`, {
    method: 'POST',
    body: form,
    headers: { ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrfToken } : {}), ...headers },
  });
}
