/** @module The audit log's vocabulary: why personal data was looked at, changed, exported or deleted. */

/**
 * Why something was done. Shown to the person whose data it was ("your leader read your profile to prepare a
 * conversation"), so each purpose is a reason a data protection officer would recognise.
 */
export const auditPurposes = [
  /** A leader follows or rates the people they lead. */
  'personnel_management',
  /** Preparing, holding or following up a conversation or development plan. */
  'development_conversation',
  /** Shared learning: team overview, theme days, pairing colleagues. */
  'team_development',
  /** Hiring: positions, candidates, panel scores. */
  'recruitment',
  /** Data leaving Vejviser as a file (XLSX, CSV, PDF, JSON). */
  'export',
  /** Deletion or anonymisation on a schedule, when the retention period ends. */
  'retention',
  /** The administrator's work: users, units, imports, single sign-on, tokens, framework versions. */
  'administration',
  /** A person's own rights: access to, or erasure of, their data. */
  'data_rights',
] as const;
export type AuditPurpose = (typeof auditPurposes)[number];

/** Who did it: a logged-in person, a schedule of the server, an API token, or a candidate through a personal link. */
export const auditActorKinds = ['user', 'system', 'token', 'candidate'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/**
 * One event. `details` carries counts, formats and filters, never the personal data itself: an entry about a deletion
 * must not keep what was deleted.
 */
export interface AuditEvent {
  actorKind: AuditActorKind;
  /** The person or token acting; null for the server's own schedules. */
  actorId: string | null;
  /** A dotted name: the record kind and what happened, e.g. `profile.read`, `team_matrix.exported`. */
  action: string;
  /** The kind of record: `profile`, `conversation`, `plan`, `candidate`, `position`, `unit`, `user`, … */
  subjectType: string;
  subjectId: string | null;
  /** Whose personal data it is, when it is one person's: lets them see the look-ups of their own data. */
  subjectPersonId: string | null;
  purpose: AuditPurpose;
  details?: Record<string, string | number | boolean | null>;
}

/** Actions are short, lower-case and dotted, so that a search by prefix (`candidate.`) finds a family of events. */
export const isAuditAction = (action: string): boolean => /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(action);
