/**
 * @module The team overview: one unit's people × competences (leaders of the unit), the figures across units
 * (leaders of several units, administrators), and the matrix as XLSX or CSV, every export in the audit log.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { hasRole, isLeader, type Principal, subtreeUnitIds, unitsLedBy } from '../../domain/access.ts';
import { competencesOf } from '../../domain/framework.ts';
import { dateInTimeZone } from '../../domain/rounds.ts';
import { type GroupAggregate, groupAggregate, type MemberRatings, teamMatrix } from '../../domain/team.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  exportQuerySchema,
  type TeamOverview,
  teamOverviewQuerySchema,
  teamOverviewSchema,
  unitAggregatesQuerySchema,
  unitAggregatesSchema,
} from '../contracts/team.ts';
import type { AppEnv } from '../http/env.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, authenticatedOrToken, json, pick, reply } from '../http/openapi.ts';
import { teamMatrixCsv, teamMatrixXlsx } from '../team-export.ts';

const unitParams = z.strictObject({ unitId: idSchema });

/** The municipality's newest published framework: the overview's columns and the theme days' competences. */
export async function currentFramework(tenant: TenantRepositories) {
  const version = await tenant.frameworks.newestPublished();
  if (!version) throw new Error('the municipality has no published framework version');
  return version;
}

/**
 * A unit's people as one leader sees them: everyone active in the unit and the units below it (never the leader
 * themselves), each with their latest leader-rated round. Anyone who does not lead the unit is told it does not
 * exist, whatever their role: an administrator sees units only as aggregates.
 */
export async function teamOverviewOf(
  tenant: TenantRepositories,
  principal: Principal,
  unitId: string,
  withSelf: boolean,
): Promise<TeamOverview> {
  const units = await tenant.people.listUnits();
  const unit = units.find((candidate) => candidate.id === unitId);
  if (!unit || !unitsLedBy(principal, units).has(unit.id)) throw notFound();
  const subtree = subtreeUnitIds(units, [unit.id]);
  const [people, version, municipality, rounds] = await Promise.all([
    tenant.people.usersInUnits([...subtree]),
    currentFramework(tenant),
    tenant.people.municipality(),
    tenant.rounds.list(),
  ]);
  const members = people.filter((person) => person.active && person.id !== principal.userId);
  const latest = new Map(
    (
      await tenant.ratings.latestLeaderRated(
        members.map((person) => person.id),
        withSelf,
      )
    ).map((entry) => [entry.subjectId, entry]),
  );
  const roundById = new Map(rounds.map((round) => [round.id, round]));
  const memberRatings = members.map((person): MemberRatings => {
    const ratings = latest.get(person.id);
    const round = ratings ? roundById.get(ratings.roundId) : undefined;
    return {
      personId: person.id,
      name: person.name,
      unitId: person.unitId,
      round: round ? { id: round.id, name: round.name, deadline: round.deadline } : null,
      targets: ratings?.targets ?? {},
      leader: ratings?.leader ?? {},
      ...(withSelf && ratings?.self ? { self: ratings.self } : {}),
    };
  });
  const matrix = teamMatrix(version.document, memberRatings);
  const unitsInOrder = units.filter((candidate) => subtree.has(candidate.id));
  return {
    unit: { id: unit.id, name: unit.name },
    units: unitsInOrder.map((candidate) => ({ id: candidate.id, name: candidate.name })),
    frameworkVersionId: version.id,
    includesSelf: withSelf,
    rows: matrix.rows.map((row) => ({
      person: { id: row.personId, name: row.name },
      unitId: row.unitId,
      round: row.round,
      cells: row.cells.map((cell) => ({
        competenceId: cell.competenceId,
        ...(cell.leader !== undefined ? { leader: cell.leader } : {}),
        ...(cell.self !== undefined ? { self: cell.self } : {}),
        target: cell.target,
        gap: cell.gap,
        band: cell.band,
      })),
      belowCount: row.belowCount,
      totalGap: row.totalGap,
    })),
    summaries: matrix.summaries,
    strongest: matrix.strongest,
    weakest: matrix.weakest,
    minGroupSize: municipality.minGroupSize,
  };
}

