/** @module The diff page's rows: one per text and language that differs, so a change in English only is not hidden. */
import type { Locale, LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersionSummary } from '../../../server/contracts/frameworks.ts';

export interface TextPair {
  label: string;
  before: LocalizedText | null;
  after: LocalizedText | null;
}

export interface ChangeRow {
  label: string;
  language: Locale;
  before: string | null;
  after: string | null;
}

/** The reader's language first; the other language only where it differs. */
export function changeRows(pairs: readonly TextPair[], reader: Locale): ChangeRow[] {
  const order: Locale[] = reader === 'da' ? ['da', 'en'] : ['en', 'da'];
  return pairs.flatMap((pair) =>
    order.flatMap((language) => {
      const before = pair.before?.[language] ?? null;
      const after = pair.after?.[language] ?? null;
      return before === after ? [] : [{ label: pair.label, language, before, after }];
    }),
  );
}

/** The published version before this one in its framework: what a version is compared with by default. */
export function previousOf(
  version: Pick<FrameworkVersionSummary, 'key' | 'version'>,
  versions: readonly FrameworkVersionSummary[],
): FrameworkVersionSummary | undefined {
  return versions
    .filter(
      (other) => other.key === version.key && other.version < version.version && other.status === 'published',
    )
    .sort((a, b) => b.version - a.version)[0];
}
