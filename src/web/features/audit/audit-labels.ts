/** @module Words for the audit log's codes: actions and purposes in the reader's language, the code itself if unknown. */
import type { TFunction } from 'i18next';

/** `profile.read` → the translation under `audit.action.profile_read`, or the code when none is written yet. */
export const actionLabel = (t: TFunction, action: string): string =>
  t(`audit.action.${action.replaceAll('.', '_')}`, { defaultValue: action });

export const purposeLabel = (t: TFunction, purpose: string): string =>
  t(`audit.purpose.${purpose}`, { defaultValue: purpose });

/** The families offered in the search: the first part of an action. */
export const actionFamilies = [
  'profile',
  'assessment',
  'conversation',
  'plan',
  'team_matrix',
  'practice_log',
  'candidate',
  'position',
  'user',
  'unit',
  'import',
  'framework',
  'token',
  'person',
  'audit_log',
] as const;
