/** @module The profile's charts and tables come from the same rows; leader layers only when visible; the trend. */
import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Profile, RoundProfile } from '../../../server/contracts/rounds.ts';
import {
  areaRows,
  chartData,
  competenceRows,
  rowsFor,
  sparklinePoints,
  topics,
  trendTable,
  visibleLayers,
  wrapLabel,
} from './profile-view.ts';
import { layerLook, radarOption } from './radar-option.ts';

const text = (da: string) => ({ da, en: `${da} (en)` });
const levels = [1, 2, 3, 4].map((level) => ({ level, behaviour: text(`adfærd ${level}`) }));
const framework = {
  key: 'ramme',
  name: text('Ramme'),
  description: text('Beskrivelse'),
  scale: {
    levels: [1, 2, 3, 4].map((level) => ({ level, name: text(`N${level}`), meaning: text('m') })),
    cannotAssess: { name: text('Kan ikke vurdere'), meaning: text('m') },
  },
  areas: [
    {
      id: 'kommunikation',
      name: text('Kommunikation'),
      description: text('d'),
      competences: [
        {
          id: 'spoergeteknik',
          name: text('Spørgeteknik'),
          description: text('d'),
          levels,
          evidencePrompts: [],
        },
        { id: 'formidling', name: text('Formidling'), description: text('d'), levels, evidencePrompts: [] },
      ],
    },
    {
      id: 'it',
      name: text('IT-kompetencer'),
      description: text('d'),
      competences: [
        { id: 'mitid', name: text('MitID'), description: text('d'), levels, evidencePrompts: [] },
      ],
    },
  ],
} as FrameworkDocument;

const round = (overrides: Partial<RoundProfile> = {}): RoundProfile => ({
  roundId: 'r2',
  roundName: 'Efterår',
  deadline: '2026-11-01',
  status: 'closed',
  frameworkVersionId: '00000000-0000-4000-8000-000000000001',
  roleProfile: { id: 'rp', key: 'medarbejder', name: text('Medarbejder') },
  selfSubmitted: true,
  leaderSubmitted: true,
  leaderVisible: true,
  competences: [
    {
      competenceId: 'spoergeteknik',
      areaId: 'kommunikation',
      target: 2,
      self: 4,
      leader: 2,
      basis: 2,
      gap: 0,
      standing: 'strength',
      divergence: 'blind_spot',
    },
    {
      competenceId: 'formidling',
      areaId: 'kommunikation',
      target: 3,
      self: 1,
      leader: 3,
      basis: 3,
      gap: 0,
      standing: 'strength',
      divergence: 'hidden_strength',
    },
    {
      competenceId: 'mitid',
      areaId: 'it',
      target: 3,
      self: null,
      leader: 1,
      basis: 1,
      gap: -2,
      standing: 'development',
      divergence: null,
    },
  ],
  areas: [
    { areaId: 'kommunikation', self: 2.5, leader: 2.5, target: 2.5 },
    { areaId: 'it', self: null, leader: 1, target: 3 },
  ],
  strengths: ['spoergeteknik', 'formidling'],
  developmentAreas: ['mitid'],
  conversationTopics: [
    { competenceId: 'spoergeteknik', divergence: 'blind_spot' },
    { competenceId: 'formidling', divergence: 'hidden_strength' },
  ],
  ...overrides,
});

describe('rows and chart data', () => {
  it('names competences and areas in the reader language, in the framework order', () => {
    const rows = competenceRows(round(), framework, 'da');
    expect(rows.map((row) => [row.name, row.areaName])).toEqual([
      ['Spørgeteknik', 'Kommunikation'],
      ['Formidling', 'Kommunikation'],
      ['MitID', 'IT-kompetencer'],
    ]);
    expect(areaRows(round(), framework, 'en').map((row) => row.name)).toEqual([
      'Kommunikation (en)',
      'IT-kompetencer (en)',
    ]);
  });

  it('gives the chart exactly the table numbers, with no level as a gap (null)', () => {
    const rows = competenceRows(round(), framework, 'da');
    const data = chartData(rows, visibleLayers(round()), 4);
    expect(data.axes.map((axis) => axis.id)).toEqual(['spoergeteknik', 'formidling', 'mitid']);
    expect(data.series).toEqual([
      { layer: 'self', values: [4, 1, null] },
      { layer: 'leader', values: [2, 3, 1] },
      { layer: 'target', values: [2, 3, 3] },
    ]);
  });

  it('leaves the leader layer out, in chart and rows, while it is held back', () => {
    const hidden = round({ leaderVisible: false });
    expect(visibleLayers(hidden)).toEqual(['self', 'target']);
    expect(competenceRows(hidden, framework, 'da').every((row) => row.leader === undefined)).toBe(true);
    expect(areaRows(hidden, framework, 'da').every((row) => row.leader === undefined)).toBe(true);
  });
});

