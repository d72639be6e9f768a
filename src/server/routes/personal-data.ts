/**
 * @module The right of access (decision 028): a person downloads everything Vejviser holds about them as JSON or a
 * readable PDF, and an administrator does the same for anyone of the municipality when handling a formal request.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { dateInTimeZone } from '../../domain/rounds.ts';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import { personalDataQuerySchema, personalDataSchema } from '../contracts/personal-data.ts';
import { attachment } from '../csv.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../http/errors.ts';
import { auth } from '../http/middleware.ts';
import { authenticated, json, pick, reply } from '../http/openapi.ts';
import { personalDataDocument, personalDataFileName, personalDataPdfOf } from '../personal-data.ts';
import { requireAdmin } from './people-admin.ts';

const userParams = z.strictObject({ userId: idSchema });
const pdfResponse = {
  content: { 'application/pdf': { schema: z.string() } },
  description: 'The readable PDF, as an attachment.',
};

type Format = 'json' | 'pdf';

interface DownloadRequest {
  personId: string;
  format: Format;
  lang: Locale | undefined;
  /** The administrator's download, for a request of access: the file is named with the person's id. */
  forAdministrator: boolean;
}

/**
 * Builds the document (and for a PDF, the file), records the download (format only, never content) and names the
 * file by the day in the municipality's time zone. A person outside the municipality is 404.
 */
async function download(c: Context<AppEnv>, request: DownloadRequest) {
  const { tenant } = auth(c);
  const locale: Locale = request.lang ?? c.get('locale');
  const now = new Date();
  const document = await personalDataDocument(tenant, request.personId, locale, now);
  if (!document) throw notFound();
  const { timeZone } = await tenant.people.municipality();
  const pdf = request.format === 'pdf' ? await personalDataPdfOf(document, locale, timeZone) : null;
  await audit(c, {
    action: 'person.data_exported',
    subjectType: 'user',
    subjectId: request.personId,
    subjectPersonId: request.personId,
    purpose: 'data_rights',
    details: { format: request.format },
  });
  const name = personalDataFileName({
    format: request.format,
    day: dateInTimeZone(now, timeZone),
    ...(request.forAdministrator ? { personId: request.personId } : {}),
  });
  c.header('Content-Disposition', attachment(name));
  if (pdf) c.header('Content-Type', 'application/pdf');
  return { document, pdf: new Uint8Array(pdf ?? []) };
}

export function personalDataRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const own = (c: Context<AppEnv>, format: Format, lang: Locale | undefined) =>
    download(c, { personId: auth(c).principal.userId, format, lang, forAdministrator: false });
  const asAdministrator = (
    c: Context<AppEnv>,
    personId: string,
    format: Format,
    lang: Locale | undefined,
  ) => {
    requireAdmin(c);
    return download(c, { personId, format, lang, forAdministrator: true });
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/data',
      tags: ['Me'],
      summary: 'Download everything Vejviser holds about the caller, as JSON (recorded in the audit log)',
      ...authenticated,
      request: { query: personalDataQuerySchema },
      responses: { 200: json(personalDataSchema, 'The document, as an attachment.'), ...pick(400, 401) },
    }),
    async (c) => {
      const { document } = await own(c, 'json', c.req.valid('query').lang);
      return reply(c, personalDataSchema, document);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/data.pdf',
      tags: ['Me'],
      summary: 'The same as a readable PDF, in the caller’s language or `lang` (recorded in the audit log)',
      ...authenticated,
      request: { query: personalDataQuerySchema },
      responses: { 200: pdfResponse, ...pick(400, 401) },
    }),
    async (c) => {
      const { pdf } = await own(c, 'pdf', c.req.valid('query').lang);
      return c.body(pdf, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{userId}/data',
      tags: ['Admin'],
      summary:
        'Everything Vejviser holds about one person of the municipality, active or not, as JSON: for a formal request of access (administrators; API tokens are refused)',
      ...authenticated,
      request: { params: userParams, query: personalDataQuerySchema },
      responses: {
        200: json(personalDataSchema, 'The document, as an attachment.'),
        ...pick(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { document } = await asAdministrator(
        c,
        c.req.valid('param').userId,
        'json',
        c.req.valid('query').lang,
      );
      return reply(c, personalDataSchema, document);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{userId}/data.pdf',
      tags: ['Admin'],
      summary: 'The same as a readable PDF, to hand to the person (administrators)',
      ...authenticated,
      request: { params: userParams, query: personalDataQuerySchema },
      responses: { 200: pdfResponse, ...pick(400, 401, 403, 404) },
    }),
    async (c) => {
      const { pdf } = await asAdministrator(c, c.req.valid('param').userId, 'pdf', c.req.valid('query').lang);
      return c.body(pdf, 200);
    },
  );

  return app;
}
