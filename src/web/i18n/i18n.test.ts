/** @module Guards the translations: Danish and English must have the same keys, and no text may be empty. */
import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

/** Flattens nested resources to `a.b.c` → value, so the two files can be compared key by key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const danish = flatten(da);
const english = flatten(en);

describe('UI translations', () => {
  it('has every Danish key in English', () => {
    expect([...danish.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has every English key in Danish', () => {
    expect([...english.keys()].filter((key) => !danish.has(key))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...danish, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const different = [...danish]
      .filter(([key]) => english.has(key))
      .filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });
});
