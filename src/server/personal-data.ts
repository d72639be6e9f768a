/** @module A person's data download (decision 028): the JSON document and its readable PDF, for them or the DPO. */
import type { TenantRepositories } from '../db/repositories/index.ts';
import { competencesOf } from '../domain/framework.ts';
import type { Locale } from '../domain/text.ts';
import { type PersonalDataDocument, personalDataSchemaVersion } from './contracts/personal-data.ts';
import { personalDataPdf } from './pdf/personal-data.ts';

/**
 * Everything the municipality's Vejviser holds about the person, as they may see it in the app, with the names of the
 * competences it mentions in `locale`; undefined for a person outside the tenant.
 */
export async function personalDataDocument(
  tenant: TenantRepositories,
  personId: string,
  locale: Locale,
  now = new Date(),
): Promise<PersonalDataDocument | undefined> {
  const collected = await tenant.personalData.collect(personId);
  if (!collected) return undefined;
  const versionIds = new Set<string>([
    ...collected.rounds.map((round) => round.frameworkVersionId),
    ...collected.practiceEntries.map((entry) => entry.frameworkVersionId),
    ...collected.pairings.map((pairing) => pairing.frameworkVersionId),
    ...collected.themeDays.map((themeDay) => themeDay.frameworkVersionId),
    ...(collected.interviewBaseline ? [collected.interviewBaseline.frameworkVersionId] : []),
  ]);
  // Newer versions are read last, so a renamed competence shows its newest name.
  const versions = (await Promise.all([...versionIds].map((id) => tenant.frameworks.findVersion(id))))
    .filter((version) => version !== undefined)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const competenceNames: Record<string, string> = {};
  for (const version of versions) {
    for (const competence of competencesOf(version.document)) {
      competenceNames[competence.id] = competence.name[locale] || competence.name.da;
    }
  }
  return {
    schemaVersion: personalDataSchemaVersion,
    generatedAt: now.toISOString(),
    ...collected,
    competenceNames,
    lookups: collected.lookups.map((lookup) => ({
      ...lookup,
      purpose: lookup.purpose as PersonalDataDocument['lookups'][number]['purpose'],
    })),
  };
}

/** The readable PDF of the same document, in the municipality's time zone. */
export const personalDataPdfOf = (document: PersonalDataDocument, locale: Locale, timeZone: string) =>
  personalDataPdf({ document, locale, timeZone });

/** The file's name: `vejviser-mine-data-2026-12-03.json` for the person, with their id for an administrator. */
export const personalDataFileName = (options: {
  format: 'json' | 'pdf';
  day: string;
  /** Set for the administrator's download, who may fetch several people's on one day. */
  personId?: string;
}) =>
  options.personId
    ? `vejviser-persondata-${options.personId}-${options.day}.${options.format}`
    : `vejviser-mine-data-${options.day}.${options.format}`;
