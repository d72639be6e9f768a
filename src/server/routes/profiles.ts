/** @module The competence profile of one person across rounds, and the administrator's outbox and settings. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { canSeePerson, hasRole, unitsLedBy } from '../../domain/access.ts';
import { competencesOf } from '../../domain/framework.ts';
import {
  areaProfiles,
  competenceProfiles,
  type RatedLevel,
  summarise,
  trends,
} from '../../domain/profile.ts';
import { leaderRatingVisibleToEmployee } from '../../domain/rounds.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  outboxSchema,
  profileSchema,
  type RoundProfile,
  settingsInputSchema,
  settingsSchema,
} from '../contracts/rounds.ts';
import type { AppEnv } from '../http/env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, authenticatedOrToken, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { progressOf } from './round-progress.ts';

const levelsOf = (ratings: Record<string, { level: number | null }>): Record<string, RatedLevel> =>
  Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, rating.level]));

/**
 * Round profiles of several people at once, newest first per person, as the reader may see them: the person sees the
 * leader's rating only when the round's rule allows it (`isSelf`); a leader sees both once submitted. With `roundId`,
 * only that round is read. A fixed number of queries, however many people.
 */
export async function roundProfilesOfPeople(
  tenant: TenantRepositories,
  personIds: readonly string[],
  options: { isSelf: boolean; roundId?: string | null },
): Promise<Map<string, RoundProfile[]>> {
  const [rounds, participations, assessments, roleProfiles] = await Promise.all([
    options.roundId
      ? tenant.rounds.find(options.roundId).then((round) => (round ? [round] : []))
      : tenant.rounds.list(),
    tenant.rounds.participationsOf([...personIds]),
    tenant.rounds.assessmentsOfSubjects([...personIds]),
    tenant.frameworks.listRoleProfiles(),
  ]);
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  const profileById = new Map(roleProfiles.map((profile) => [profile.id, profile]));
  const byPerson = new Map<string, RoundProfile[]>(personIds.map((id) => [id, []]));
  for (const participation of participations) {
    const round = roundById.get(participation.roundId);
    if (!round) continue;
    const version = await tenant.frameworks.findVersion(round.frameworkVersionId);
    const roleProfile = profileById.get(participation.roleProfileId)!;
    const submitted = (rater: 'self' | 'leader') =>
      assessments.find(
        (row) =>
          row.roundId === round.id &&
          row.subjectId === participation.userId &&
          row.raterRole === rater &&
          row.status === 'submitted',
      );
    const selfRow = submitted('self');
    const leaderRow = submitted('leader');
    const leaderVisible = options.isSelf
      ? leaderRatingVisibleToEmployee(round.hideLeaderUntilBoth, progressOf(participation))
      : leaderRow !== undefined;
    const competences = competenceProfiles({
      framework: version!.document,
      targets: participation.targets,
      self: selfRow ? levelsOf(selfRow.ratings) : {},
      leader: leaderRow && leaderVisible ? levelsOf(leaderRow.ratings) : {},
    });
    const summary = summarise(competences);
    byPerson.get(participation.userId)?.push({
      roundId: round.id,
      roundName: round.name,
      deadline: round.deadline,
      status: round.status as 'open' | 'closed',
      frameworkVersionId: round.frameworkVersionId,
      roleProfile: { id: roleProfile.id, key: roleProfile.key, name: roleProfile.name },
      selfSubmitted: selfRow !== undefined,
      leaderSubmitted: leaderRow !== undefined,
      leaderVisible,
      competences,
      areas: areaProfiles(version!.document, competences),
      strengths: summary.strengths.map((profile) => profile.competenceId),
      developmentAreas: summary.developmentAreas.map((profile) => profile.competenceId),
      conversationTopics: summary.conversationTopics.map((profile) => ({
        competenceId: profile.competenceId,
        divergence: profile.divergence!,
      })),
    });
  }
  for (const profiles of byPerson.values()) profiles.sort((a, b) => b.deadline.localeCompare(a.deadline));
  return byPerson;
}

/** A person's profile in every round they took part in, newest first (see {@link roundProfilesOfPeople}). */
export async function roundProfilesOf(
  tenant: TenantRepositories,
  personId: string,
  isSelf: boolean,
): Promise<RoundProfile[]> {
  return (await roundProfilesOfPeople(tenant, [personId], { isSelf })).get(personId) ?? [];
}

/** The newest round profile with anything submitted about the person: what a conversation is prepared from. */
export const latestRoundProfile = (profiles: readonly RoundProfile[]): RoundProfile | undefined =>
  profiles.find((profile) => profile.selfSubmitted || profile.leaderSubmitted);

