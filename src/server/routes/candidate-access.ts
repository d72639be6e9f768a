/**
 * @module The candidate's own two calls, without an account: read the self-assessment form a personal link opens, and
 * submit it once. The token travels in the JSON body (never the URL, so no log or Referer holds it); every call counts
 * against the client's address.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Repositories } from '../../db/repositories/index.ts';
import { competencesOf } from '../../domain/framework.ts';
import { linkState, type PositionStatus, sendsLinks } from '../../domain/recruitment.ts';
import type { Locale } from '../../domain/text.ts';
import type { CandidateLinkLimiter } from '../auth/candidate-limiter.ts';
import { candidateTokenHash } from '../auth/tokens.ts';
import {
  candidateAccessInputSchema,
  candidateFormSchema,
  candidateSubmitInputSchema,
  candidateSubmittedSchema,
} from '../contracts/recruitment.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { clientAddress, type TransportOptions } from '../http/middleware.ts';
import { json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';

/** The paths a candidate posts to without a session; the CSRF check asks only that they come from our own origin. */
export const candidateAccessPaths = ['/api/candidate-access/form', '/api/candidate-access/submit'];

export function candidateAccessRoutes(options: {
  repositories: Repositories;
  limiter: CandidateLinkLimiter;
  transport: TransportOptions;
  now: () => Date;
}) {
  const { repositories, limiter, now } = options;
  const app = new OpenAPIHono<AppEnv>();

  const formatDate = (date: Date, locale: Locale, timeZone: string) =>
    new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone }).format(
      date,
    );

  /**
   * The link behind a token, when it still works. A used link, an expired one and a finished recruitment each say
   * so; an unknown token is told the link does not work. Every call spends one of the address's allowance first.
   */
  async function openLink(c: Context<AppEnv>, token: string) {
    const wait = await limiter.consume(clientAddress(c, options.transport.trustProxy));
    if (wait > 0) {
      throw new ApiError(429, 'too_many_requests', {
        values: { minutes: Math.max(1, Math.ceil(wait / 60)) },
        headers: { 'Retry-After': String(wait) },
      });
    }
    const found = await repositories.system.findCandidateLink(candidateTokenHash(token));
    if (!found) throw new ApiError(404, 'candidate_link_invalid');
    const tenant = repositories.forTenant(found.link.municipalityId);
    const municipality = await tenant.people.municipality();
    const locale = c.get('locale');
    const at = now();
    const state = linkState(found.link, at);
    if (state === 'used') {
      const [submitted] = await tenant.recruitment.selfAssessmentsOf([found.candidate.id]);
      const date = submitted?.submittedAt ?? found.link.usedAt ?? at;
      throw new ApiError(410, 'candidate_link_used', {
        values: { date: formatDate(date, locale, municipality.timeZone) },
      });
    }
    if (state === 'expired') {
      throw new ApiError(410, 'candidate_link_expired', {
        values: { date: formatDate(found.link.expiresAt, locale, municipality.timeZone) },
      });
    }
    if (!sendsLinks(found.position.status as PositionStatus))
      throw new ApiError(410, 'candidate_link_closed');
    const version = await tenant.frameworks.findVersion(found.position.frameworkVersionId);
    const focus = new Set(found.position.focusCompetenceIds);
    const competences = competencesOf(version!.document).filter((competence) => focus.has(competence.id));
    return { ...found, tenant, municipality, framework: version!.document, competences, at };
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/candidate-access/form',
      tags: ['Candidate'],
      summary: "The self-assessment a candidate's personal link opens (no account; the token in the body)",
      request: { body: jsonBody(candidateAccessInputSchema) },
      responses: {
        200: json(candidateFormSchema, 'The form.'),
        ...pick(400, 403, 404, 410, 415, 429),
      },
    }),
    async (c) => {
      const opened = await openLink(c, c.req.valid('json').token);
      return reply(c, candidateFormSchema, {
        positionTitle: opened.position.title,
        municipalityName: opened.municipality.name,
        candidateName: opened.candidate.name,
        locale: opened.candidate.locale === 'en' ? 'en' : 'da',
        expiresAt: opened.link.expiresAt.toISOString(),
        scale: opened.framework.scale,
        competences: opened.competences,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/candidate-access/submit',
      tags: ['Candidate'],
      summary: 'Submit the self-assessment: once, before the link expires',
      request: { body: jsonBody(candidateSubmitInputSchema) },
      responses: {
        200: json(candidateSubmittedSchema, 'Received.'),
        ...pick(400, 403, 404, 410, 415, 422, 429),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const opened = await openLink(c, input.token);
      const locale = c.get('locale');
      const top = opened.framework.scale.levels.length;
      const fields: Record<string, string> = {};
      const focus = new Set(opened.competences.map((competence) => competence.id));
      for (const [competenceId, level] of Object.entries(input.ratings)) {
        if (!focus.has(competenceId))
          fields[`ratings.${competenceId}`] = fieldMessage(locale, 'not_in_focus');
        else if (level !== null && level > top)
          fields[`ratings.${competenceId}`] = fieldMessage(locale, 'level_off_scale');
      }
      for (const competenceId of focus) {
        if (!Object.hasOwn(input.ratings, competenceId))
          fields[`ratings.${competenceId}`] = fieldMessage(locale, 'competence_not_rated');
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'incomplete_assessment', { fields });
      const outcome = await opened.tenant.recruitment.submitSelfAssessment({
        linkId: opened.link.id,
        candidateId: opened.candidate.id,
        ratings: input.ratings,
        now: opened.at,
      });
      if (outcome === 'used') {
        throw new ApiError(410, 'candidate_link_used', {
          values: {
            date: formatDate(opened.at, locale, opened.municipality.timeZone),
          },
        });
      }
      return reply(c, candidateSubmittedSchema, { submittedAt: opened.at.toISOString() });
    },
  );

  return app;
}