describe('topics and lists', () => {
  it('lists each blind spot and hidden strength with both levels', () => {
    const rows = competenceRows(round(), framework, 'da');
    expect(topics(round(), rows)).toEqual([
      { competenceId: 'spoergeteknik', name: 'Spørgeteknik', divergence: 'blind_spot', self: 4, leader: 2 },
      { competenceId: 'formidling', name: 'Formidling', divergence: 'hidden_strength', self: 1, leader: 3 },
    ]);
  });

  it('keeps the server order of development areas (largest gap first)', () => {
    const rows = competenceRows(round(), framework, 'da');
    expect(rowsFor(['mitid', 'ukendt'], rows).map((row) => row.gap)).toEqual([-2]);
  });
});

describe('trendTable', () => {
  it('has a column per round with submissions, oldest first, and a row per competence', () => {
    const profile: Profile = {
      person: { id: 'p', name: 'Birthe' },
      rounds: [
        round(),
        round({ roundId: 'r1', roundName: 'Forår', deadline: '2026-04-30' }),
        round({
          roundId: 'r3',
          roundName: 'Ny',
          deadline: '2026-12-01',
          selfSubmitted: false,
          leaderSubmitted: false,
        }),
      ],
      interviewBaseline: null,
      trends: {
        spoergeteknik: [
          { roundId: 'r1', date: '2026-04-30', level: 1 },
          { roundId: 'r2', date: '2026-11-01', level: 2 },
        ],
        mitid: [{ roundId: 'r2', date: '2026-11-01', level: null }],
      },
    };
    const table = trendTable(profile, framework, 'da');
    expect(table.columns.map((column) => column.roundName)).toEqual(['Forår', 'Efterår']);
    expect(table.rows.map((row) => [row.name, row.levels])).toEqual([
      ['Spørgeteknik', [1, 2]],
      ['Formidling', [undefined, undefined]],
      ['MitID', [undefined, null]],
    ]);
  });

  it('draws a sparkline low for level 1 and high for the top level, skipping rounds without a level', () => {
    expect(sparklinePoints([1, undefined, 4], 4, 80, 20)).toEqual([
      { x: 0, y: 20 },
      { x: 80, y: 0 },
    ]);
  });
});

describe('the radar option', () => {
  it('tells the layers apart by line style and marker as well as colour', () => {
    const looks = Object.values(layerLook);
    expect(new Set(looks.map((look) => look.marker)).size).toBe(3);
    expect(new Set(looks.map((look) => look.dash.join())).size).toBe(3);
  });

  it('has no animation (its CSS would break the CSP) and puts a missing level at the centre', () => {
    const rows = competenceRows(round(), framework, 'da');
    const option = radarOption({
      data: chartData(rows, ['self', 'target'], 4),
      labels: { self: 'Min vurdering', leader: 'Lederens vurdering', target: 'Mål' },
      compact: false,
    });
    expect(option.animation).toBe(false);
    expect(option.radar.indicator.map((axis) => axis.max)).toEqual([4, 4, 4]);
    expect(option.series[0]?.data.map((entry) => [entry.name, entry.value])).toEqual([
      ['Min vurdering', [4, 1, '-']],
      ['Mål', [2, 3, 3]],
    ]);
  });

  it('wraps long axis names at spaces', () => {
    expect(wrapLabel('Digital vejledning og motivation', 16)).toBe('Digital\nvejledning og\nmotivation');
    expect(wrapLabel('MitID', 16)).toBe('MitID');
  });
});
