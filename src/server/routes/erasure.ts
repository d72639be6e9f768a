/**
 * @module The administrator's retention and erasure page: the people who left with the dates their data goes, and
 * erasing or anonymising one of them now. Only logged-in administrators: no API token can erase (decision 029).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { erasedAtOf } from '../../db/repositories/erasure.ts';
import type { TenantRepositories } from '../../db/repositories/index.ts';
import { erasureDate, type PersonalDataType, personalDataTypes } from '../../domain/retention.ts';
import { idSchema } from '../contracts/common.ts';
import { type DepartedPerson, departedListSchema, departedPersonSchema } from '../contracts/erasure.ts';
import { erasePerson } from '../erasure.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { authenticated, json, pick, reply } from '../http/openapi.ts';
import { requireAdmin } from './people-admin.ts';

const userParams = z.strictObject({ userId: idSchema });

async function departedView(tenant: TenantRepositories): Promise<Map<string, DepartedPerson>> {
  const [people, units, municipality] = await Promise.all([
    tenant.erasure.departed(),
    tenant.people.listUnits(),
    tenant.people.municipality(),
  ]);
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const months: Record<PersonalDataType, number> = {
    conversations: municipality.conversationRetentionMonths,
    ratings: municipality.ratingRetentionMonths,
    practice: municipality.practiceRetentionMonths,
  };
  return new Map(
    people.map((person) => [
      person.id,
      {
        id: person.id,
        name: person.name,
        unit: person.unitId ? { id: person.unitId, name: unitName.get(person.unitId) ?? '' } : null,
        deactivatedAt: person.deactivatedAt!.toISOString(),
        anonymisedAt: person.anonymisedAt?.toISOString() ?? null,
        dataTypes: personalDataTypes.map((type) => ({
          type,
          erasesAt: erasureDate(person.deactivatedAt!, months[type]).toISOString(),
          erasedAt: erasedAtOf(person)[type]?.toISOString() ?? null,
        })),
      },
    ]),
  );
}

export function erasureRoutes(now: () => Date) {
  const app = new OpenAPIHono<AppEnv>();

  /** The person, if they left: 404 outside the municipality, 409 while still active, 403 for oneself. */
  async function departedPerson(c: Context<AppEnv>, userId: string) {
    const { principal, tenant } = requireAdmin(c);
    if (userId === principal.userId) throw new ApiError(403, 'erasure_of_self');
    const person = await tenant.people.findUser(userId);
    if (!person) throw notFound();
    if (person.active) throw new ApiError(409, 'person_active');
    return { principal, tenant, person };
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/departed',
      tags: ['Admin'],
      summary: 'People who left, with the date each kind of their data is or was erased (administrators)',
      ...authenticated,
      responses: { 200: json(departedListSchema, 'Oldest departure first.'), ...pick(401, 403) },
    }),
    async (c) => {
      const { tenant } = requireAdmin(c);
      return reply(c, departedListSchema, { people: [...(await departedView(tenant)).values()] });
    },
  );

  for (const [action, summary] of [
    ['erase', 'Erase every kind of a departed person’s data now and anonymise them (administrators)'],
    [
      'anonymise',
      'Anonymise a departed person now, keeping their records under a neutral label (administrators)',
    ],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/admin/departed/{userId}/${action}`,
        tags: ['Admin'],
        summary,
        ...authenticated,
        request: { params: userParams },
        responses: {
          200: json(departedPersonSchema, 'Done; the person as they are now.'),
          ...pick(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { principal, tenant, person } = await departedPerson(c, c.req.valid('param').userId);
        const at = now();
        const erased = erasedAtOf(person);
        await erasePerson(
          tenant,
          person.id,
          {
            types: action === 'erase' ? personalDataTypes.filter((type) => erased[type] === null) : [],
            anonymise: person.anonymisedAt === null,
          },
          { actorKind: 'user', actorId: principal.userId, purpose: 'data_rights' },
          at,
        );
        const view = (await departedView(tenant)).get(person.id);
        if (!view) throw notFound();
        return reply(c, departedPersonSchema, view);
      },
    );
  }

  return app;
}
