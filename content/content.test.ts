/** @module Checks the shipped framework and role profiles as data: what would break for raters and leaders. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { competencesOf, type FrameworkDocument, frameworkDocumentSchema } from '../src/domain/framework.ts';
import {
  type RoleProfileDocument,
  roleProfileDocumentSchema,
  roleProfileProblems,
} from '../src/domain/role-profile.ts';
import type { LocalizedText } from '../src/domain/text.ts';
import rawFramework from './frameworks/specialist-i-borgerbetjening.json' with { type: 'json' };
import rawRoleProfiles from './role-profiles.json' with { type: 'json' };
import stableIds from './stable-ids.json' with { type: 'json' };
import { bannedWordsIn } from './wording.ts';

const expectedAreaIds = [
  'kommunikation',
  'paedagogik-og-coaching',
  'organisatorisk-indsigt',
  'it-kompetencer',
  'personlige-kompetencer',
];

const maxDescriptionLength = 280;

// Parsed here rather than imported from ./index.ts, which throws on load when anything is wrong: every check
// below should still run and report its own problem. If parsing fails, the raw data stands in for the rest.
const frameworkResult = frameworkDocumentSchema.safeParse(rawFramework);
const defaultFramework = frameworkResult.success
  ? frameworkResult.data
  : (rawFramework as unknown as FrameworkDocument);
const roleProfilesResult = roleProfileDocumentSchema.array().safeParse(rawRoleProfiles);
const defaultRoleProfiles = roleProfilesResult.success
  ? roleProfilesResult.data
  : (rawRoleProfiles as unknown as RoleProfileDocument[]);
const competences = competencesOf(defaultFramework);
const scaleLevels = defaultFramework.scale.levels.map((entry) => entry.level);

/** Every level description, labelled by where it lives, for readable failures. */
const levelTexts = competences.flatMap((competence) =>
  competence.levels.map((entry) => ({
    where: `${competence.id} level ${entry.level}`,
    text: entry.behaviour,
  })),
);

/** Every text a rater reads while deciding: level descriptions, scale meanings, competence and area descriptions. */
const describingTexts: { where: string; text: LocalizedText }[] = [
  ...levelTexts,
  ...defaultFramework.scale.levels.map((entry) => ({
    where: `scale level ${entry.level}`,
    text: entry.meaning,
  })),
  { where: 'scale cannotAssess', text: defaultFramework.scale.cannotAssess.meaning },
  ...competences.map((competence) => ({
    where: `${competence.id} description`,
    text: competence.description,
  })),
  ...competences.flatMap((competence) =>
    competence.evidencePrompts.map((prompt, index) => ({
      where: `${competence.id} evidence prompt ${index + 1}`,
      text: prompt,
    })),
  ),
  ...defaultFramework.areas.map((area) => ({ where: `${area.id} description`, text: area.description })),
];

