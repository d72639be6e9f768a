/**
 * @module Candidates of a position: added by HR or the unit's leaders, sent a personal self-assessment link, scored by
 * each panel member blind until they submit, consolidated by the panel, hired (with consent recorded) or erased.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Repositories } from '../../db/repositories/index.ts';
import type { CandidateRow } from '../../db/repositories/recruitment.ts';
import type { StoredPanelRating } from '../../db/schema.ts';
import { competencesOf } from '../../domain/framework.ts';
import type { InterviewBank } from '../../domain/interview.ts';
import {
  acceptsCandidates,
  acceptsScores,
  canCreatePositionIn,
  competenceSpreads,
  consolidationProblems,
  linkState,
  scoreVisibility,
  sendsLinks,
} from '../../domain/recruitment.ts';
import { candidateTokenHash, newToken } from '../auth/tokens.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type CandidateDetail,
  type CandidateSummary,
  candidateDetailSchema,
  candidateInputSchema,
  candidateListSchema,
  candidateSummarySchema,
  consolidationInputSchema,
  hireInputSchema,
  hireResultSchema,
  linkCreatedSchema,
  linkInputSchema,
  scoreDraftInputSchema,
  versionInputSchema,
} from '../contracts/recruitment.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { expectedOrigin, type TransportOptions } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import {
  auditCandidateReads,
  candidateLinkEmail,
  frameworkOfPosition,
  guideCompetences,
  iso,
  type LoadedCandidate,
  type LoadedPosition,
  loadCandidate,
  loadPosition,
  requireManage,
  stageError,
} from '../recruitment.ts';

const positionParams = z.strictObject({ positionId: idSchema });
const candidateParams = z.strictObject({ candidateId: idSchema });
const day = 86_400_000;

const scoreState = (row: { status: string } | undefined) =>
  !row ? ('not_started' as const) : row.status === 'submitted' ? ('submitted' as const) : ('draft' as const);

export function candidateRoutes(options: {
  now: () => Date;
  bank: InterviewBank;
  transport: TransportOptions;
  repositories: Repositories;
}) {
  const { now, bank, transport, repositories } = options;
  const app = new OpenAPIHono<AppEnv>();

  /** What the lists show of each candidate: link, self-assessment, the panel's progress, never a score. */
  async function summariesOf(
    loaded: LoadedPosition,
    candidates: CandidateRow[],
  ): Promise<CandidateSummary[]> {
    const ids = candidates.map((candidate) => candidate.id);
    const [links, selfAssessments, scores, consolidations] = await Promise.all([
      loaded.tenant.recruitment.linksOf(ids),
      loaded.tenant.recruitment.selfAssessmentsOf(ids),
      loaded.tenant.recruitment.scoresOf(ids),
      loaded.tenant.recruitment.consolidationsOf(ids),
    ]);
    const panelIds = new Set(loaded.position.panel.map((member) => member.id));
    const me = loaded.principal.userId;
    const at = now();
    return candidates.map((candidate) => {
      const link = links.find((entry) => entry.candidateId === candidate.id);
      const own = scores.filter((score) => score.candidateId === candidate.id);
      return {
        id: candidate.id,
        name: candidate.name,
        // Contact details are for those who manage the position; the panel needs the name and the application.
        email: loaded.access.canManage ? candidate.email : null,
        locale: candidate.locale === 'en' ? 'en' : 'da',
        externalUrl: candidate.externalUrl,
        link: { state: linkState(link, at), expiresAt: iso(link?.expiresAt ?? null) },
        selfAssessmentSubmittedAt: iso(
          selfAssessments.find((entry) => entry.candidateId === candidate.id)?.submittedAt ?? null,
        ),
        panelSize: panelIds.size,
        panelSubmitted: own.filter(
          (score) => score.status === 'submitted' && panelIds.has(score.panelMemberId),
        ).length,
        myScore: loaded.access.onPanel ? scoreState(own.find((score) => score.panelMemberId === me)) : null,
        consolidated: consolidations.some((entry) => entry.candidateId === candidate.id),
        chosen: loaded.position.chosenCandidateId === candidate.id,
        hired: candidate.hiredUserId !== null,
      };
    });
  }

  /**
   * The candidate as the caller may see them. Blind until submitted: another member's levels and reasons are left
   * out until the caller has submitted their own (a manager outside the panel: until all have), and the spread and
   * consolidation until the whole panel has. Every call is recorded as a read of the candidate.
   */
  async function detailOf(c: Context<AppEnv>, loaded: LoadedCandidate): Promise<CandidateDetail> {
    const { tenant, position, candidate, access, locale, principal } = loaded;
    const framework = await frameworkOfPosition(tenant, position);
    const competences = guideCompetences(framework, position, bank, locale);
    const focus = competences.map((competence) => competence.id);
    const frameworkCompetences = new Map(competencesOf(framework).map((entry) => [entry.id, entry]));
    const [summary] = await summariesOf(loaded, [candidate]);
    const [selfAssessment] = await tenant.recruitment.selfAssessmentsOf([candidate.id]);
    const scores = await tenant.recruitment.scoresOf([candidate.id]);
    const [consolidation] = await tenant.recruitment.consolidationsOf([candidate.id]);
    const panelIds = position.panel.map((member) => member.id);
    const submitted = scores.filter(
      (score) => score.status === 'submitted' && panelIds.includes(score.panelMemberId),
    );
    const visibility = scoreVisibility({
      viewerId: principal.userId,
      panelIds,
      submittedIds: new Set(submitted.map((score) => score.panelMemberId)),
    });
    const mine = scores.find((score) => score.panelMemberId === principal.userId);
    const hiredUser = candidate.hiredUserId ? await tenant.people.findUser(candidate.hiredUserId) : undefined;
    const confirmer = candidate.consentConfirmedById
      ? await tenant.people.findUser(candidate.consentConfirmedById)
      : undefined;
    await auditCandidateReads(c, [candidate.id], 'detail');
    return {
      candidate: summary!,
      position: { id: position.id, title: position.title, status: loaded.status, version: position.version },
      competences: competences.map((competence) => ({
        ...competence,
        levels: (frameworkCompetences.get(competence.id)?.levels ?? []).map((entry) => ({
          level: entry.level,
          behaviour: entry.behaviour[locale],
        })),
      })),
      scaleMax: framework.scale.levels.length,
      selfAssessment: selfAssessment
        ? { submittedAt: selfAssessment.submittedAt.toISOString(), ratings: selfAssessment.ratings }
        : null,
      myScore: access.onPanel
        ? {
            state: scoreState(mine),
            version: mine?.version ?? 0,
            ratings: mine?.ratings ?? {},
            submittedAt: iso(mine?.submittedAt ?? null),
          }
        : null,
      scores: position.panel.map((member) => {
        const row = scores.find((score) => score.panelMemberId === member.id);
        const own = member.id === principal.userId;
        const shown = row?.status === 'submitted' && (own || visibility.othersVisible);
        return {
          member,
          state: scoreState(row),
          submittedAt: iso(row?.submittedAt ?? null),
          ratings: shown ? row!.ratings : null,
        };
      }),
      allSubmitted: visibility.allSubmitted,
      spread: visibility.spreadVisible
        ? competenceSpreads(focus, submitted.map(levelsOnly)).map(({ range: _range, ...spread }) => spread)
        : null,
      consolidation:
        consolidation && visibility.spreadVisible
          ? {
              version: consolidation.version,
              scores: consolidation.scores,
              updatedBy: { id: consolidation.updatedById, name: consolidation.updatedByName },
              updatedAt: consolidation.updatedAt.toISOString(),
            }
          : null,
      canConsolidate:
        (access.onPanel || access.canManage) && acceptsScores(loaded.status) && visibility.allSubmitted,
      canManage: access.canManage,
      canErase: access.canErase,
      canHire:
        access.canManage &&
        loaded.status === 'decided' &&
        position.chosenCandidateId === candidate.id &&
        candidate.hiredUserId === null,
      hire:
        candidate.hiredAt && hiredUser && confirmer && candidate.consentConfirmedAt
          ? {
              user: { id: hiredUser.id, name: hiredUser.name },
              hiredAt: candidate.hiredAt.toISOString(),
              consentConfirmedBy: { id: confirmer.id, name: confirmer.name },
              consentConfirmedAt: candidate.consentConfirmedAt.toISOString(),
            }
          : null,
    };
  }

  const detail = async (c: Context<AppEnv>, candidateId: string) =>
    detailOf(c, await loadCandidate(c, candidateId));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}/candidates',
      tags: ['Recruitment'],
      summary: "A position's candidates with the panel's progress (never a score)",
      ...authenticated,
      request: { params: positionParams },
      responses: { 200: json(candidateListSchema, 'By name.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      const candidates = await loaded.tenant.recruitment.candidatesOf(loaded.position.id);
      await auditCandidateReads(
        c,
        candidates.map((candidate) => candidate.id),
        'list',
      );
      return reply(c, candidateListSchema, { candidates: await summariesOf(loaded, candidates) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/positions/{positionId}/candidates',
      tags: ['Recruitment'],
      summary: 'Add a candidate: name, e-mail and an optional link to the recruitment system',
      ...authenticated,
      request: { params: positionParams, body: jsonBody(candidateInputSchema) },
      responses: { 201: json(candidateSummarySchema, 'Added.'), ...pick(400, 401, 403, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      requireManage(loaded);
      if (!acceptsCandidates(loaded.status)) throw stageError(loaded.status, loaded.locale);
      const input = c.req.valid('json');
      const candidate = await loaded.tenant.recruitment.createCandidate({
        positionId: loaded.position.id,
        name: input.name,
        email: input.email.trim().toLowerCase(),
        locale: input.locale,
        externalUrl: input.externalUrl,
        createdById: loaded.principal.userId,
      });
      const [summary] = await summariesOf(loaded, [candidate]);
      return c.json(candidateSummarySchema.parse(summary), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/candidates/{candidateId}',
      tags: ['Recruitment'],
      summary:
        'One candidate: self-assessment, the caller’s score, the others’ once allowed, spread and consolidation',
      ...authenticated,
      request: { params: candidateParams },
      responses: { 200: json(candidateDetailSchema, 'The candidate.'), ...pick(400, 401, 404) },
    }),
    async (c) => reply(c, candidateDetailSchema, await detail(c, c.req.valid('param').candidateId)),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/candidates/{candidateId}',
      tags: ['Recruitment'],
      summary:
        'Erase a candidate and everything about them, on their request (HR); the erasure is logged without content',
      ...authenticated,
      request: { params: candidateParams },
      responses: { 204: { description: 'Erased.' }, ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const loaded = await loadCandidate(c, c.req.valid('param').candidateId);
      if (!loaded.access.canErase) throw forbidden();
      await loaded.tenant.recruitment.eraseCandidate(loaded.candidate.id, {
        actorKind: 'user',
        actorId: loaded.principal.userId,
        action: 'candidate.erased',
        subjectType: 'candidate',
        subjectId: loaded.candidate.id,
        subjectPersonId: null,
        purpose: 'data_rights',
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/candidates/{candidateId}/link',
      tags: ['Recruitment'],
      summary: 'Make a personal self-assessment link (replacing any unused one), e-mail it, and show it once',
      ...authenticated,
      request: { params: candidateParams, body: jsonBody(linkInputSchema) },
      responses: {
        201: json(linkCreatedSchema, 'The link, shown once.'),
        ...pick(400, 401, 403, 404, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadCandidate(c, c.req.valid('param').candidateId);
      requireManage(loaded);
      if (!sendsLinks(loaded.status)) throw stageError(loaded.status, loaded.locale);
      const [submitted] = await loaded.tenant.recruitment.selfAssessmentsOf([loaded.candidate.id]);
      if (submitted) throw new ApiError(422, 'self_assessment_submitted');
      const input = c.req.valid('json');
      const token = newToken();
      const url = `${expectedOrigin(c, transport)}/ansoeger#${token}`;
      const expiresAt = new Date(now().getTime() + input.expiresInDays * day);
      const [municipality, sender] = await Promise.all([
        loaded.tenant.people.municipality(),
        loaded.tenant.people.findUser(loaded.principal.userId),
      ]);
      const email = input.send
        ? {
            toEmail: loaded.candidate.email,
            ...candidateLinkEmail({
              locale: loaded.candidate.locale === 'en' ? 'en' : 'da',
              candidateName: loaded.candidate.name,
              positionTitle: loaded.position.title,
              municipalityName: municipality.name,
              senderName: sender?.name ?? municipality.name,
              url,
              expiresAt,
              timeZone: municipality.timeZone,
            }),
          }
        : null;
      await loaded.tenant.recruitment.createLink({
        candidateId: loaded.candidate.id,
        tokenHash: candidateTokenHash(token),
        expiresAt,
        createdById: loaded.principal.userId,
        email,
      });
      await loaded.tenant.audit.record({
        actorKind: 'user',
        actorId: loaded.principal.userId,
        action: 'candidate.link_created',
        subjectType: 'candidate',
        subjectId: loaded.candidate.id,
        subjectPersonId: null,
        purpose: 'recruitment',
        details: { expiresInDays: input.expiresInDays, emailed: input.send },
      });
      return c.json(
        linkCreatedSchema.parse({ url, expiresAt: expiresAt.toISOString(), emailQueued: email !== null }),
        201,
      );
    },
  );

  /** The caller on the panel, while interviewing. */
  const loadForScoring = async (c: Context<AppEnv>, candidateId: string) => {
    const loaded = await loadCandidate(c, candidateId);
    if (!loaded.access.onPanel) throw forbidden();
    if (!acceptsScores(loaded.status)) throw stageError(loaded.status, loaded.locale);
    return loaded;
  };

  app.openapi(
    createRoute({
      method: 'put',
      path: '/candidates/{candidateId}/score',
      tags: ['Recruitment'],
      summary:
        "Save the caller's own draft score (panel members, while interviewing); nobody else sees a draft",
      ...authenticated,
      request: { params: candidateParams, body: jsonBody(scoreDraftInputSchema) },
      responses: {
        200: json(candidateDetailSchema.shape.myScore.unwrap(), 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadForScoring(c, c.req.valid('param').candidateId);
      const input = c.req.valid('json');
      const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
      const focus = new Set(loaded.position.focusCompetenceIds);
      const top = framework.scale.levels.length;
      const fields: Record<string, string> = {};
      for (const [competenceId, rating] of Object.entries(input.ratings)) {
        if (!focus.has(competenceId))
          fields[`ratings.${competenceId}`] = fieldMessage(loaded.locale, 'not_in_focus');
        else if (rating.level !== null && rating.level > top)
          fields[`ratings.${competenceId}.level`] = fieldMessage(loaded.locale, 'level_off_scale');
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'incomplete_score', { fields });
      const result = await loaded.tenant.recruitment.saveScoreDraft({
        candidateId: loaded.candidate.id,
        panelMemberId: loaded.principal.userId,
        expectedVersion: input.version,
        ratings: input.ratings,
        now: now(),
      });
      if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
      if (result.outcome === 'refused') throw new ApiError(422, 'score_submitted');
      return c.json(
        {
          state: 'draft' as const,
          version: result.row.version,
          ratings: result.row.ratings,
          submittedAt: null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/candidates/{candidateId}/score/submit',
      tags: ['Recruitment'],
      summary:
        "Submit the caller's score: final, and from then on the caller sees the others' submitted scores",
      ...authenticated,
      request: { params: candidateParams, body: jsonBody(versionInputSchema) },
      responses: {
        200: json(candidateDetailSchema, 'Submitted.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadForScoring(c, c.req.valid('param').candidateId);
      const { version } = c.req.valid('json');
      const [draft] = (await loaded.tenant.recruitment.scoresOf([loaded.candidate.id])).filter(
        (score) => score.panelMemberId === loaded.principal.userId,
      );
      if (draft?.status === 'submitted') throw new ApiError(422, 'score_submitted');
      const fields: Record<string, string> = {};
      for (const competenceId of loaded.position.focusCompetenceIds) {
        const rating: StoredPanelRating | undefined = draft?.ratings[competenceId];
        if (typeof rating?.level !== 'number')
          fields[`ratings.${competenceId}.level`] = fieldMessage(loaded.locale, 'level_required');
        if (!rating?.justification.trim())
          fields[`ratings.${competenceId}.justification`] = fieldMessage(
            loaded.locale,
            'justification_required',
          );
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'incomplete_score', { fields });
      const result = await loaded.tenant.recruitment.submitScore({
        candidateId: loaded.candidate.id,
        panelMemberId: loaded.principal.userId,
        expectedVersion: version,
        now: now(),
      });
      if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
      if (result.outcome === 'refused') throw new ApiError(422, 'score_submitted');
      return reply(c, candidateDetailSchema, await detail(c, loaded.candidate.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/candidates/{candidateId}/consolidation',
      tags: ['Recruitment'],
      summary:
        'Agree the consolidated score per focus competence, with notes (once the whole panel has submitted)',
      ...authenticated,
      request: { params: candidateParams, body: jsonBody(consolidationInputSchema) },
      responses: {
        200: json(candidateDetailSchema, 'Saved.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadCandidate(c, c.req.valid('param').candidateId);
      if (!loaded.access.onPanel && !loaded.access.canManage) throw forbidden();
      if (!acceptsScores(loaded.status)) throw stageError(loaded.status, loaded.locale);
      const input = c.req.valid('json');
      const panelIds = loaded.position.panel.map((member) => member.id);
      const submitted = (await loaded.tenant.recruitment.scoresOf([loaded.candidate.id])).filter(
        (score) => score.status === 'submitted' && panelIds.includes(score.panelMemberId),
      );
      const visibility = scoreVisibility({
        viewerId: loaded.principal.userId,
        panelIds,
        submittedIds: new Set(submitted.map((score) => score.panelMemberId)),
      });
      if (!visibility.allSubmitted) throw new ApiError(422, 'panel_not_done');
      const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
      const focus = loaded.position.focusCompetenceIds;
      const fields: Record<string, string> = {};
      for (const competenceId of Object.keys(input.scores)) {
        if (!focus.includes(competenceId))
          fields[`scores.${competenceId}`] = fieldMessage(loaded.locale, 'not_in_focus');
      }
      const problems = consolidationProblems(
        competenceSpreads(focus, submitted.map(levelsOnly)),
        input.scores,
        framework.scale.levels.length,
      );
      for (const [competenceId, problem] of Object.entries(problems)) {
        fields[`scores.${competenceId}`] = fieldMessage(loaded.locale, problem);
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_consolidation', { fields });
      const result = await loaded.tenant.recruitment.saveConsolidation({
        candidateId: loaded.candidate.id,
        expectedVersion: input.version,
        scores: Object.fromEntries(
          focus.map((competenceId) => [competenceId, input.scores[competenceId]!] as const),
        ),
        updatedById: loaded.principal.userId,
        now: now(),
      });
      if (result.outcome !== 'saved') throw new ApiError(409, 'conflict');
      return reply(c, candidateDetailSchema, await detail(c, loaded.candidate.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/candidates/{candidateId}/hire',
      tags: ['Recruitment'],
      summary:
        'Hire the chosen candidate: record who confirmed their consent, create the user, and optionally seed their profile',
      ...authenticated,
      request: { params: candidateParams, body: jsonBody(hireInputSchema) },
      responses: { 201: json(hireResultSchema, 'Hired.'), ...pick(400, 401, 403, 404, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadCandidate(c, c.req.valid('param').candidateId);
      requireManage(loaded);
      const { candidate, position, tenant, locale, principal } = loaded;
      if (candidate.hiredUserId) throw new ApiError(422, 'already_hired');
      if (loaded.status !== 'decided' || position.chosenCandidateId !== candidate.id)
        throw new ApiError(422, 'candidate_not_chosen');
      const input = c.req.valid('json');
      const fields: Record<string, string> = {};
      if (
        !loaded.units.some((unit) => unit.id === input.unitId) ||
        !canCreatePositionIn(principal, input.unitId, loaded.units)
      ) {
        fields.unitId = fieldMessage(locale, 'unit_not_allowed');
      }
      // Logins are unique across the installation, not only the municipality.
      if (await repositories.system.findLoginByEmail(input.email)) {
        fields.email = fieldMessage(locale, 'email_taken');
      }
      if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_hire', { fields });
      const [consolidation] = await tenant.recruitment.consolidationsOf([candidate.id]);
      const roleProfile = (await tenant.frameworks.listRoleProfiles()).find(
        (profile) => profile.id === position.roleProfileId,
      );
      const at = now();
      const levels = Object.fromEntries(
        Object.entries(consolidation?.scores ?? {}).map(([id, score]) => [id, score.level]),
      );
      const seeded = input.seedProfile && Object.keys(levels).length > 0;
      let result: Awaited<ReturnType<typeof tenant.recruitment.hire>>;
      try {
        result = await tenant.recruitment.hire({
          candidateId: candidate.id,
          user: {
            name: candidate.name,
            email: input.email,
            title: input.title,
            unitId: input.unitId,
            roles: ['employee'],
            locale: candidate.locale,
            roleProfileKey: roleProfile?.key ?? null,
            passwordHash: null,
          },
          consentConfirmedById: principal.userId,
          now: at,
          baseline: seeded
            ? {
                positionTitle: position.title,
                frameworkVersionId: position.frameworkVersionId,
                targets: Object.fromEntries(
                  Object.keys(levels).map((id) => [id, position.targets[id] ?? 0] as const),
                ),
                levels,
                interviewedAt: consolidation!.updatedAt,
                createdById: principal.userId,
              }
            : null,
          event: {
            actorKind: 'user',
            actorId: principal.userId,
            action: 'candidate.hired',
            subjectType: 'candidate',
            subjectId: candidate.id,
            purpose: 'recruitment',
            details: { profileSeeded: seeded },
          },
        });
      } catch (error) {
        // Another user took the e-mail address between the check and the insert.
        const failure = error as { code?: string; cause?: { code?: string } };
        if (failure.code === '23505' || failure.cause?.code === '23505')
          throw new ApiError(422, 'invalid_hire', { fields: { email: fieldMessage(locale, 'email_taken') } });
        throw error;
      }
      if (result.outcome !== 'saved') throw new ApiError(422, 'already_hired');
      const unit = loaded.units.find((entry) => entry.id === input.unitId)!;
      return c.json(
        hireResultSchema.parse({
          user: { id: result.row.id, name: result.row.name },
          unit: { id: unit.id, name: unit.name },
          profileSeeded: seeded,
        }),
        201,
      );
    },
  );

  return app;
}

/** A submitted score as the spread reads it: levels only, the reasons stay with their author's row. */
function levelsOnly(score: { ratings: Record<string, StoredPanelRating> }) {
  return {
    ratings: Object.fromEntries(
      Object.entries(score.ratings).flatMap(([id, rating]) =>
        typeof rating.level === 'number' ? [[id, { level: rating.level }] as const] : [],
      ),
    ),
  };
}
