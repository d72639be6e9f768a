/**
 * @module The competence profile: self, leader and target side by side, with strengths, development areas,
 * blind spots and hidden strengths, per competence and per area, and the trend across rounds.
 */
import type { FrameworkDocument } from './framework.ts';

/** A rated level, or `null` for "cannot assess". A competence not rated at all is simply absent. */
export type RatedLevel = number | null;

export type Divergence = 'blind_spot' | 'hidden_strength';
export type Standing = 'strength' | 'development' | 'unrated';

export interface CompetenceProfile {
  competenceId: string;
  areaId: string;
  target: number | null;
  self: RatedLevel | undefined;
  /** Undefined when the leader has not rated, or the rating is not visible to the reader yet. */
  leader: RatedLevel | undefined;
  /** The rating the standing is based on: the leader's when there is one, otherwise the person's own. */
  basis: number | null;
  /** basis − target: negative means below target. Null when either is missing. */
  gap: number | null;
  standing: Standing;
  /** Self and leader more than one level apart: a topic for the conversation, never averaged away. */
  divergence: Divergence | null;
}

const isLevel = (value: RatedLevel | undefined): value is number => typeof value === 'number';

/**
 * Where self and leader disagree by more than one level. "Blind spot": the person rates themselves higher than
 * the leader does; "hidden strength": lower.
 */
export function divergenceOf(
  self: RatedLevel | undefined,
  leader: RatedLevel | undefined,
): Divergence | null {
  if (!isLevel(self) || !isLevel(leader)) return null;
  if (self - leader > 1) return 'blind_spot';
  if (leader - self > 1) return 'hidden_strength';
  return null;
}

export interface ProfileInput {
  framework: FrameworkDocument;
  targets: Readonly<Record<string, number>>;
  self?: Readonly<Record<string, RatedLevel>>;
  leader?: Readonly<Record<string, RatedLevel>>;
}

export function competenceProfiles(input: ProfileInput): CompetenceProfile[] {
  return input.framework.areas.flatMap((area) =>
    area.competences.map((competence): CompetenceProfile => {
      const target = input.targets[competence.id] ?? null;
      const self = input.self?.[competence.id];
      const leader = input.leader?.[competence.id];
      const basis = isLevel(leader) ? leader : isLevel(self) ? self : null;
      const gap = basis !== null && target !== null ? basis - target : null;
      return {
        competenceId: competence.id,
        areaId: area.id,
        target,
        self,
        leader,
        basis,
        gap,
        standing: gap === null ? 'unrated' : gap >= 0 ? 'strength' : 'development',
        divergence: divergenceOf(self, leader),
      };
    }),
  );
}

export interface ProfileSummary {
  /** At or above target, in the framework's order. */
  strengths: CompetenceProfile[];
  /** Below target, largest gap first (ties in the framework's order). */
  developmentAreas: CompetenceProfile[];
  /** Self and leader more than one level apart, widest first. */
  conversationTopics: CompetenceProfile[];
}

export function summarise(profiles: readonly CompetenceProfile[]): ProfileSummary {
  const order = new Map(profiles.map((profile, index) => [profile.competenceId, index]));
  const byOrder = (a: CompetenceProfile, b: CompetenceProfile) =>
    order.get(a.competenceId)! - order.get(b.competenceId)!;
  const spread = (profile: CompetenceProfile) =>
    Math.abs((profile.self as number) - (profile.leader as number));
  return {
    strengths: profiles.filter((profile) => profile.standing === 'strength'),
    developmentAreas: profiles
      .filter((profile) => profile.standing === 'development')
      .sort((a, b) => a.gap! - b.gap! || byOrder(a, b)),
    conversationTopics: profiles
      .filter((profile) => profile.divergence !== null)
      .sort((a, b) => spread(b) - spread(a) || byOrder(a, b)),
  };
}

export interface AreaProfile {
  areaId: string;
  /** Averages over the area's competences that have a level; null when none has. */
  self: number | null;
  leader: number | null;
  target: number | null;
}

const average = (values: (number | null | undefined)[]): number | null => {
  const levels = values.filter((value): value is number => typeof value === 'number');
  if (levels.length === 0) return null;
  return Math.round((levels.reduce((sum, value) => sum + value, 0) / levels.length) * 10) / 10;
};

/** One point per area for the area radar: the mean level, to one decimal. */
export function areaProfiles(
  framework: FrameworkDocument,
  profiles: readonly CompetenceProfile[],
): AreaProfile[] {
  return framework.areas.map((area) => {
    const inArea = profiles.filter((profile) => profile.areaId === area.id);
    return {
      areaId: area.id,
      self: average(inArea.map((profile) => profile.self)),
      leader: average(inArea.map((profile) => profile.leader)),
      target: average(inArea.map((profile) => profile.target)),
    };
  });
}

export interface TrendPoint {
  roundId: string;
  /** When the round's deadline fell, as YYYY-MM-DD; rounds are ordered by it. */
  date: string;
  level: number | null;
}

/**
 * The development of each competence across rounds, oldest first, from the rating each round's profile is
 * based on. A competence missing from an older framework version is simply absent from that round.
 */
export function trends(
  rounds: readonly {
    roundId: string;
    date: string;
    profiles: readonly Pick<CompetenceProfile, 'competenceId' | 'basis'>[];
  }[],
): Record<string, TrendPoint[]> {
  const result: Record<string, TrendPoint[]> = {};
  const ordered = [...rounds].sort((a, b) => a.date.localeCompare(b.date));
  for (const round of ordered) {
    for (const profile of round.profiles) {
      result[profile.competenceId] ??= [];
      result[profile.competenceId]!.push({
        roundId: round.roundId,
        date: round.date,
        level: profile.basis,
      });
    }
  }
  return result;
}