describe('framework "specialist-i-borgerbetjening"', () => {
  it('parses with the framework schema', () => {
    expect(frameworkResult.success, frameworkResult.error && z.prettifyError(frameworkResult.error)).toBe(
      true,
    );
    expect(defaultFramework.key).toBe('specialist-i-borgerbetjening');
  });

  it('has a four-level scale plus "cannot assess"', () => {
    expect(scaleLevels).toEqual([1, 2, 3, 4]);
    expect(defaultFramework.scale.cannotAssess.name.da).toBe('Kan ikke vurdere');
  });

  it('has exactly the five areas of the KL/HK profile, in order', () => {
    expect(defaultFramework.areas.map((area) => area.id)).toEqual(expectedAreaIds);
  });

  it('has 3–6 competences in every area', () => {
    for (const area of defaultFramework.areas) {
      expect(area.competences.length, `area "${area.id}"`).toBeGreaterThanOrEqual(3);
      expect(area.competences.length, `area "${area.id}"`).toBeLessThanOrEqual(6);
    }
  });

  it('has 18–24 competences in total', () => {
    expect(competences.length).toBeGreaterThanOrEqual(18);
    expect(competences.length).toBeLessThanOrEqual(24);
  });

  it('describes every scale level for every competence, in Danish and English, with different texts', () => {
    const problems: string[] = [];
    for (const competence of competences) {
      const described = competence.levels.map((entry) => entry.level);
      if (described.join() !== scaleLevels.join()) {
        problems.push(
          `${competence.id}: describes levels ${described.join(', ')}, scale has ${scaleLevels.join(', ')}`,
        );
      }
      for (const entry of competence.levels) {
        const { da, en } = entry.behaviour;
        if (da.trim() === '' || en.trim() === '') {
          problems.push(`${competence.id} level ${entry.level}: empty text`);
        }
        if (da.trim() === en.trim()) {
          problems.push(`${competence.id} level ${entry.level}: Danish and English are equal`);
        }
      }
    }
    expect(levelTexts.length).toBe(competences.length * scaleLevels.length);
    expect(problems).toEqual([]);
  });

  it('gives every competence one or two evidence prompts in the "Beskriv en situation, hvor du …" form', () => {
    for (const competence of competences) {
      expect(competence.evidencePrompts.length, competence.id).toBeGreaterThanOrEqual(1);
      expect(competence.evidencePrompts.length, competence.id).toBeLessThanOrEqual(2);
      for (const prompt of competence.evidencePrompts) {
        expect(prompt.da, competence.id).toMatch(/^Beskriv en situation, hvor /);
        expect(prompt.en, competence.id).toMatch(/^Describe a situation where /);
      }
    }
  });

  it('uses every id once across areas and competences', () => {
    const ids = [...defaultFramework.areas.map((area) => area.id), ...competences.map((c) => c.id)];
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('keeps every shipped id (content/stable-ids.json)', () => {
    const areaIds = new Set(defaultFramework.areas.map((area) => area.id));
    const competenceIds = new Set(competences.map((competence) => competence.id));
    const missing = [
      ...stableIds.areas.filter((id) => !areaIds.has(id)).map((id) => `area "${id}"`),
      ...stableIds.competences.filter((id) => !competenceIds.has(id)).map((id) => `competence "${id}"`),
    ];
    expect(stableIds.areas.length + stableIds.competences.length).toBeGreaterThan(0);
    expect(
      missing,
      `Ids must never be renamed or removed once shipped: saved ratings, role profiles and plans refer to them. ` +
        `Missing: ${missing.join(', ')}. Restore them (new ids may be added alongside).`,
    ).toEqual([]);
  });

  it('uses no rating words in any description', () => {
    const found = describingTexts.flatMap(({ where, text }) =>
      [...bannedWordsIn(text.da), ...bannedWordsIn(text.en)].map((word) => `${where}: "${word}"`),
    );
    expect(found).toEqual([]);
  });

  it('keeps every description short enough to read while deciding', () => {
    const tooLong = describingTexts.flatMap(({ where, text }) =>
      (['da', 'en'] as const)
        .filter((locale) => text[locale].length > maxDescriptionLength)
        .map((locale) => `${where} (${locale}): ${text[locale].length} characters`),
    );
    expect(tooLong).toEqual([]);
  });
});

describe('the rating-word check', () => {
  it('finds banned words as whole words in either language, whatever the case', () => {
    expect(bannedWordsIn('Er god til at forklare')).toEqual(['god']);
    expect(bannedWordsIn('ALTID venlig; Always polite, with strong answers')).toEqual([
      'ALTID',
      'Always',
      'strong',
    ]);
    expect(bannedWordsIn('Giver et godt svar og en goddag; a goodbye')).toEqual([]);
  });
});

describe('role profiles', () => {
  it('parse with the role-profile schema', () => {
    expect(
      roleProfilesResult.success,
      roleProfilesResult.error && z.prettifyError(roleProfilesResult.error),
    ).toBe(true);
  });

  it('ships the employee and the specialist profile, and the guide, organiser/teacher and coordinator variants', () => {
    expect(defaultRoleProfiles.map((profile) => profile.key)).toEqual([
      'borgerservicemedarbejder',
      'specialist-i-borgerbetjening',
      'borgervejleder',
      'arrangoer-underviser',
      'tovholder',
    ]);
  });

  it('describe each role in Danish and English without rating words', () => {
    for (const profile of defaultRoleProfiles) {
      for (const text of [profile.name, profile.description]) {
        expect(text.da.trim(), profile.key).not.toBe(text.en.trim());
        expect([...bannedWordsIn(text.da), ...bannedWordsIn(text.en)], profile.key).toEqual([]);
      }
      expect(profile.description.da.length, profile.key).toBeLessThanOrEqual(maxDescriptionLength);
    }
  });

  it('give a target on the scale for every competence, and name no unknown ones', () => {
    for (const profile of defaultRoleProfiles) {
      expect(roleProfileProblems(profile, defaultFramework)).toEqual([]);
      for (const [id, level] of Object.entries(profile.targets)) {
        expect(level, `${profile.key}: ${id}`).toBeGreaterThanOrEqual(1);
        expect(level, `${profile.key}: ${id}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('never set the specialist below the employee', () => {
    const [employee, specialist] = defaultRoleProfiles;
    const lower = competences
      .map((competence) => competence.id)
      .filter((id) => (specialist?.targets[id] ?? 0) < (employee?.targets[id] ?? 0));
    expect(lower).toEqual([]);
  });

  it('never set a role variant below the employee: each builds on the work at the counter', () => {
    const [employee, , ...variants] = defaultRoleProfiles;
    for (const variant of variants) {
      const lower = competences
        .map((competence) => competence.id)
        .filter((id) => (variant.targets[id] ?? 0) < (employee?.targets[id] ?? 0));
      expect(lower, variant.key).toEqual([]);
    }
  });

  it('raise each variant where its role needs it most, above every other profile', () => {
    const byKey = new Map(defaultRoleProfiles.map((profile) => [profile.key, profile]));
    const highest = (key: string, competenceId: string) => {
      const others = defaultRoleProfiles.filter((profile) => profile.key !== key);
      const level = byKey.get(key)?.targets[competenceId] ?? 0;
      return others.every((profile) => (profile.targets[competenceId] ?? 0) <= level);
    };
    // The guide co-serves and motivates digitally as far as the specialist does, without the group teaching.
    expect(highest('borgervejleder', 'medbetjening')).toBe(true);
    expect(highest('borgervejleder', 'holde-igen')).toBe(true);
    expect(highest('borgervejleder', 'digital-vejledning-og-motivation')).toBe(true);
    // The organiser/teacher teaches groups and knows the solutions they teach.
    expect(highest('arrangoer-underviser', 'formidling-til-grupper')).toBe(true);
    expect(highest('arrangoer-underviser', 'digitale-selvbetjeningsloesninger')).toBe(true);
    // The coordinator knows the organisation, follows changes and keeps the team going in busy periods.
    for (const id of ['kommunens-opgaver', 'foelge-med-i-aendringer', 'fokus-i-travle-perioder']) {
      expect(highest('tovholder', id), id).toBe(true);
    }
  });

  it('load through content/index.ts', async () => {
    const content = await import('./index.ts');
    expect(content.defaultFramework).toEqual(defaultFramework);
    expect(content.defaultRoleProfiles).toEqual(defaultRoleProfiles);
  });

  it('make loading fail with an error that names every problem', async () => {
    const { parseContent } = await import('./index.ts');
    const [employee] = rawRoleProfiles;
    const { spoergeteknik: _removed, ...targets } = employee!.targets;
    const broken = [{ ...employee, targets: { ...targets, 'ukendt-kompetence': 2, medbetjening: 5 } }];
    let message = '';
    try {
      parseContent(rawFramework, broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('no target for competence "spoergeteknik"');
    expect(message).toContain('unknown competence "ukendt-kompetence"');
    expect(message).toContain('sets "medbetjening" to 5');
  });
});
