/** @module The OpenAPI document covers every route the app registers, and the reference page at /api/docs shows it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationId } from '../../src/server/api-docs/render.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

interface Document {
  paths: Record<string, Record<string, { summary?: string; security?: Record<string, string[]>[] }>>;
  components: { securitySchemes: Record<string, Record<string, string>> };
}

describe('the OpenAPI document and the API reference', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await (await t.call('GET', '/api/openapi.json')).json()) as Document;
  });
  afterAll(() => t.close());

  /** `GET /api/users/:userId` as the document names it: `/users/{userId}` and `get`. */
  const registered = () =>
    t.app.routes
      .filter(
        (route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.includes('*'),
      )
      .map((route) => ({
        key: `${route.method} ${route.path}`,
        method: route.method.toLowerCase(),
        path: route.path.slice('/api'.length).replace(/:(\w+)/g, '{$1}'),
      }));

  it('describes every route the app registers, with a summary, so routes added later are caught', () => {
    const routes = registered();
    expect(routes.length).toBeGreaterThan(60);
    const missing = routes
      .filter((route) => !document.paths[route.path]?.[route.method])
      .map((route) => route.key);
    expect(missing, 'routes missing from /api/openapi.json').toEqual([]);
    const unsummarised = routes
      .filter((route) => !document.paths[route.path]?.[route.method]?.summary)
      .map((route) => route.key);
    expect(unsummarised).toEqual([]);
  });

  it('documents the bearer scheme for API tokens, and which scopes each open route accepts', () => {
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/users']!.get!.security).toEqual([
      { sessionCookie: [] },
      { apiToken: ['organisation', 'admin'] },
    ]);
    expect(document.paths['/me/password']!.put!.security).toEqual([{ sessionCookie: [] }]);
  });

  it('serves the reference as one HTML page with every operation, in Danish by default and in English', async () => {
    const response = await t.call('GET', '/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<html lang="da">');
    expect(page).toContain('<h1>API-reference</h1>');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const section = page.slice(page.indexOf(`id="${operationId(method, path)}"`));
        expect(section, `${method} ${path}`).toContain(`<code>/api${path}</code>`);
        expect(section.slice(0, 4000)).toContain(
          operation
            .summary!.replace(/`[^`]*`/g, '')
            .slice(0, 20)
            .replace(/'/g, '&#39;'),
        );
      }
    }
    // The login's body and answers are named, and link to their schemas, which are described field by field.
    const login = page.slice(page.indexOf(`id="${operationId('post', '/auth/login')}"`));
    expect(login.slice(0, 3000)).toContain('<a href="#schema-logininput">LoginInput</a>');
    expect(page).toContain('id="schema-logininput"');
    expect(page).toMatch(/<code>email<\/code><\/th><td>string \(email\)<\/td><td>Ja<\/td>/);

    const english = await (await t.call('GET', '/api/docs?lang=en')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>API reference</h1>');
    const viaHeader = await (
      await t.call('GET', '/api/docs', { headers: { 'accept-language': 'en' } })
    ).text();
    expect(viaHeader).toContain('<h1>API reference</h1>');
  });

  it('keeps to the strict CSP: no script, no inline style, and its own stylesheet and fonts', async () => {
    const response = await t.call('GET', '/api/docs');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const page = await response.text();
    expect(page).not.toMatch(/<script|\sstyle=|<style|\son\w+=/i);
    const css = await t.call('GET', '/api/docs/docs.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    const fontUrls = [...(await css.text()).matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(fontUrls).toHaveLength(2);
    for (const url of fontUrls) {
      const font = await t.call('GET', url);
      expect(font.status, url).toBe(200);
      expect(
        Buffer.from(await font.arrayBuffer())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('wOF2');
    }
    expect((await t.call('GET', '/api/docs/fonts/secret.txt')).status).toBe(400);
  });
});
