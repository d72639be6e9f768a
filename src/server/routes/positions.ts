/**
 * @module Positions: created from a role profile with adjusted targets, focus competences and a panel; the status from
 * draft to closed; the interview guide (edited, printed, as PDF); the comparison of candidates and the decision.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { PositionWithPanel } from '../../db/repositories/recruitment.ts';
import type { StoredGuideQuestion } from '../../db/schema.ts';
import type { FrameworkDocument } from '../../domain/framework.ts';
import type { InterviewBank } from '../../domain/interview.ts';
import {
  guideProblems,
  inFrameworkOrder,
  interviewGuide,
  reconcileGuide,
} from '../../domain/interview-guide.ts';
import {
  acceptsDecision,
  canCreatePositionIn,
  candidateStanding,
  canMovePosition,
  focusLimits,
  isSetupEditable,
  mayCreatePositions,
  positionAccess,
} from '../../domain/recruitment.ts';
import type { Locale } from '../../domain/text.ts';
import { idSchema } from '../contracts/common.ts';
import {
  comparisonSchema,
  decisionInputSchema,
  guideInputSchema,
  guideSchema,
  panelOptionsSchema,
  positionDetailSchema,
  positionInputSchema,
  positionListSchema,
  positionStatusInputSchema,
  positionUpdateSchema,
} from '../contracts/recruitment.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, jsonBody, pick, reply } from '../http/openapi.ts';
import { fieldMessage } from '../messages.ts';
import { interviewGuidePdf } from '../pdf/interview-guide.ts';
import {
  auditCandidateReads,
  competenceOrder,
  frameworkOfPosition,
  guideCompetences,
  guideView,
  type LoadedPosition,
  loadPosition,
  positionSummary,
  requireManage,
  stageError,
  statusNames,
} from '../recruitment.ts';

const positionParams = z.strictObject({ positionId: idSchema });

const invalid = (fields: Record<string, string>) => {
  if (Object.keys(fields).length > 0) throw new ApiError(422, 'invalid_position', { fields });
};

/** Per-field problems of a position's set-up: known competences, targets on the scale, an active panel. */
function setupProblems(
  locale: Locale,
  framework: FrameworkDocument,
  input: { targets: Record<string, number>; focusCompetenceIds: string[]; panelIds: string[] },
  activeUserIds: ReadonlySet<string>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const known = new Set(competenceOrder(framework));
  const top = framework.scale.levels.length;
  input.focusCompetenceIds.forEach((competenceId, index) => {
    if (!known.has(competenceId))
      fields[`focusCompetenceIds.${index}`] = fieldMessage(locale, 'unknown_framework_competence');
  });
  if (new Set(input.focusCompetenceIds).size < focusLimits.min) {
    fields.focusCompetenceIds = fieldMessage(locale, 'focus_count', {
      minimum: focusLimits.min,
      maximum: focusLimits.max,
    });
  }
  for (const [competenceId, level] of Object.entries(input.targets)) {
    if (!known.has(competenceId))
      fields[`targets.${competenceId}`] = fieldMessage(locale, 'unknown_framework_competence');
    else if (level > top) fields[`targets.${competenceId}`] = fieldMessage(locale, 'level_off_scale');
  }
  input.panelIds.forEach((userId, index) => {
    if (!activeUserIds.has(userId)) fields[`panelIds.${index}`] = fieldMessage(locale, 'person_not_active');
  });
  return fields;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

async function activeUserIds(c: Context<AppEnv>): Promise<Set<string>> {
  const { tenant } = auth(c);
  const users = await tenant.people.listUsers();
  return new Set(users.filter((user) => user.active).map((user) => user.id));
}

/** The guide's problems as translated messages by field path. */
function guideFieldErrors(locale: Locale, problems: Record<string, string>): Record<string, string> {
  const kinds: Record<string, string> = { duplicate_item: 'duplicate_question' };
  return Object.fromEntries(
    Object.entries(problems).map(([path, kind]) => [path, fieldMessage(locale, kinds[kind] ?? kind)]),
  );
}

/** The decision as the position shows it: the chosen candidate (unless deleted since), why, by whom and when. */
async function decisionOf(tenant: TenantRepositories, position: PositionWithPanel) {
  if (!position.decidedAt || !position.decidedById) return null;
  const [decidedBy, chosen] = await Promise.all([
    tenant.people.findUser(position.decidedById),
    position.chosenCandidateId ? tenant.recruitment.findCandidate(position.chosenCandidateId) : undefined,
  ]);
  return {
    candidate: chosen ? { id: chosen.id, name: chosen.name } : null,
    reason: position.decisionReason,
    decidedAt: position.decidedAt.toISOString(),
    decidedBy: { id: position.decidedById, name: decidedBy?.name ?? '' },
  };
}

export function positionRoutes(options: { now: () => Date; bank: InterviewBank }) {
  const { now, bank } = options;
  const app = new OpenAPIHono<AppEnv>();

  const summaryContext = async (loaded: Pick<LoadedPosition, 'tenant' | 'units'>) => {
    const [roleProfiles, counts, municipality] = await Promise.all([
      loaded.tenant.frameworks.listRoleProfiles(),
      loaded.tenant.recruitment.candidateCounts(),
      loaded.tenant.people.municipality(),
    ]);
    const unitNames = new Map(loaded.units.map((unit) => [unit.id, unit.name]));
    const profileNames = new Map(roleProfiles.map((profile) => [profile.id, profile]));
    return { unitNames, profileNames, counts, retentionMonths: municipality.candidateRetentionMonths };
  };

  async function detailOf(loaded: LoadedPosition) {
    const { tenant, position, access, locale } = loaded;
    const context = await summaryContext(loaded);
    const roleProfile = context.profileNames.get(position.roleProfileId);
    const framework = await frameworkOfPosition(tenant, position);
    return positionDetailSchema.parse({
      position: positionSummary(position, {
        access,
        unitName: context.unitNames.get(position.unitId) ?? '',
        roleProfileName: roleProfile?.name[locale] ?? '',
        candidateCount: context.counts.get(position.id) ?? 0,
        retentionMonths: context.retentionMonths,
      }),
      version: position.version,
      frameworkVersionId: position.frameworkVersionId,
      targets: position.targets,
      roleProfileTargets: roleProfile?.targets ?? {},
      focusCompetenceIds: guideCompetences(framework, position, bank, locale).map(
        (competence) => competence.id,
      ),
      guideVersion: position.guideVersion,
      decision: await decisionOf(tenant, position),
      canErase: access.canErase,
      retentionMonths: context.retentionMonths,
    });
  }
  const detail = async (c: Context<AppEnv>, positionId: string) =>
    detailOf(await loadPosition(c, positionId));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions',
      tags: ['Recruitment'],
      summary:
        'The positions the caller may see: all for HR, those of their units for a leader, their panels',
      ...authenticated,
      responses: { 200: json(positionListSchema, 'Newest first.'), ...pick(401) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const [positions, units] = await Promise.all([
        tenant.recruitment.listPositions(),
        tenant.people.listUnits(),
      ]);
      const context = await summaryContext({ tenant, units });
      const locale = c.get('locale');
      return reply(c, positionListSchema, {
        canCreate: mayCreatePositions(principal),
        positions: positions.flatMap((position) => {
          const access = positionAccess(
            principal,
            { unitId: position.unitId, panelIds: position.panel.map((member) => member.id) },
            units,
          );
          if (!access) return [];
          return [
            positionSummary(position, {
              access,
              unitName: context.unitNames.get(position.unitId) ?? '',
              roleProfileName: context.profileNames.get(position.roleProfileId)?.name[locale] ?? '',
              candidateCount: context.counts.get(position.id) ?? 0,
              retentionMonths: context.retentionMonths,
            }),
          ];
        }),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recruitment/people',
      tags: ['Recruitment'],
      summary: 'Active people of the municipality who can sit on a panel (HR and leaders)',
      ...authenticated,
      responses: { 200: json(panelOptionsSchema, 'By name.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!mayCreatePositions(principal)) throw forbidden();
      const [users, units] = await Promise.all([tenant.people.listUsers(), tenant.people.listUnits()]);
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
      return reply(c, panelOptionsSchema, {
        people: users
          .filter((user) => user.active)
          .map((user) => ({
            id: user.id,
            name: user.name,
            title: user.title,
            unit: user.unitId ? { id: user.unitId, name: unitNames.get(user.unitId) ?? '' } : null,
          })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/positions',
      tags: ['Recruitment'],
      summary: 'Create a position from a role profile (HR in any unit, a leader in the units they lead)',
      ...authenticated,
      request: { body: jsonBody(positionInputSchema) },
      responses: { 201: json(positionDetailSchema, 'Created as a draft.'), ...pick(400, 401, 403, 415, 422) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      if (!mayCreatePositions(principal)) throw forbidden();
      const input = c.req.valid('json');
      const locale = c.get('locale');
      const [units, roleProfiles, active] = await Promise.all([
        tenant.people.listUnits(),
        tenant.frameworks.listRoleProfiles(),
        activeUserIds(c),
      ]);
      const fields: Record<string, string> = {};
      if (
        !units.some((unit) => unit.id === input.unitId) ||
        !canCreatePositionIn(principal, input.unitId, units)
      ) {
        fields.unitId = fieldMessage(locale, 'unit_not_allowed');
      }
      const roleProfile = roleProfiles.find((profile) => profile.id === input.roleProfileId);
      if (!roleProfile) {
        fields.roleProfileId = fieldMessage(locale, 'role_profile_missing');
        invalid(fields);
      }
      const version = await tenant.frameworks.findVersion(roleProfile!.frameworkVersionId);
      const framework = version!.document;
      invalid({ ...fields, ...setupProblems(locale, framework, input, active) });
      // Kept in the framework's order: the guide, the forms and the comparison all go area by area.
      const focusCompetenceIds = inFrameworkOrder(input.focusCompetenceIds, competenceOrder(framework));
      const created = await tenant.recruitment.createPosition({
        title: input.title,
        unitId: input.unitId,
        roleProfileId: roleProfile!.id,
        frameworkVersionId: version!.id,
        targets: { ...roleProfile!.targets, ...input.targets },
        focusCompetenceIds,
        guide: interviewGuide({ focusCompetenceIds, competenceOrder: competenceOrder(framework), bank }),
        panelIds: unique(input.panelIds),
        createdById: principal.userId,
      });
      return c.json(await detail(c, created.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}',
      tags: ['Recruitment'],
      summary: 'One position: set-up, status, panel and decision (HR, its leaders and its panel)',
      ...authenticated,
      request: { params: positionParams },
      responses: { 200: json(positionDetailSchema, 'The position.'), ...pick(400, 401, 404) },
    }),
    async (c) => reply(c, positionDetailSchema, await detail(c, c.req.valid('param').positionId)),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/positions/{positionId}',
      tags: ['Recruitment'],
      summary: 'Change the title, targets, focus competences or panel, until the interviews begin',
      ...authenticated,
      request: { params: positionParams, body: jsonBody(positionUpdateSchema) },
      responses: {
        200: json(positionDetailSchema, 'Saved; the guide follows a change of focus.'),
        ...pick(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      requireManage(loaded);
      if (!isSetupEditable(loaded.status)) throw new ApiError(422, 'position_locked');
      const input = c.req.valid('json');
      const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
      invalid(setupProblems(loaded.locale, framework, input, await activeUserIds(c)));
      const focusCompetenceIds = inFrameworkOrder(input.focusCompetenceIds, competenceOrder(framework));
      const guide = reconcileGuide({
        stored: loaded.position.guide,
        focusCompetenceIds,
        competenceOrder: competenceOrder(framework),
        bank,
      });
      const roleProfile = (await loaded.tenant.frameworks.listRoleProfiles()).find(
        (profile) => profile.id === loaded.position.roleProfileId,
      );
      const result = await loaded.tenant.recruitment.updatePosition(loaded.position.id, input.version, {
        title: input.title,
        targets: { ...(roleProfile?.targets ?? loaded.position.targets), ...input.targets },
        focusCompetenceIds,
        guide,
        guideChanged: JSON.stringify(guide) !== JSON.stringify(loaded.position.guide),
        panelIds: unique(input.panelIds),
      });
      if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
      if (result.outcome === 'refused') throw new ApiError(422, 'position_locked');
      return reply(c, positionDetailSchema, await detail(c, loaded.position.id));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/positions/{positionId}/status',
      tags: ['Recruitment'],
      summary: 'Move the position on: open it, start the interviews, or close it',
      ...authenticated,
      request: { params: positionParams, body: jsonBody(positionStatusInputSchema) },
      responses: { 200: json(positionDetailSchema, 'Moved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      requireManage(loaded);
      const { version, status } = c.req.valid('json');
      if (!canMovePosition(loaded.status, status)) {
        const names = statusNames[loaded.locale];
        throw new ApiError(422, 'position_transition', {
          values: { from: names[loaded.status], to: names[status] },
        });
      }
      const result = await loaded.tenant.recruitment.setStatus(
        loaded.position.id,
        version,
        loaded.status,
        status,
        now(),
      );
      if (result.outcome !== 'saved') throw new ApiError(409, 'conflict');
      return reply(c, positionDetailSchema, await detail(c, loaded.position.id));
    },
  );

  const guideOf = async (c: Context<AppEnv>, positionId: string) => {
    const loaded = await loadPosition(c, positionId);
    const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
    return { loaded, framework };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}/guide',
      tags: ['Recruitment'],
      summary:
        'The interview guide in the reader’s language: questions, probes and what an answer sounds like per level',
      ...authenticated,
      request: { params: positionParams },
      responses: { 200: json(guideSchema, 'The guide.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { loaded, framework } = await guideOf(c, c.req.valid('param').positionId);
      return reply(c, guideSchema, guideView(loaded, framework, bank));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}/guide/suggestion',
      tags: ['Recruitment'],
      summary: 'The guide Vejviser suggests for the focus competences now (not saved)',
      ...authenticated,
      request: { params: positionParams },
      responses: { 200: json(guideSchema, 'The suggestion.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { loaded, framework } = await guideOf(c, c.req.valid('param').positionId);
      const suggestion = interviewGuide({
        focusCompetenceIds: loaded.position.focusCompetenceIds,
        competenceOrder: competenceOrder(framework),
        bank,
      });
      return reply(c, guideSchema, guideView(loaded, framework, bank, suggestion));
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/positions/{positionId}/guide',
      tags: ['Recruitment'],
      summary:
        'Save the edited guide: order, dropped questions and own questions (until the interviews begin)',
      ...authenticated,
      request: { params: positionParams, body: jsonBody(guideInputSchema) },
      responses: { 200: json(guideSchema, 'Saved.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      requireManage(loaded);
      if (!isSetupEditable(loaded.status)) throw new ApiError(422, 'position_locked');
      const input = c.req.valid('json');
      const items: StoredGuideQuestion[] = input.items.map((item) => ({
        id: item.id,
        competenceId: item.competenceId,
        questionId: item.questionId,
        text: item.questionId === null ? item.text : null,
        probes: item.questionId === null ? item.probes : [],
      }));
      const problems = guideProblems(items, loaded.position.focusCompetenceIds, bank);
      invalid(guideFieldErrors(loaded.locale, problems));
      const result = await loaded.tenant.recruitment.setGuide(loaded.position.id, input.version, items);
      if (result.outcome === 'conflict') throw new ApiError(409, 'conflict');
      if (result.outcome === 'refused') throw new ApiError(422, 'position_locked');
      const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
      return reply(
        c,
        guideSchema,
        guideView({ ...loaded, position: { ...loaded.position, ...result.row } }, framework, bank),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}/guide.pdf',
      tags: ['Recruitment'],
      summary: 'The interview guide as PDF, with room for notes, in Danish or English',
      ...authenticated,
      request: { params: positionParams, query: z.strictObject({ lang: z.enum(['da', 'en']).optional() }) },
      responses: {
        200: { content: { 'application/pdf': { schema: z.string() } }, description: 'The PDF.' },
        ...pick(400, 401, 404),
      },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      const locale = c.req.valid('query').lang ?? loaded.locale;
      const framework = await frameworkOfPosition(loaded.tenant, loaded.position);
      const view = guideView({ ...loaded, locale }, framework, bank);
      const municipality = await loaded.tenant.people.municipality();
      const unit = loaded.units.find((entry) => entry.id === loaded.position.unitId);
      const pdf = await interviewGuidePdf({
        locale,
        municipalityName: municipality.name,
        positionTitle: view.title,
        unitName: unit?.name ?? '',
        scaleMax: framework.scale.levels.length,
        competences: view.competences,
        items: view.items,
      });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="samtaleguide-${loaded.position.id}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    },
  );

  async function comparisonOf(loaded: LoadedPosition) {
    const { tenant, position, locale } = loaded;
    const framework = await frameworkOfPosition(tenant, position);
    const competences = guideCompetences(framework, position, bank, locale);
    const focus = competences.map((competence) => competence.id);
    const candidates = await tenant.recruitment.candidatesOf(position.id);
    const consolidations = await tenant.recruitment.consolidationsOf(
      candidates.map((candidate) => candidate.id),
    );
    const levelsOf = (candidateId: string) => {
      const row = consolidations.find((entry) => entry.candidateId === candidateId);
      return Object.fromEntries(Object.entries(row?.scores ?? {}).map(([id, score]) => [id, score.level]));
    };
    const hired = candidates.some((candidate) => candidate.hiredUserId !== null);
    return {
      position: { id: position.id, title: position.title, status: loaded.status, version: position.version },
      scaleMax: framework.scale.levels.length,
      competences: competences.map((competence) => ({
        id: competence.id,
        name: competence.name,
        target: competence.target,
      })),
      candidates: candidates.map((candidate) => {
        const levels = levelsOf(candidate.id);
        const standing = candidateStanding(focus, position.targets, levels);
        return {
          id: candidate.id,
          name: candidate.name,
          levels: Object.fromEntries(focus.map((id) => [id, levels[id] ?? null])),
          gaps: standing.gaps,
          belowTarget: standing.belowTarget,
          shortfall: standing.shortfall,
          total: standing.total,
          complete: standing.complete,
          chosen: candidate.id === position.chosenCandidateId,
        };
      }),
      decision: await decisionOf(tenant, position),
      canDecide: loaded.access.canManage && acceptsDecision(loaded.status) && !hired,
    };
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/positions/{positionId}/comparison',
      tags: ['Recruitment'],
      summary: 'The candidates side by side: consolidated scores against the targets, and the gaps',
      ...authenticated,
      request: { params: positionParams },
      responses: { 200: json(comparisonSchema, 'In the order added.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      const view = await comparisonOf(loaded);
      await auditCandidateReads(
        c,
        view.candidates.map((candidate) => candidate.id),
        'comparison',
      );
      return reply(c, comparisonSchema, view);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/positions/{positionId}/decision',
      tags: ['Recruitment'],
      summary:
        'Record the decision: the chosen candidate and why (after the interviews, until someone is hired)',
      ...authenticated,
      request: { params: positionParams, body: jsonBody(decisionInputSchema) },
      responses: { 200: json(comparisonSchema, 'Decided.'), ...pick(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const loaded = await loadPosition(c, c.req.valid('param').positionId);
      requireManage(loaded);
      if (!acceptsDecision(loaded.status)) throw stageError(loaded.status, loaded.locale);
      const input = c.req.valid('json');
      const before = await comparisonOf(loaded);
      if (!before.canDecide) throw new ApiError(422, 'already_hired');
      const candidate = before.candidates.find((entry) => entry.id === input.candidateId);
      if (!candidate) invalid({ candidateId: fieldMessage(loaded.locale, 'candidate_unknown') });
      if (!candidate!.complete)
        invalid({ candidateId: fieldMessage(loaded.locale, 'candidate_not_consolidated') });
      const result = await loaded.tenant.recruitment.decide({
        positionId: loaded.position.id,
        expectedVersion: input.version,
        candidateId: input.candidateId,
        reason: input.reason,
        decidedById: loaded.principal.userId,
        now: now(),
      });
      if (result.outcome !== 'saved') throw new ApiError(409, 'conflict');
      await loaded.tenant.audit.record({
        actorKind: 'user',
        actorId: loaded.principal.userId,
        action: 'candidate.chosen',
        subjectType: 'candidate',
        subjectId: input.candidateId,
        subjectPersonId: null,
        purpose: 'recruitment',
      });
      const after = await loadPosition(c, loaded.position.id);
      return reply(c, comparisonSchema, await comparisonOf(after));
    },
  );

  return app;
}
