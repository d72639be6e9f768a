/** @module The diff page shows each changed text once per language that changed. */
import { describe, expect, it } from 'vitest';
import { changeRows } from './diff-view.ts';

describe('changeRows', () => {
  const renamed = { label: 'Navn', before: { da: 'A', en: 'A' }, after: { da: 'B', en: 'A' } };
  const englishOnly = { label: 'Niveau 2', before: { da: 'x', en: 'old' }, after: { da: 'x', en: 'new' } };
  const added = { label: 'Niveau 5', before: null, after: { da: 'ny', en: 'new' } };

  it('gives a row per language that differs, the reader’s language first', () => {
    expect(changeRows([renamed, englishOnly, added], 'en')).toEqual([
      { label: 'Navn', language: 'da', before: 'A', after: 'B' },
      { label: 'Niveau 2', language: 'en', before: 'old', after: 'new' },
      { label: 'Niveau 5', language: 'en', before: null, after: 'new' },
      { label: 'Niveau 5', language: 'da', before: null, after: 'ny' },
    ]);
  });

  it('gives nothing for texts that are the same', () => {
    expect(
      changeRows([{ label: 'Navn', before: { da: 'A', en: 'B' }, after: { da: 'A', en: 'B' } }], 'da'),
    ).toEqual([]);
  });
});
