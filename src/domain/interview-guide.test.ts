/** @module Interview guide generation, its repair after a change of focus, its checks and its sections, case by case. */
import { describe, expect, it } from 'vitest';
import type { InterviewBank } from './interview.ts';
import {
  type GuideQuestion,
  guideProblems,
  guideSections,
  interviewGuide,
  questionsPerCompetence,
  reconcileGuide,
} from './interview-guide.ts';

const text = (value: string) => ({ da: value, en: value });
const order = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const bank: InterviewBank = {
  competences: Object.fromEntries(
    order.map((id) => [
      id,
      {
        questions: [1, 2, 3].map((n) => ({
          id: `${id}-${n}`,
          text: text(`${id} ${n}?`),
          probes: [text('Hvad skete der?'), text('Hvad gjorde du?')],
        })),
        anchors: [1, 2, 3, 4].map((level) => text(`${id} niveau ${level}`)),
      },
    ]),
  ),
};
const ids = (items: readonly GuideQuestion[]) => items.map((item) => item.id);
const own = (id: string, competenceId: string | null, words = 'Hvorfor søger du?'): GuideQuestion => ({
  id: `own:${id}`,
  competenceId,
  questionId: null,
  text: words,
  probes: [],
});

describe('questionsPerCompetence', () => {
  it.each([
    [4, 4],
    [5, 3],
    [6, 2],
    [8, 2],
    [12, 2],
  ])(
    '%i focus competences get %i questions each (at most about sixteen in all, never fewer than two)',
    (count, per) => {
      expect(questionsPerCompetence(count)).toBe(per);
    },
  );
});

describe('interviewGuide', () => {
  it.each([
    {
      name: 'four competences: every bank question, in the framework order whatever order they were chosen in',
      focus: ['d', 'a', 'c', 'b'],
      expected: ['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'b-3', 'c-1', 'c-2', 'c-3', 'd-1', 'd-2', 'd-3'],
    },
    {
      name: 'five competences: the three questions each',
      focus: ['e', 'a', 'b', 'c', 'd'],
      expected: ['a', 'b', 'c', 'd', 'e'].flatMap((id) => [`${id}-1`, `${id}-2`, `${id}-3`]),
    },
    {
      name: 'eight competences: the first two of each, sixteen in all',
      focus: ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'],
      expected: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].flatMap((id) => [`${id}-1`, `${id}-2`]),
    },
    {
      name: 'a competence the framework does not have is left out',
      focus: ['a', 'b', 'c', 'zz'],
      expected: ['a', 'b', 'c'].flatMap((id) => [`${id}-1`, `${id}-2`, `${id}-3`]),
    },
  ])('$name', ({ focus, expected }) => {
    const guide = interviewGuide({ focusCompetenceIds: focus, competenceOrder: order, bank });
    expect(guide.map((item) => item.questionId)).toEqual(expected);
    expect(ids(guide)).toEqual(expected.map((id) => `q:${id}`));
    expect(guide.every((item) => item.text === null && item.probes.length === 0)).toBe(true);
    expect(guide.map((item) => item.competenceId)).toEqual(expected.map((id) => id.split('-')[0]));
  });

  it('is the same for the same focus: every candidate gets the same questions', () => {
    const input = { focusCompetenceIds: ['c', 'a', 'b', 'd'], competenceOrder: order, bank };
    expect(interviewGuide(input)).toEqual(
      interviewGuide({ ...input, focusCompetenceIds: ['a', 'b', 'c', 'd'] }),
    );
  });
});

