/** @module `npm run vejviser -- <command>`: start, migrate, seed-demo, create-admin, backup, restore. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { type DatabaseHandle, openPostgres } from '../db/client.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { addShippedRoleProfiles, installDefaultContent } from '../db/seed/default-content.ts';
import { demoAccounts, demoPassword, seedDemo } from '../db/seed/demo.ts';
import { createApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import type { EnvironmentSso } from './auth/sso-settings.ts';
import { oneTimePassword } from './auth/tokens.ts';
import {
  BackupError,
  backupEmbedded,
  makeBackup,
  readBackup,
  readBackupFile,
  restoreEmbedded,
  writeBackupFile,
} from './backup.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { startControlServer } from './control.ts';
import { openEmbedded } from './embedded.ts';
import { scheduledJobs } from './jobs/index.ts';
import { LockedError } from './lock.ts';
import { createLogger } from './logger.ts';
import { createMailer, startMailLoop } from './mail.ts';
import { createScheduler } from './scheduler.ts';
import { sessionSecret } from './secret.ts';
import { ensureWebBuilt } from './web-build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const say = (line = '') => process.stdout.write(`${line}\n`);

async function seedDemoInto(handle: DatabaseHandle): Promise<boolean> {
  const repositories = createRepositories(handle.db);
  if (await repositories.system.findDemoMunicipality()) return false;
  await seedDemo(repositories, await hashPassword(demoPassword));
  return true;
}

/**
 * Embedded unless DATABASE_URL is set. Only a new embedded database gets the demo, and only when DEMO allows. Every
 * municipality gets the role profiles shipped since it was created (decision 020).
 */
async function openDatabase(config: Config, options: { seedNewEmbedded: boolean }): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.DATABASE_URL) {
    handle = await openPostgres(config.DATABASE_URL);
    await handle.migrate();
  } else {
    handle = await openEmbedded(config.DATA_DIR, async (fresh) => {
      if (options.seedNewEmbedded) await seedDemoInto(fresh);
    });
  }
  const added = await addShippedRoleProfiles(createRepositories(handle.db));
  for (const [slug, keys] of Object.entries(added)) say(`New role profiles for ${slug}: ${keys.join(', ')}.`);
  return handle;
}

function printDemoAccounts() {
  say('Demo Kommune — every account has the password "vejviser-demo":');
  for (const account of demoAccounts) say(`  ${account.email.padEnd(44)} ${account.title} (${account.name})`);
}

/** SSO_* for a one-municipality installation (config.ts has checked that the provider's three are there). */
function environmentSso(config: Config): EnvironmentSso | undefined {
  if (!config.SSO_MUNICIPALITY || !config.SSO_ISSUER || !config.SSO_CLIENT_ID || !config.SSO_CLIENT_SECRET)
    return undefined;
  return {
    municipalitySlug: config.SSO_MUNICIPALITY,
    issuer: config.SSO_ISSUER,
    clientId: config.SSO_CLIENT_ID,
    clientSecret: config.SSO_CLIENT_SECRET,
    matchBy: config.SSO_MATCH_BY,
    claim: config.SSO_CLAIM,
    createUsers: config.SSO_CREATE_USERS,
    defaultUnit: config.SSO_DEFAULT_UNIT,
    passwordLogin: config.SSO_PASSWORD_LOGIN,
  };
}

async function start(config: Config) {
  const logger = createLogger(config.LOG_LEVEL);
  await ensureWebBuilt(root, say);
  const handle = await openDatabase(config, { seedNewEmbedded: config.DEMO });
  const repositories = createRepositories(handle.db);
  const app = createApp({
    db: handle.db,
    databaseKind: handle.kind,
    repositories,
    sessionSecret: sessionSecret(config.SESSION_SECRET, config.DATA_DIR),
    logger,
    transport: { publicUrl: config.PUBLIC_URL, trustProxy: config.TRUST_PROXY },
    webRoot: `${root}dist/web`,
    sso: environmentSso(config),
  });
  const stopMail = config.SMTP_URL
    ? startMailLoop(createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, repositories, logger }))
    : () => {};
  // The embedded database's owner answers `vejviser backup` over a socket in DATA_DIR, so backups need no downtime.
  const stopControl =
    handle.kind === 'pglite'
      ? await startControlServer(resolve(config.DATA_DIR), { backup: () => makeBackup(handle) }, logger)
      : async () => {};
  // Retention and other jobs run on their own; several servers on one database run each job once between them.
  const stopScheduler = createScheduler({ db: handle.db, jobs: scheduledJobs, logger }).start();
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  say(`Vejviser is running at ${config.PUBLIC_URL ?? `http://${shownHost}:${config.PORT}`}`);
  say(
    `Database: ${handle.kind === 'pglite' ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'PostgreSQL server'}`,
  );
  if (handle.kind === 'postgresql' && !config.SESSION_SECRET) {
    say(
      `Sessions: no SESSION_SECRET, so this server keeps its own in ${config.DATA_DIR}. Set the same SESSION_SECRET on every server before running more than one.`,
    );
  }
  say(
    config.SMTP_URL
      ? 'E-mail: sent over SMTP.'
      : 'E-mail: no SMTP_URL; messages wait in the outbox (Admin → Udbakke).',
  );
  if (await repositories.system.findDemoMunicipality()) printDemoAccounts();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopMail();
    stopScheduler();
    server.close();
    await stopControl();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function migrateCommand(config: Config) {
  const handle = await openDatabase(config, { seedNewEmbedded: false });
  await handle.close();
  say('Migrations applied.');
}

async function seedDemoCommand(config: Config) {
  const handle = await openDatabase(config, { seedNewEmbedded: false });
  try {
    say(
      (await seedDemoInto(handle))
        ? 'Demo Kommune created.'
        : 'Demo Kommune exists already; nothing changed.',
    );
    printDemoAccounts();
  } finally {
    await handle.close();
  }
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

async function createAdminCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, municipality: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) || !values.municipality?.trim()) {
    throw new UsageError(
      'create-admin needs --email <address> and --municipality <name> (and optionally --name).',
    );
  }
  const handle = await openDatabase(config, { seedNewEmbedded: false });
  try {
    const repositories = createRepositories(handle.db);
    if (await repositories.system.findLoginByEmail(values.email)) {
      throw new UsageError(`A user with the e-mail ${values.email} exists already.`);
    }
    const slug = slugOf(values.municipality);
    let municipality = await repositories.system.findMunicipalityBySlug(slug);
    if (!municipality) {
      municipality = await repositories.system.createMunicipality({ name: values.municipality.trim(), slug });
      await installDefaultContent(repositories.forTenant(municipality.id));
      say(`Created the municipality "${municipality.name}" with the default competence framework.`);
    }
    const password = oneTimePassword();
    const expiresAt = new Date(Date.now() + 24 * 3_600_000);
    await repositories.forTenant(municipality.id).people.createUser({
      email: values.email,
      name: values.name?.trim() || values.email,
      title: 'Administrator',
      roles: ['employee', 'admin'],
      passwordHash: await hashPassword(password),
      passwordExpiresAt: expiresAt,
    });
    say(`Administrator ${values.email} created in ${municipality.name}.`);
    say(`One-time password (works until ${expiresAt.toISOString()}; change it after the first login):`);
    say(`  ${password}`);
  } finally {
    await handle.close();
  }
}

