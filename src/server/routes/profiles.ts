/** @module The competence profile of one person across rounds, and the administrator's outbox and settings. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { canSeePerson, hasRole, unitsLedBy } from '../../domain/access.ts';
import {
  areaProfiles,
  competenceProfiles,
  type RatedLevel,
  summarise,
  trends,
} from '../../domain/profile.ts';
import { leaderRatingVisibleToEmployee } from '../../domain/rounds.ts';
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
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { progressOf } from './round-progress.ts';

const levelsOf = (ratings: Record<string, { level: number | null }>): Record<string, RatedLevel> =>
  Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, rating.level]));

/**
 * A person's profile in every round they took part in, newest first, as the reader may see it: the person sees the
 * leader's rating only when the round's rule allows it; a leader sees both once submitted.
 */
export async function roundProfilesOf(
  tenant: TenantRepositories,
  personId: string,
  isSelf: boolean,
): Promise<RoundProfile[]> {
  const [rounds, participations, assessments, roleProfiles] = await Promise.all([
    tenant.rounds.list(),
    tenant.rounds.participationsOf([personId]),
    tenant.rounds.assessmentsOf(personId),
    tenant.frameworks.listRoleProfiles(),
  ]);
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  const profileById = new Map(roleProfiles.map((profile) => [profile.id, profile]));
  const roundProfiles: RoundProfile[] = [];
  for (const participation of participations) {
    const round = roundById.get(participation.roundId)!;
    const version = await tenant.frameworks.findVersion(round.frameworkVersionId);
    const roleProfile = profileById.get(participation.roleProfileId)!;
    const submitted = (rater: 'self' | 'leader') =>
      assessments.find(
        (row) => row.roundId === round.id && row.raterRole === rater && row.status === 'submitted',
      );
    const selfRow = submitted('self');
    const leaderRow = submitted('leader');
    const leaderVisible = isSelf
      ? leaderRatingVisibleToEmployee(round.hideLeaderUntilBoth, progressOf(participation))
      : leaderRow !== undefined;
    const competences = competenceProfiles({
      framework: version!.document,
      targets: roleProfile.targets,
      self: selfRow ? levelsOf(selfRow.ratings) : {},
      leader: leaderRow && leaderVisible ? levelsOf(leaderRow.ratings) : {},
    });
    const summary = summarise(competences);
    roundProfiles.push({
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
  roundProfiles.sort((a, b) => b.deadline.localeCompare(a.deadline));
  return roundProfiles;
}

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
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/outbox',
      tags: ['Admin'],
      summary: "The municipality's e-mails: queued and sent (administrators)",
      ...authenticated,
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
      ...authenticated,
      responses: { 200: json(settingsSchema, 'The settings.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { municipality } = await settingsOf(c);
      return reply(c, settingsSchema, {
        hrSeesRounds: municipality.hrSeesRounds,
        timeZone: municipality.timeZone,
        minGroupSize: municipality.minGroupSize,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/settings',
      tags: ['Admin'],
      summary: "Change the municipality's settings (administrators)",
      ...authenticated,
      request: { body: jsonBody(settingsInputSchema) },
      responses: { 200: json(settingsSchema, 'Saved.'), ...pick(400, 401, 403, 415) },
    }),
    async (c) => {
      const { tenant, municipality } = await settingsOf(c);
      const { hrSeesRounds = municipality.hrSeesRounds, minGroupSize = municipality.minGroupSize } =
        c.req.valid('json');
      if (hrSeesRounds !== municipality.hrSeesRounds) await tenant.rounds.setHrSeesRounds(hrSeesRounds);
      if (minGroupSize !== municipality.minGroupSize) await tenant.people.setMinGroupSize(minGroupSize);
      return reply(c, settingsSchema, { hrSeesRounds, timeZone: municipality.timeZone, minGroupSize });
    },
  );

  return app;
}
