/** @module The environment, checked once at start-up: a wrong value stops the server and names the variable. */
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** 127.0.0.1 keeps the demo off the network; set 0.0.0.0 behind a reverse proxy or in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address users reach Vejviser at; `https://…` makes cookies Secure and turns on HSTS. */
  PUBLIC_URL: z.url().optional(),
  /** Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy in front of Vejviser. */
  TRUST_PROXY: flag.default(false),
  /** Seed the demo municipality on the first start of the embedded database. */
  DEMO: flag.default(true),
  /** `smtp://user:password@host:587` or `smtps://…`: send e-mails; without it they stay in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Vejviser <no-reply@vejviser.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Single sign-on for a one-municipality installation, instead of the admin page: the municipality's slug, and its
   * provider. Set, they win over what an administrator saved, and `/login` offers that municipality's login.
   */
  SSO_MUNICIPALITY: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a municipality slug, e.g. toender-kommune')
    .optional(),
  SSO_ISSUER: z.url().optional(),
  SSO_CLIENT_ID: z.string().min(1).optional(),
  SSO_CLIENT_SECRET: z.string().min(1).optional(),
  SSO_MATCH_BY: z.enum(['email', 'external_id']).default('email'),
  SSO_CLAIM: z.string().min(1).default('email'),
  SSO_CREATE_USERS: flag.default(false),
  /** The unit new people are created in: its external id or its name. */
  SSO_DEFAULT_UNIT: z.string().min(1).optional(),
  SSO_PASSWORD_LOGIN: flag.default(true),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema
    .superRefine((config, context) => {
      const missing = (['SSO_ISSUER', 'SSO_CLIENT_ID', 'SSO_CLIENT_SECRET'] as const).filter(
        (key) => !config[key],
      );
      if (config.SSO_MUNICIPALITY && missing.length > 0) {
        for (const key of missing)
          context.addIssue({ code: 'custom', path: [key], message: 'is needed with SSO_MUNICIPALITY' });
      }
    })
    .safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