const postgresBackupAdvice = `Vejviser uses a PostgreSQL server here (DATABASE_URL). Back it up with PostgreSQL's own
tools, which need no downtime:
  pg_dump --format=custom --file=vejviser-$(date +%F).dump "$DATABASE_URL"
and restore with every Vejviser server stopped:
  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" vejviser-YYYY-MM-DD.dump
See "Backups" in docs/operations.md.`;

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function backupCommand(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  if (config.DATABASE_URL) throw new UsageError(postgresBackupAdvice);
  if (!values.out) throw new UsageError('backup needs --out <file>, e.g. --out vejviser-2026-12-03.backup');
  const { file, madeBy } = await backupEmbedded(config.DATA_DIR);
  // Checked as restore will check it, so a backup that could not be restored is never reported as made.
  const { manifest } = readBackup(file, 'The backup just made');
  writeBackupFile(values.out, file);
  say(`Backup written to ${values.out} (${size(file.length)}).`);
  say(
    madeBy === 'server'
      ? 'Made by the running server, which kept serving.'
      : 'Made from the stopped database.',
  );
  say(
    `Vejviser ${manifest.vejviserVersion}, ${manifest.migrations.applied} migrations (latest ${manifest.migrations.latest}), ${manifest.createdAt}.`,
  );
  say('It holds personal data: keep it as safely as the server itself.');
}

async function restoreCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (config.DATABASE_URL) throw new UsageError(postgresBackupAdvice);
  if (!values.from) throw new UsageError('restore needs --from <file> (and --force to replace a database).');
  const report = await restoreEmbedded(config.DATA_DIR, readBackupFile(values.from), {
    force: values.force,
    name: values.from,
  });
  say(`Restored ${values.from} into ${report.dataDir}.`);
  say(
    `The backup was made ${report.manifest.createdAt} by Vejviser ${report.manifest.vejviserVersion} (${report.manifest.migrations.applied} migrations).`,
  );
  if (report.migrationsApplied > 0) {
    say(`Applied ${report.migrationsApplied} newer migration(s) of this Vejviser to it.`);
  }
  if (report.replacedKeptIn) {
    say(
      `The database it replaced is kept in ${report.replacedKeptIn}; delete it once you have checked the restore.`,
    );
  }
  say('Start the server as usual.');
}

class UsageError extends Error {}

const usage = `Usage: npm run vejviser -- <command>
  start                                   serve Vejviser (what npm start does)
  migrate                                 apply database migrations
  seed-demo                               create the demo municipality "Demo Kommune"
  create-admin --email <e-mail> --municipality <name> [--name <full name>]
                                          create an administrator with a one-time password
  backup --out <file>                     back up the embedded database (also while the server runs)
  restore --from <file> [--force]         restore a backup into DATA_DIR (the server must be stopped)`;

async function main(argv: string[]) {
  const [command, ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
      return migrateCommand(config);
    case 'seed-demo':
      return seedDemoCommand(config);
    case 'create-admin':
      return createAdminCommand(config, args);
    case 'backup':
      return backupCommand(config, args);
    case 'restore':
      return restoreCommand(config, args);
    default:
      throw new UsageError(command ? `Unknown command "${command}".\n${usage}` : usage);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof LockedError ||
    error instanceof UsageError ||
    error instanceof BackupError ||
    // A wrong or missing option of a command.
    String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(known ? 2 : 1);
});