export function profileRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/profiles/{userId}',
      tags: ['Profiles'],
      summary: 'A competence profile: self, leader and target per round, with gaps, topics and trends',
      ...authenticated,
      request: { params: z.strictObject({ userId: idSchema }) },
      responses: { 200: json(profileSchema, 'The profile.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { userId } = c.req.valid('param');
      const [person, units] = await Promise.all([tenant.people.findUser(userId), tenant.people.listUnits()]);
      const isSelf = person?.id === principal.userId;
      // Ratings are read by the person and their leaders only: an administrator's role alone does not reach them.
      const leads = person?.unitId ? unitsLedBy(principal, units).has(person.unitId) && !isSelf : false;
      if (!person || !canSeePerson(principal, person, units) || !(isSelf || leads)) throw notFound();

      const roundProfiles = await roundProfilesOf(tenant, person.id, isSelf);
      await audit(c, {
        action: 'profile.read',
        subjectType: 'profile',
        subjectId: person.id,
        subjectPersonId: person.id,
        purpose: 'personnel_management',
      });
      const baseline = await tenant.recruitment.baselineOf(person.id);
      const baselineFramework = baseline
        ? await tenant.frameworks.findVersion(baseline.frameworkVersionId)
        : undefined;
      return reply(c, profileSchema, {
        person: { id: person.id, name: person.name },
        rounds: roundProfiles,
        trends: trends(
          roundProfiles.map((round) => ({
            roundId: round.roundId,
            date: round.deadline,
            profiles: round.competences,
          })),
        ),
        interviewBaseline: baseline
          ? {
              positionTitle: baseline.positionTitle,
              frameworkVersionId: baseline.frameworkVersionId,
              interviewedAt: baseline.interviewedAt.toISOString(),
              // In the framework's order: the stored levels are a JSON object, whose key order PostgreSQL does not keep.
              competences: competencesOf(baselineFramework!.document)
                .filter((competence) => Object.hasOwn(baseline.levels, competence.id))
                .map((competence) => ({
                  competenceId: competence.id,
                  level: baseline.levels[competence.id]!,
                  target: baseline.targets[competence.id] ?? null,
                })),
            }
          : null,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/outbox',
      tags: ['Admin'],
      summary: "The municipality's e-mails: queued and sent (administrators)",
      ...authenticatedOrToken('admin', { audit: 'outbox.read' }),
      responses: { 200: json(outboxSchema, 'Newest first.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!hasRole(principal, 'admin')) throw forbidden();
      const messages = await tenant.rounds.outbox();
      return reply(c, outboxSchema, {
        messages: messages.map((message) => ({
          id: message.id,
          to: message.toEmail,
          subject: message.subject,
          body: message.body,
          createdAt: message.createdAt.toISOString(),
          sentAt: message.sentAt ? message.sentAt.toISOString() : null,
        })),
      });
    },
  );

  const settingsView = (municipality: Awaited<ReturnType<TenantRepositories['people']['municipality']>>) => ({
    hrSeesRounds: municipality.hrSeesRounds,
    timeZone: municipality.timeZone,
    candidateRetentionMonths: municipality.candidateRetentionMonths,
    minGroupSize: municipality.minGroupSize,
    conversationRetentionMonths: municipality.conversationRetentionMonths,
    ratingRetentionMonths: municipality.ratingRetentionMonths,
    practiceRetentionMonths: municipality.practiceRetentionMonths,
  });

  const settingsOf = async (c: Parameters<typeof auth>[0]) => {
    const { principal, tenant } = auth(c);
    if (!hasRole(principal, 'admin')) throw forbidden();
    return { tenant, municipality: await tenant.people.municipality() };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/settings',
      tags: ['Admin'],
      summary: "The municipality's settings (administrators)",
      ...authenticatedOrToken('admin'),
      responses: { 200: json(settingsSchema, 'The settings.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { municipality } = await settingsOf(c);
      return reply(c, settingsSchema, settingsView(municipality));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/settings',
      tags: ['Admin'],
      summary: "Change the municipality's settings (administrators)",
      ...authenticatedOrToken('admin'),
      request: { body: jsonBody(settingsInputSchema) },
      responses: { 200: json(settingsSchema, 'Saved.'), ...pick(400, 401, 403, 415) },
    }),
    async (c) => {
      const { tenant, municipality } = await settingsOf(c);
      const input = c.req.valid('json');
      const {
        hrSeesRounds = municipality.hrSeesRounds,
        minGroupSize = municipality.minGroupSize,
        candidateRetentionMonths = municipality.candidateRetentionMonths,
      } = input;
      // All or nothing: a refused value must not leave the others half saved.
      await tenant.transaction(async (inTransaction) => {
        if (hrSeesRounds !== municipality.hrSeesRounds)
          await inTransaction.rounds.setHrSeesRounds(hrSeesRounds);
        if (minGroupSize !== municipality.minGroupSize)
          await inTransaction.people.setMinGroupSize(minGroupSize);
        if (candidateRetentionMonths !== municipality.candidateRetentionMonths) {
          await inTransaction.recruitment.setCandidateRetentionMonths(candidateRetentionMonths);
        }
        await inTransaction.erasure.setPeriods({
          conversations: input.conversationRetentionMonths,
          ratings: input.ratingRetentionMonths,
          practice: input.practiceRetentionMonths,
        });
      });
      return reply(c, settingsSchema, settingsView(await tenant.people.municipality()));
    },
  );

  return app;
}
