/**
 * @module OpenID Connect with openid-client: discovery from the issuer (cached), the authorization code flow with
 * PKCE, `state` and `nonce`, and the ID token's checks (signature, issuer, audience, expiry, nonce) on the way back.
 */
import * as client from 'openid-client';
import { isLoopback, type SsoLoginError } from '../../domain/sso.ts';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The checks a login carries from its start to its callback (kept in the database between them). */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A login that cannot go on, with the reason the login page explains; `detail` is for the log only. */
export class OidcError extends Error {
  constructor(
    readonly code: SsoLoginError,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface OidcClient {
  /** Where to send the browser, and the checks to keep until it comes back. */
  begin(settings: OidcClientSettings, redirectUri: string): Promise<{ url: string; checks: OidcChecks }>;
  /** The ID token's claims (with the user info endpoint's, for claims the token leaves out), once all checks pass. */
  finish(
    settings: OidcClientSettings,
    callbackUrl: URL,
    checks: OidcChecks,
  ): Promise<Record<string, unknown>>;
  /** Reads the provider's discovery document: for the administrator's "does it work" when saving settings. */
  discover(settings: OidcClientSettings): Promise<void>;
}

const metadataLifetimeMs = 10 * 60_000;
const requestTimeoutSeconds = 10;

/** `now` is the app's clock: ID token times are judged by it, so tests can let a token expire. */
export function createOidcClient(options: { now: () => Date }): OidcClient {
  // A cache, not state: any instance can rebuild it, so several instances need nothing shared here.
  const discovered = new Map<
    string,
    { metadata: client.ServerMetadata; jwks?: client.ExportedJWKSCache; at: number }
  >();

  const insecure = (issuer: string) =>
    new URL(issuer).protocol === 'http:' && isLoopback(new URL(issuer).hostname);

  async function metadataOf(settings: OidcClientSettings): Promise<client.ServerMetadata> {
    const cached = discovered.get(settings.issuer);
    if (cached && Date.now() - cached.at < metadataLifetimeMs) return cached.metadata;
    try {
      const configuration = await client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        {
          timeout: requestTimeoutSeconds,
          execute: insecure(settings.issuer) ? [client.allowInsecureRequests] : [],
        },
      );
      const metadata = configuration.serverMetadata();
      discovered.set(settings.issuer, { metadata, at: Date.now() });
      return metadata;
    } catch (error) {
      throw new OidcError('sso_unavailable', `discovery of ${settings.issuer} failed: ${describe(error)}`);
    }
  }

  async function configurationOf(settings: OidcClientSettings): Promise<client.Configuration> {
    const metadata = await metadataOf(settings);
    const methods = metadata.token_endpoint_auth_methods_supported;
    // client_secret_basic is the standard's default; some providers only take the secret in the body.
    const authentication =
      !methods || methods.includes('client_secret_basic')
        ? client.ClientSecretBasic(settings.clientSecret)
        : client.ClientSecretPost(settings.clientSecret);
    const configuration = new client.Configuration(
      metadata,
      settings.clientId,
      { [client.clockSkew]: Math.round((options.now().getTime() - Date.now()) / 1000) },
      authentication,
    );
    configuration.timeout = requestTimeoutSeconds;
    if (insecure(settings.issuer)) client.allowInsecureRequests(configuration);
    const jwks = discovered.get(settings.issuer)?.jwks;
    if (jwks) client.setJwksCache(configuration, jwks);
    return configuration;
  }

  return {
    async begin(settings, redirectUri) {
      const configuration = await configurationOf(settings);
      const checks: OidcChecks = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid email profile',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, checks };
    },

    async finish(settings, callbackUrl, checks) {
      const configuration = await configurationOf(settings);
      try {
        const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const cached = discovered.get(settings.issuer);
        const jwks = client.getJwksCache(configuration);
        if (cached && jwks) cached.jwks = jwks;
        const claims: Record<string, unknown> = { ...tokens.claims() };
        // Some providers put e-mail and name only in the user info; the ID token's own claims win.
        if (
          tokens.access_token &&
          !('email' in claims && 'name' in claims) &&
          metadataHasUserInfo(configuration)
        ) {
          const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
          return { ...info, ...claims };
        }
        return claims;
      } catch (error) {
        throw new OidcError(classify(error), describe(error));
      }
    },

    async discover(settings) {
      discovered.delete(settings.issuer);
      await metadataOf(settings);
    },
  };
}

const metadataHasUserInfo = (configuration: client.Configuration) =>
  typeof configuration.serverMetadata().userinfo_endpoint === 'string';

function classify(error: unknown): SsoLoginError {
  if (error instanceof client.AuthorizationResponseError) return 'sso_denied';
  if (error instanceof client.ResponseBodyError) return 'sso_unavailable';
  if (error instanceof TypeError) return 'sso_unavailable';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'sso_unavailable';
  const code = (error as { code?: string }).code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON')
    return 'sso_unavailable';
  return 'sso_token_invalid';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}${code ? ` ${code}` : ''}: ${error.message}${cause}`;
}
