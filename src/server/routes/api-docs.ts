/** @module `/api/docs`: the API reference page, its stylesheet and its two fonts, all served by Vejviser itself. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { localeSchema } from '../../domain/text.ts';
import { type OpenApiDocument, renderApiReference } from '../api-docs/render.ts';
import type { AppEnv } from '../http/env.ts';
import { pick } from '../http/openapi.ts';

const stylesheet = readFileSync(new URL('../api-docs/docs.css', import.meta.url), 'utf8');
const require = createRequire(import.meta.url);
const fontFile = (weight: 400 | 600) =>
  require.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.woff2`);
const fonts = { 'plex-400.woff2': fontFile(400), 'plex-600.woff2': fontFile(600) } as const;

/** `document` is asked for on the first visit, when every route (this one too) is registered. */
export function apiDocsRoutes(document: () => OpenApiDocument) {
  const app = new OpenAPIHono<AppEnv>();
  const pages = new Map<string, string>();
  const fontBytes = new Map<string, Buffer>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs',
      tags: ['System'],
      summary: 'This API reference as a web page (Danish or English: `?lang=` or Accept-Language)',
      request: { query: z.strictObject({ lang: localeSchema.optional() }) },
      responses: {
        200: { description: 'The page.', content: { 'text/html': { schema: z.string() } } },
        ...pick(400),
      },
    }),
    (c) => {
      const locale = c.req.valid('query').lang ?? c.get('locale');
      let page = pages.get(locale);
      if (!page) {
        page = renderApiReference(document(), locale);
        pages.set(locale, page);
      }
      return c.html(page);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs/docs.css',
      tags: ['System'],
      summary: 'The API reference page’s stylesheet',
      responses: { 200: { description: 'CSS.', content: { 'text/css': { schema: z.string() } } } },
    }),
    (c) => c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/docs/fonts/{font}',
      tags: ['System'],
      summary: 'The API reference page’s fonts (IBM Plex Sans)',
      request: { params: z.strictObject({ font: z.enum(['plex-400.woff2', 'plex-600.woff2']) }) },
      responses: {
        200: { description: 'WOFF2.', content: { 'font/woff2': { schema: z.string() } } },
        ...pick(400),
      },
    }),
    (c) => {
      const { font } = c.req.valid('param');
      let bytes = fontBytes.get(font);
      if (!bytes) {
        bytes = readFileSync(fonts[font]);
        fontBytes.set(font, bytes);
      }
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'font/woff2' });
    },
  );

  return app;
}
