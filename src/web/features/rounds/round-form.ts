/** @module Pure helpers for starting a round: who takes part, and where each of the server's errors belongs. */
import type { RoundInput } from '../../../server/contracts/rounds.ts';

export interface UnitNode {
  id: string;
  parentId: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  unit: { id: string; name: string } | null;
}

/** The chosen units and every unit below them, as the server counts them. */
export function unitsWithSubunits(units: readonly UnitNode[], chosen: ReadonlySet<string>): Set<string> {
  const result = new Set(chosen);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Everyone who will take part: the people in the chosen units (and below) and the people chosen by name. */
export function participantsOf(
  candidates: readonly Candidate[],
  units: readonly UnitNode[],
  unitIds: ReadonlySet<string>,
  userIds: ReadonlySet<string>,
  selfId: string,
): Candidate[] {
  const covered = unitsWithSubunits(units, unitIds);
  return candidates
    .filter((person) => person.id !== selfId)
    .filter((person) => userIds.has(person.id) || (person.unit !== null && covered.has(person.unit.id)))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export interface RoundFormValues {
  name: string;
  frameworkVersionId: string;
  unitIds: ReadonlySet<string>;
  userIds: ReadonlySet<string>;
  /** Per person: a role profile id, or '' for the default of their role. */
  roleProfiles: Readonly<Record<string, string>>;
  deadline: string;
  hideLeaderUntilBoth: boolean;
}

/** The request body: role profiles only for participants who got another than the default. */
export function toRoundInput(values: RoundFormValues, participants: readonly Candidate[]): RoundInput {
  const taking = new Set(participants.map((person) => person.id));
  const roleProfiles = Object.fromEntries(
    Object.entries(values.roleProfiles).filter(
      ([userId, profileId]) => profileId !== '' && taking.has(userId),
    ),
  );
  return {
    name: values.name.trim(),
    frameworkVersionId: values.frameworkVersionId,
    unitIds: [...values.unitIds],
    userIds: [...values.userIds],
    roleProfiles,
    deadline: values.deadline,
    hideLeaderUntilBoth: values.hideLeaderUntilBoth,
  };
}

export type RoundField =
  | 'name'
  | 'frameworkVersionId'
  | 'unitIds'
  | 'userIds'
  | 'roleProfiles'
  | 'deadline'
  | 'hideLeaderUntilBoth';

export interface PlacedError {
  /** The form's field, or null for an error about the whole form. */
  field: RoundField | null;
  /** For a role profile: whose. */
  userId?: string;
  message: string;
}

const knownFields: readonly RoundField[] = [
  'name',
  'frameworkVersionId',
  'unitIds',
  'userIds',
  'roleProfiles',
  'deadline',
  'hideLeaderUntilBoth',
];

/** The server names fields by path (`deadline`, `unitIds.0`, `roleProfiles.<userId>`); place each message. */
export function placeServerErrors(fields: Readonly<Record<string, string>>): PlacedError[] {
  return Object.entries(fields).map(([path, message]) => {
    const [head, rest] = [path.split('.')[0] ?? '', path.split('.').slice(1).join('.')];
    const field = knownFields.find((known) => known === head) ?? null;
    if (field === 'roleProfiles' && rest) return { field, userId: rest, message };
    return { field, message };
  });
}
