/**
 * @module The right of access (decision 028): a person downloads everything Vejviser holds about them as JSON or a
 * readable PDF, and an administrator does the same for anyone of the municipality when handling a formal request.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Locale } from '../../domain/text.ts';
import { audit } from '../audit.ts';
import { idSchema } from '../contracts/common.ts';
import {
  type PersonalDataDocument,
  personalDataQuerySchema,
  personalDataSchema,
} from '../contracts/personal-data.ts';
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

/** Builds the document (and for a PDF, the file), records the download (format only, never content), names the file. */
async function download(
  c: Context<AppEnv>,
  personId: string,
  format: Format,
  fileName: (format: Format, now: Date) => string,
  lang: Locale | undefined,
) {
  const { tenant } = auth(c);
  const locale: Locale = lang ?? c.get('locale');
  const now = new Date();
  const document = await personalDataDocument(tenant, personId, locale, now);
  if (!document) throw notFound();
  const checked: PersonalDataDocument = personalDataSchema.parse(document);
  const pdf = format === 'pdf' ? await personalDataPdfOf(tenant, checked, locale) : undefined;
  await audit(c, {
    action: 'personal_data.exported',
    subjectType: 'user',
    subjectId: personId,
    subjectPersonId: personId,
    purpose: 'data_rights',
    details: { format },
  });
  c.header('Content-Disposition', attachment(fileName(format, now)));
  if (pdf) c.header('Content-Type', 'application/pdf');
  return { document: checked, pdf: new Uint8Array(pdf ?? []) };
}

export function personalDataRoutes() {
  const app = new OpenAPIHono<AppEnv>();

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
      const { document } = await download(
        c,
        auth(c).principal.userId,
        'json',
        personalDataFileName,
        c.req.valid('query').lang,
      );
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
      const { pdf } = await download(
        c,
        auth(c).principal.userId,
        'pdf',
        personalDataFileName,
        c.req.valid('query').lang,
      );
      return c.body(pdf, 200);
    },
  );

  const adminFileName = (userId: string) => (format: Format, now: Date) =>
    `vejviser-persondata-${userId}-${now.toISOString().slice(0, 10)}.${format}`;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{userId}/data',
      tags: ['Admin'],
      summary:
        'Everything Vejviser holds about one person of the municipality, active or not, as JSON: for a formal request of access (administrators)',
      ...authenticated,
      request: { params: userParams, query: personalDataQuerySchema },
      responses: {
        200: json(personalDataSchema, 'The document, as an attachment.'),
        ...pick(400, 401, 403, 404),
      },
    }),
    async (c) => {
      requireAdmin(c);
      const { userId } = c.req.valid('param');
      const { document } = await download(
        c,
        userId,
        'json',
        adminFileName(userId),
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
      requireAdmin(c);
      const { userId } = c.req.valid('param');
      const { pdf } = await download(c, userId, 'pdf', adminFileName(userId), c.req.valid('query').lang);
      return c.body(pdf, 200);
    },
  );

  return app;
}