/** ASCII for a file name: `Team Skranke` → `team-skranke`. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'enhed';

export function teamRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/team-overview',
      tags: ['Team overview'],
      summary:
        "A unit's people × competences from each person's latest leader-rated round, with the team's figures (leaders of the unit)",
      ...authenticated,
      request: { params: unitParams, query: teamOverviewQuerySchema },
      responses: { 200: json(teamOverviewSchema, 'The matrix.'), ...pick(400, 401, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { unitId } = c.req.valid('param');
      const withSelf = c.req.valid('query').self === 'true';
      const overview = await teamOverviewOf(tenant, principal, unitId, withSelf);
      // Each person's ratings were read: one entry per person, so each of them can see the look-up.
      await tenant.audit.record(
        overview.rows.map((row) => ({
          actorKind: 'user' as const,
          actorId: principal.userId,
          action: 'team_matrix.read',
          subjectType: 'team_matrix',
          subjectId: unitId,
          subjectPersonId: row.person.id,
          purpose: 'team_development' as const,
          details: { self: withSelf },
        })),
      );
      return reply(c, teamOverviewSchema, overview);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/team-overview/export',
      tags: ['Team overview'],
      summary:
        'The matrix as XLSX or CSV (semicolons, UTF-8 with BOM, decimal comma); recorded in the audit log',
      ...authenticated,
      request: { params: unitParams, query: exportQuerySchema },
      responses: {
        200: {
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
            'text/csv': { schema: z.string() },
          },
          description: 'The file.',
        },
        ...pick(400, 401, 404),
      },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const { unitId } = c.req.valid('param');
      const query = c.req.valid('query');
      const locale: Locale = query.lang ?? c.get('locale');
      const withSelf = query.self === 'true';
      const overview = await teamOverviewOf(tenant, principal, unitId, withSelf);
      const [version, municipality, me] = await Promise.all([
        tenant.frameworks.findVersion(overview.frameworkVersionId),
        tenant.people.municipality(),
        tenant.people.findUser(principal.userId),
      ]);
      const framework = version!.document;
      if (query.areaId && !framework.areas.some((area) => area.id === query.areaId)) throw notFound();
      const input = {
        overview,
        framework,
        areaId: query.areaId ?? null,
        locale,
        exportedBy: me?.name ?? '',
        exportedOn: dateInTimeZone(now(), municipality.timeZone),
      };
      const file = query.format === 'xlsx' ? await teamMatrixXlsx(input) : teamMatrixCsv(input);
      await audit(c, {
        action: 'team_matrix.exported',
        subjectType: 'unit',
        subjectId: overview.unit.id,
        subjectPersonId: null,
        purpose: 'export',
        details: {
          format: query.format,
          unitId: overview.unit.id,
          rows: overview.rows.length,
          includesSelf: withSelf,
          areaId: query.areaId ?? null,
        },
      });
      const name = `${locale === 'da' ? 'teamoverblik' : 'team-overview'}-${slug(overview.unit.name)}-${input.exportedOn}`;
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${name}.${query.format}"`);
      return c.body(new Uint8Array(file.body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/team-overview/units',
      tags: ['Team overview'],
      summary:
        "One round's figures per unit, never per person, withheld for any unit below the minimum group size (leaders of their units, administrators of all)",
      ...authenticatedOrToken(['aggregates', 'admin']),
      request: { query: unitAggregatesQuerySchema },
      responses: { 200: json(unitAggregatesSchema, 'Per unit.'), ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { principal, tenant } = auth(c);
      const isAdmin = hasRole(principal, 'admin');
      if (!isAdmin && !isLeader(principal)) throw forbidden();
      const [units, rounds, version, municipality] = await Promise.all([
        tenant.people.listUnits(),
        tenant.rounds.list(),
        currentFramework(tenant),
        tenant.people.municipality(),
      ]);
      // Administrators see every unit's figures; a leader those of the units they lead and the units below.
      const scope = isAdmin ? null : [...unitsLedBy(principal, units)];
      const rated = await tenant.ratings.roundsWithLeaderRatings(
        rounds.map((round) => round.id),
        scope,
      );
      const choices = rounds
        .filter((round) => rated.has(round.id))
        .sort((a, b) => b.deadline.localeCompare(a.deadline))
        .map((round) => ({ id: round.id, name: round.name, deadline: round.deadline }));
      const asked = c.req.valid('query').roundId;
      const round = asked ? choices.find((choice) => choice.id === asked) : choices[0];
      if (asked && !round) throw notFound();
      const competenceIds = competencesOf(version.document).map((competence) => competence.id);
      const totals = round ? await tenant.ratings.unitTotals(round.id, scope) : [];
      const byUnit = new Map<string, typeof totals>();
      for (const entry of totals) {
        byUnit.set(entry.unitId, [...(byUnit.get(entry.unitId) ?? []), entry]);
      }
      const aggregates = units
        .filter((unit) => byUnit.has(unit.id))
        .map((unit) => {
          const unitTotals = byUnit.get(unit.id)!;
          const assessed = Math.max(...unitTotals.map((entry) => entry.assessedCount));
          const aggregate: GroupAggregate = groupAggregate(
            assessed,
            unitTotals,
            competenceIds,
            municipality.minGroupSize,
          );
          return { unit: { id: unit.id, name: unit.name }, ...aggregate };
        });
      return reply(c, unitAggregatesSchema, {
        frameworkVersionId: version.id,
        rounds: choices,
        round: round ?? null,
        minGroupSize: municipality.minGroupSize,
        units: aggregates,
      });
    },
  );

  return app;
}
