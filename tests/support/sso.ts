/**
 * @module Single sign-on in API tests: configure a municipality for the test provider, and walk a login through it
 * as a browser would (Vejviser in-process, the provider over HTTP, each with its own cookies).
 */
import { expect } from 'vitest';
import { sealSecret } from '../../src/server/auth/secret-box.ts';
import { ssoSecretPurpose } from '../../src/server/auth/sso-settings.ts';
import type { TestApp } from './app.ts';
import type { TestProvider } from './oidc-provider.ts';

/** The secret startTestApp gives the app, so a secret saved here can be opened there. */
export const testSessionSecret = 'test-secret-that-is-long-enough-for-hmac';
export const callbackUrl = 'http://localhost/api/auth/sso/callback';

export async function configureSso(
  testApp: TestApp,
  provider: TestProvider,
  settings: Partial<{
    passwordLogin: boolean;
    createUsers: boolean;
    defaultUnitId: string | null;
    matchBy: 'email' | 'external_id';
    claim: string;
    clientId: string;
  }> = {},
  slug = 'demo-kommune',
): Promise<void> {
  const municipality = (await testApp.repositories.system.findMunicipalityBySlug(slug))!;
  await testApp.repositories.forTenant(municipality.id).sso.saveConfiguration(
    {
      enabled: true,
      issuer: provider.issuer,
      clientId: settings.clientId ?? provider.clientId,
      clientSecretEncrypted: sealSecret(testSessionSecret, ssoSecretPurpose, provider.clientSecret),
      matchBy: settings.matchBy ?? 'email',
      claim: settings.claim ?? 'email',
      createUsers: settings.createUsers ?? false,
      defaultUnitId: settings.defaultUnitId ?? null,
      passwordLogin: settings.passwordLogin ?? true,
    },
    new Date(),
  );
}

export interface ProviderAnswer {
  /** The path and query Vejviser's callback is called with. */
  callbackPath: string;
  /** `vejviser_sso=…`, the cookie the start set in the browser. */
  stateCookie: string;
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ');

/** Starts a login at Vejviser and logs in at the provider as `email`; stops where the provider sends the browser back. */
export async function loginAtProvider(
  testApp: TestApp,
  email: string,
  slug = 'demo-kommune',
): Promise<ProviderAnswer> {
  const start = await testApp.call('GET', `/api/auth/sso/${slug}/start?returnTo=/samtaler`);
  expect(start.status).toBe(302);
  const stateCookie = cookieOf(start);
  expect(stateCookie).toMatch(/^vejviser_sso=/);
  let location = start.headers.get('location')!;
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...init.headers,
        cookie: [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    return response;
  };
  let response = await send(location);
  for (let hop = 0; hop < 10; hop += 1) {
    if (response.status === 200 && new URL(response.url).pathname.startsWith('/interaction/')) {
      response = await send(response.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: email }).toString(),
      });
      continue;
    }
    expect([302, 303]).toContain(response.status);
    location = new URL(response.headers.get('location')!, response.url).href;
    if (location.startsWith(callbackUrl)) {
      const url = new URL(location);
      return { callbackPath: `${url.pathname}${url.search}`, stateCookie };
    }
    response = await send(location);
  }
  throw new Error('the provider never sent the browser back');
}

/** Calls Vejviser's callback as the browser would, with the state cookie. */
export const returnToVejviser = (testApp: TestApp, answer: ProviderAnswer, cookie = answer.stateCookie) =>
  testApp.call('GET', answer.callbackPath, { headers: { cookie } });

/** Where a redirect sends the browser, and the `sso_error` it carries, if any. */
export function landing(response: Response): { path: string; error: string | null } {
  const url = new URL(response.headers.get('location')!, 'http://localhost');
  return { path: url.pathname, error: url.searchParams.get('sso_error') };
}
