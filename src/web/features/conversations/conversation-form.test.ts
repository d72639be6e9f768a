/** @module The conversation pages' pure helpers: instants with the right offset, the agenda draft, request bodies. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem, ConversationSummary } from '../../../server/contracts/conversations.ts';
import {
  customAgendaItem,
  groupConversations,
  moveItem,
  offsetText,
  placeFieldErrors,
  questionsFromText,
  toActionInput,
  toAgendaItemInput,
  toDateAndTime,
  toGoalInput,
  toScheduledAt,
} from './conversation-form.ts';

describe('toScheduledAt', () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'Europe/Copenhagen';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('uses Copenhagen winter time (+01:00) in December and summer time (+02:00) in July', () => {
    expect(toScheduledAt('2026-12-10', '09:30')).toBe('2026-12-10T09:30:00+01:00');
    expect(toScheduledAt('2026-07-01', '14:05')).toBe('2026-07-01T14:05:00+02:00');
  });

  it('names the same instant as the local date and time, and reads back as them', () => {
    const sent = toScheduledAt('2026-03-29', '10:00');
    expect(sent).toBe('2026-03-29T10:00:00+02:00');
    expect(new Date(sent ?? '').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(toDateAndTime(sent ?? '')).toEqual({ date: '2026-03-29', time: '10:00' });
  });

  it('refuses missing, malformed and impossible values', () => {
    expect(toScheduledAt('', '09:30')).toBeNull();
    expect(toScheduledAt('2026-12-10', '')).toBeNull();
    expect(toScheduledAt('2026-12-10', '24:00')).toBeNull();
    expect(toScheduledAt('10-12-2026', '09:30')).toBeNull();
    expect(toScheduledAt('2026-02-31', '09:30')).toBeNull();
  });

  it('writes offsets east and west of UTC', () => {
    expect(offsetText(60)).toBe('+01:00');
    expect(offsetText(0)).toBe('+00:00');
    expect(offsetText(-330)).toBe('-05:30');
  });
});

const summary = (
  id: string,
  stage: ConversationSummary['stage'],
  scheduledAt: string,
): ConversationSummary => ({
  id,
  kind: 'mus',
  employee: { id: 'e', name: 'Birthe' },
  leader: { id: 'l', name: 'Anne' },
  scheduledAt,
  durationMinutes: 60,
  place: 'Mødelokale 2',
  stage,
  heldAt: stage === 'scheduled' ? null : scheduledAt,
  signedAt: null,
  nextFollowUp: null,
  followUpOf: null,
  myPreparation: 'not_started',
  otherPreparationShared: false,
  myRole: 'leader',
});

describe('groupConversations', () => {
  it('puts upcoming conversations first, soonest first, and held ones after, latest first', () => {
    const { upcoming, held } = groupConversations([
      summary('later', 'scheduled', '2026-12-20T09:00:00+01:00'),
      summary('old', 'signed', '2026-01-05T09:00:00+01:00'),
      summary('soon', 'scheduled', '2026-12-10T09:00:00+01:00'),
      summary('recent', 'held', '2026-11-05T09:00:00+01:00'),
    ]);
    expect(upcoming.map((conversation) => conversation.id)).toEqual(['soon', 'later']);
    expect(held.map((conversation) => conversation.id)).toEqual(['recent', 'old']);
  });
});

describe('the agenda draft', () => {
  it('moves an item up and down, and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('keeps one own question per non-blank line', () => {
    expect(questionsFromText(' Hvad gik godt?\n\n  Hvad vil du prøve?  \n')).toEqual([
      'Hvad gik godt?',
      'Hvad vil du prøve?',
    ]);
  });

  it('saves bank questions by id, own questions as text, and a title only for own items', () => {
    const suggested: AgendaItem = {
      id: 'gap:spoergeteknik',
      kind: 'gap',
      competenceId: 'spoergeteknik',
      theme: null,
      goalId: null,
      title: 'Spørgeteknik',
      reason: 'Niveau 2, mål 3',
      divergence: null,
      gap: 1,
      team: null,
      prompts: ['Fortæl om en borger'],
      questions: [
        { id: 'q1', phase: 'goal', text: 'Hvad vil du opnå?' },
        { id: null, phase: null, text: 'Hvem kan hjælpe dig?' },
      ],
    };
    expect(toAgendaItemInput(suggested)).toEqual({
      id: 'gap:spoergeteknik',
      kind: 'gap',
      competenceId: 'spoergeteknik',
      theme: null,
      goalId: null,
      title: null,
      questionIds: ['q1'],
      ownQuestions: ['Hvem kan hjælpe dig?'],
    });
    const own = customAgendaItem('x1', '  Vagtplanen ', 'Hvordan går det med vagterne?');
    expect(toAgendaItemInput(own)).toEqual({
      id: 'custom:x1',
      kind: 'custom',
      competenceId: null,
      theme: null,
      goalId: null,
      title: 'Vagtplanen',
      questionIds: [],
      ownQuestions: ['Hvordan går det med vagterne?'],
    });
  });
});

describe('request bodies', () => {
  it('trims a goal and keeps its competences in order', () => {
    expect(
      toGoalInput({
        title: ' Åbne spørgsmål ',
        why: '',
        successCriterion: ' Tre borgere om ugen ',
        targetDate: '2027-03-01',
        competenceIds: ['b', 'a'],
      }),
    ).toEqual({
      title: 'Åbne spørgsmål',
      why: '',
      successCriterion: 'Tre borgere om ugen',
      targetDate: '2027-03-01',
      competenceIds: ['b', 'a'],
    });
  });

  it('sends the colleague only for "learn from a colleague"', () => {
    const values = {
      kind: 'practice' as const,
      description: ' Prøv ved skranken ',
      ownerId: 'e',
      colleagueId: 'c',
      dueDate: '2027-01-15',
    };
    expect(toActionInput(values)).toEqual({
      kind: 'practice',
      description: 'Prøv ved skranken',
      ownerId: 'e',
      colleagueId: null,
      dueDate: '2027-01-15',
    });
    expect(toActionInput({ ...values, kind: 'colleague' }).colleagueId).toBe('c');
  });

  it('places server errors on the field of the path, and unknown ones on the form', () => {
    expect(
      placeFieldErrors(
        { scheduledAt: 'I fortiden.', 'competenceIds.0': 'Ukendt.', other: 'Andet.' },
        { scheduledAt: 'date', competenceIds: 'competences' },
      ),
    ).toEqual([
      { fieldId: 'date', message: 'I fortiden.' },
      { fieldId: 'competences', message: 'Ukendt.' },
      { message: 'Andet.' },
    ]);
  });
});
