/**
 * @module What the practice log and the colleague pairings look up alike: the framework their competences come
 * from, competence names in the reader's language, and today's date in the municipality.
 */
import type { FrameworkVersionRow } from '../../db/repositories/frameworks.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { competencesOf } from '../../domain/framework.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { notFound } from '../http/errors.ts';

/** The municipality's newest published framework version: what new entries and pairings are about. */
export async function newestPublishedVersion(tenant: TenantRepositories): Promise<FrameworkVersionRow> {
  const published = (await tenant.frameworks.listVersions()).filter(
    (version) => version.status === 'published',
  );
  const newest = published.sort((a, b) => b.version - a.version)[0];
  if (!newest) throw new Error('the municipality has no published framework version');
  return (await tenant.frameworks.findVersion(newest.id)) ?? newest;
}

/**
 * Names competences in the reader's language from the framework versions they belong to (published versions are
 * cached, so asking again is cheap); an id no version knows is shown as itself.
 */
export function competenceNamer(tenant: TenantRepositories, locale: Locale) {
  const names = new Map<string, Map<string, string>>();
  return async (versionId: string, competenceIds: readonly string[]) => {
    let known = names.get(versionId);
    if (!known) {
      const version = await tenant.frameworks.findVersion(versionId);
      known = new Map(
        version
          ? competencesOf(version.document).map((competence) => [competence.id, competence.name[locale]])
          : [],
      );
      names.set(versionId, known);
    }
    return competenceIds.map((id) => ({ id, name: known.get(id) ?? id }));
  };
}
export type CompetenceNamer = ReturnType<typeof competenceNamer>;

export async function todayIn(tenant: TenantRepositories, now: () => Date): Promise<string> {
  const municipality = await tenant.people.municipality();
  return dateInTimeZone(now(), municipality.timeZone);
}

/** The municipality's units and the one asked for; a unit of another municipality, or none, does not exist. */
export async function unitAmong(tenant: TenantRepositories, unitId: string) {
  const units = await tenant.people.listUnits();
  const unit = units.find((candidate) => candidate.id === unitId);
  if (!unit) throw notFound();
  return { units, unit };
}
