/**
 * @module The practice entry form's rules in the browser: what is missing, where a CPR number was typed (the same
 * check the server makes, for feedback while typing), and which competences a search finds.
 */
import { findCprNumbers } from '../../../domain/cpr.ts';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import { type HelpLevel, maxCompetencesPerEntry, type PracticeChannel } from '../../../domain/practice.ts';
import type { Locale } from '../../../domain/text.ts';
import type { PracticeEntry, PracticeEntryInput } from '../../../server/contracts/practice.ts';

export interface EntryValues {
  occurredOn: string;
  channel: PracticeChannel | '';
  helpLevel: HelpLevel | '';
  competenceIds: string[];
  whatWorked: string;
  tryNext: string;
  goalId: string;
  /** A theme day's follow-up task of the employee's, or empty. */
  themeDayTaskId: string;
  shared: boolean;
  talkingPoint: boolean;
}

/** A saved entry as the body that saves it again: for changing a mark without touching the rest. */
export const entryInput = (entry: PracticeEntry): Required<PracticeEntryInput> => ({
  occurredOn: entry.occurredOn,
  channel: entry.channel,
  helpLevel: entry.helpLevel,
  competenceIds: entry.competences.map((competence) => competence.id),
  whatWorked: entry.whatWorked,
  tryNext: entry.tryNext,
  goalId: entry.goal?.id ?? null,
  themeDayTaskId: entry.themeDayTaskId,
  shared: entry.shared,
  talkingPoint: entry.talkingPoint,
});

/** The form's fields by id: errors link to them. */
export const fieldIds = {
  occurredOn: 'practice-date',
  channel: 'practice-channel-counter',
  helpLevel: 'practice-help-self_service',
  competenceIds: 'practice-competence-search',
  whatWorked: 'practice-what-worked',
  tryNext: 'practice-try-next',
  goalId: 'practice-goal',
  themeDayTaskId: 'practice-theme-day-task',
} as const;

export type EntryProblem =
  | 'date'
  | 'dateFuture'
  | 'channel'
  | 'helpLevel'
  | 'competences'
  | 'tooMany'
  | 'whatWorked'
  | 'cpr';

const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The free-text fields in which a CPR number was found. */
export function fieldsWithCpr(
  values: Pick<EntryValues, 'whatWorked' | 'tryNext'>,
): ('whatWorked' | 'tryNext')[] {
  return (['whatWorked', 'tryNext'] as const).filter((field) => findCprNumbers(values[field]).length > 0);
}

/** What keeps the entry from being saved, field by field, in the form's order. */
export function entryProblems(
  values: EntryValues,
  today: string,
): { field: keyof typeof fieldIds; problem: EntryProblem }[] {
  const problems: { field: keyof typeof fieldIds; problem: EntryProblem }[] = [];
  if (!isIsoDate(values.occurredOn)) problems.push({ field: 'occurredOn', problem: 'date' });
  else if (values.occurredOn > today) problems.push({ field: 'occurredOn', problem: 'dateFuture' });
  if (!values.channel) problems.push({ field: 'channel', problem: 'channel' });
  if (!values.helpLevel) problems.push({ field: 'helpLevel', problem: 'helpLevel' });
  if (values.competenceIds.length === 0) problems.push({ field: 'competenceIds', problem: 'competences' });
  else if (values.competenceIds.length > maxCompetencesPerEntry) {
    problems.push({ field: 'competenceIds', problem: 'tooMany' });
  }
  const withCpr = fieldsWithCpr(values);
  if (!values.whatWorked.trim()) problems.push({ field: 'whatWorked', problem: 'whatWorked' });
  else if (withCpr.includes('whatWorked')) problems.push({ field: 'whatWorked', problem: 'cpr' });
  if (withCpr.includes('tryNext')) problems.push({ field: 'tryNext', problem: 'cpr' });
  return problems;
}

/** Lower-cased, without accents, with æ/ø/å written out, so "medbet", "Spoerge" and "spørge" all find their match. */
const folded = (text: string) =>
  text
    .toLocaleLowerCase('da')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** The areas and competences whose name (or area name) contains every word of the search, in framework order. */
export function searchCompetences(
  framework: FrameworkDocument,
  query: string,
  locale: Locale,
): { areaId: string; areaName: string; competences: { id: string; name: string }[] }[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return framework.areas
    .map((area) => ({
      areaId: area.id,
      areaName: area.name[locale],
      competences: area.competences
        .filter((competence) => {
          const haystack = folded(`${competence.name[locale]} ${area.name[locale]}`);
          return words.every((word) => haystack.includes(word));
        })
        .map((competence) => ({ id: competence.id, name: competence.name[locale] })),
    }))
    .filter((area) => area.competences.length > 0);
}
