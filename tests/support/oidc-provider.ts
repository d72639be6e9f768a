/**
 * @module A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 and a random port, for the single sign-on
 * tests: signing keys made here, one confidential client for Vejviser, people who log in by typing their e-mail on
 * its login page, and a switch that makes its next ID token name another audience.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestProviderOptions {
  /** Vejviser's callback URLs this client may be sent back to. */
  redirectUris: string[];
  /** Extra claims per e-mail, e.g. an employee id; every e-mail may log in. */
  claims?: Record<string, Record<string, unknown>>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The next token response's ID token names this audience instead of the client (re-signed with the real key). */
  nextAudience(audience: string): void;
  close(): Promise<void>;
}

/** oidc-provider's in-memory adapter, written out so the package does not warn that its own is for quick starts. */
class MemoryAdapter {
  static store = new Map<string, { payload: Record<string, unknown>; expiresAt?: number }>();
  constructor(private readonly model: string) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
    MemoryAdapter.store.set(this.key(id), {
      payload,
      expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
    });
    if (typeof payload.grantId === 'string') {
      const grant = `grant:${payload.grantId}`;
      const ids = (MemoryAdapter.store.get(grant)?.payload.ids as string[] | undefined) ?? [];
      MemoryAdapter.store.set(grant, { payload: { ids: [...ids, this.key(id)] } });
    }
    if (typeof payload.userCode === 'string')
      MemoryAdapter.store.set(`user_code:${payload.userCode}`, { payload: { id } });
    if (typeof payload.uid === 'string')
      MemoryAdapter.store.set(`uid:${this.model}:${payload.uid}`, { payload: { id } });
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (!entry || (entry.expiresAt && entry.expiresAt < Date.now())) return undefined;
    return entry.payload;
  }
  async findByUid(uid: string) {
    const id = MemoryAdapter.store.get(`uid:${this.model}:${uid}`)?.payload.id as string | undefined;
    return id ? this.find(id) : undefined;
  }
  async findByUserCode(userCode: string) {
    const id = MemoryAdapter.store.get(`user_code:${userCode}`)?.payload.id as string | undefined;
    return id ? this.find(id) : undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    const ids = (MemoryAdapter.store.get(`grant:${grantId}`)?.payload.ids as string[] | undefined) ?? [];
    for (const key of ids) MemoryAdapter.store.delete(key);
    MemoryAdapter.store.delete(`grant:${grantId}`);
  }
}

/** oidc-provider 9 asks for Node 22 in a warning, and works on our Node 20.20 (the brief's runtime): say it once here. */
async function importProvider() {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
  };
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = warn;
  }
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!,
  );

const loginPage = (uid: string, client: string) => `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Testudbyder – log ind</title></head>
<body><main><h1>Testudbyderens login</h1><p>${escapeHtml(client)} vil vide, hvem du er.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">E-mail hos udbyderen</label> <input id="login" name="login" type="email" autocomplete="username">
<button type="submit">Log ind hos udbyderen</button></form></main></body></html>`;

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function resign(jwt: string, key: KeyObject, change: Record<string, unknown>): string {
  const [header, payload] = jwt.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), ...change };
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const Provider = await importProvider();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'vejviser';
  const clientSecret = 'testudbyderens-hemmelighed-til-vejviser';
  let audienceOverride: string | undefined;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    adapter: MemoryAdapter as never,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    pkce: { required: () => true },
    // The people's e-mail and name travel in the ID token, as Entra ID and most providers do.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'employee_id'] },
    findAccount: async (_context: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        email: sub,
        email_verified: true,
        name: sub
          .split('@')[0]!
          .split('.')
          .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
          .join(' '),
        ...options.claims?.[sub],
      }),
    }),
    interactions: {
      url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: { devInteractions: { enabled: false } },
    renderError: async (context: { type: string; body: string }, out: Record<string, string>) => {
      context.type = 'html';
      context.body = `<!doctype html><html lang="en"><title>Error</title><pre>${escapeHtml(JSON.stringify(out))}</pre></html>`;
    },
  } as never);
  provider.on('server_error', () => {});
  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(loginPage(details.uid, String(details.params.client_id)));
      return;
    }
    const accountId = (await formBody(request)).get('login')?.trim().toLowerCase() ?? '';
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/interaction/')) {
      interaction(request, response).catch(() => {
        response.statusCode = 400;
        response.end('interaction failed');
      });
      return;
    }
    if (request.url?.startsWith('/token') && audienceOverride) {
      const audience = audienceOverride;
      audienceOverride = undefined;
      const end = response.end.bind(response) as (body?: unknown) => ServerResponse;
      (response as { end: unknown }).end = (body?: unknown) => {
        const text = body ? Buffer.from(body as Buffer).toString('utf8') : '';
        if (!text.includes('id_token')) return end(body);
        const answer = JSON.parse(text) as { id_token: string };
        answer.id_token = resign(answer.id_token, privateKey, { aud: audience });
        const changed = JSON.stringify(answer);
        response.setHeader('content-length', Buffer.byteLength(changed));
        return end(changed);
      };
    }
    callback(request, response);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    nextAudience(audience) {
      audienceOverride = audience;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
