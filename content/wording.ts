/** @module Wording rules for shipped content (CONTENT-GUIDE.md), shared by the content tests. */

/** Words that rate instead of describe; matched as whole words, any case. */
export const bannedWords = [
  'god',
  'god til',
  'fremragende',
  'altid',
  'tilstrækkelig',
  'good',
  'excellent',
  'always',
  'sufficient',
  'strong',
] as const;

const bannedPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${bannedWords.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/** The banned rating words found in a text, as written there. */
export const bannedWordsIn = (text: string): string[] => text.match(bannedPattern) ?? [];

/** Phrases that lead the answer instead of opening the question, in Danish and English; matched anywhere, any case. */
export const leadingPhrases = [
  'synes du ikke',
  'er du ikke enig',
  'mener du ikke',
  'tror du ikke',
  "don't you think",
  'do you not think',
  "wouldn't you agree",
  'would you not agree',
] as const;

const leadingPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${leadingPhrases.map((phrase) => phrase.replaceAll("'", "['’]")).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The leading phrases found in a text, as written there. */
export const leadingPhrasesIn = (text: string): string[] => text.match(leadingPattern) ?? [];