describe('reconcileGuide', () => {
  const edited: GuideQuestion[] = [
    own('intro', null),
    { id: 'q:b-2', competenceId: 'b', questionId: 'b-2', text: null, probes: [] },
    { id: 'q:a-1', competenceId: 'a', questionId: 'a-1', text: null, probes: [] },
    own('a', 'a', 'Fortæl om din sidste travle dag.'),
    { id: 'q:d-1', competenceId: 'd', questionId: 'd-1', text: null, probes: [] },
  ];
  it.each([
    {
      name: 'a competence dropped from the focus loses its questions; the rest keep their order and edits',
      focus: ['a', 'b', 'e', 'f'],
      expected: [
        'own:intro',
        'q:b-2',
        'q:a-1',
        'own:a',
        'q:e-1',
        'q:e-2',
        'q:e-3',
        'q:f-1',
        'q:f-2',
        'q:f-3',
      ],
    },
    {
      name: 'a new competence goes after the last question of the competence before it in the framework',
      focus: ['a', 'b', 'c', 'd'],
      expected: ['own:intro', 'q:b-2', 'q:a-1', 'own:a', 'q:c-1', 'q:c-2', 'q:c-3', 'q:d-1'],
    },
    {
      name: 'a new first competence goes first',
      focus: ['0', 'b', 'd', 'a'],
      order: ['0', ...order],
      expected: ['q:0-1', 'q:0-2', 'q:0-3', 'own:intro', 'q:b-2', 'q:a-1', 'own:a', 'q:d-1'],
    },
  ])('$name', ({ focus, expected, order: competenceOrder }) => {
    const zero = bank.competences.a!;
    const withZero: InterviewBank = {
      competences: {
        ...bank.competences,
        '0': {
          ...zero,
          questions: zero.questions.map((question, index) => ({ ...question, id: `0-${index + 1}` })),
        },
      },
    };
    const guide = reconcileGuide({
      stored: edited,
      focusCompetenceIds: focus,
      competenceOrder: competenceOrder ?? order,
      bank: withZero,
    });
    expect(ids(guide)).toEqual(expected);
  });
});

describe('guideProblems', () => {
  const focus = ['a', 'b', 'c', 'd'];
  const valid = interviewGuide({ focusCompetenceIds: focus, competenceOrder: order, bank });
  it('finds nothing wrong with the suggestion, nor with own questions added to it', () => {
    expect(guideProblems(valid, focus, bank)).toEqual({});
    expect(guideProblems([...valid, own('x', null), own('y', 'b')], focus, bank)).toEqual({});
  });

  it.each([
    {
      name: 'a bank question under another competence',
      items: [...valid, { id: 'q:c-1x', competenceId: 'a', questionId: 'c-1', text: null, probes: [] }],
      expected: { [`items.${valid.length}.questionId`]: 'unknown_question' },
    },
    {
      name: 'a question the bank does not have',
      items: [...valid, { id: 'q:a-9', competenceId: 'a', questionId: 'a-9', text: null, probes: [] }],
      expected: { [`items.${valid.length}.questionId`]: 'unknown_question' },
    },
    {
      name: 'a bank question without a competence',
      items: [...valid, { id: 'q:a-1x', competenceId: null, questionId: 'a-1', text: null, probes: [] }],
      expected: { [`items.${valid.length}.questionId`]: 'unknown_question' },
    },
    {
      name: 'a competence outside the focus',
      items: [...valid, own('e', 'e')],
      expected: { [`items.${valid.length}.competenceId`]: 'not_in_focus' },
    },
    {
      name: 'an own question without words',
      items: [...valid, own('blank', null, '  ')],
      expected: { [`items.${valid.length}.text`]: 'own_text_required' },
    },
    {
      name: 'the same item twice',
      items: [...valid, valid[0]!],
      expected: { [`items.${valid.length}.id`]: 'duplicate_item' },
    },
    {
      name: 'a focus competence left without any question',
      items: valid.filter((item) => item.competenceId !== 'c'),
      expected: { 'focusCompetenceIds.2': 'competence_without_question' },
    },
  ])('refuses $name', ({ items, expected }) => {
    expect(guideProblems(items, focus, bank)).toEqual(expected);
  });
});

describe('guideSections', () => {
  it('groups consecutive questions of one competence, and starts a new section when the competence changes back', () => {
    const items = [own('1', null), own('2', 'a'), own('3', 'a'), own('4', 'b'), own('5', 'a')];
    expect(
      guideSections(items).map((section) => [section.competenceId, section.items.map((item) => item.id)]),
    ).toEqual([
      [null, ['own:1']],
      ['a', ['own:2', 'own:3']],
      ['b', ['own:4']],
      ['a', ['own:5']],
    ]);
  });
});
