/**
 * @module The running server's control socket: a Unix socket in the data directory through which the command line
 * asks the server that holds the embedded database for a backup, so the server need not stop.
 */
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import type { Logger } from './logger.ts';

/** Unix sockets cannot have longer paths (108 bytes on Linux, 104 on macOS, with the terminating zero). */
const longestSocketPath = 100;

export class ControlUnavailableError extends Error {}

/**
 * Where the server listens: in a folder only the data directory's owner may enter, so only they (and root) can
 * connect, just as only they can read the database files. Undefined where a Unix socket cannot be used.
 */
export function controlSocketPath(dataDir: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const path = join(dataDir, 'control', 'server.sock');
  return Buffer.byteLength(path) <= longestSocketPath ? path : undefined;
}

export interface ControlActions {
  /** A complete backup file of the database this server holds. */
  backup(): Promise<Buffer>;
}

/** Listens on the control socket; returns the function that stops listening and removes the socket. */
export async function startControlServer(
  dataDir: string,
  actions: ControlActions,
  logger: Logger,
): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  if (!path) {
    logger.warn(
      { dataDir },
      'no control socket (Windows, or a data directory path too long): vejviser backup needs the server stopped',
    );
    return async () => {};
  }
  const folder = join(dataDir, 'control');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  // A socket left by a server that died: this process holds the data directory's lock, so the socket is ours.
  rmSync(path, { force: true });

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Unknown request.');
      return;
    }
    const started = performance.now();
    actions.backup().then(
      (file) => {
        logger.info(
          { bytes: file.length, ms: Math.round(performance.now() - started) },
          'backup made for the command line',
        );
        res
          .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length })
          .end(file);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'backup failed');
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end((error as Error).message);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        rmSync(path, { force: true });
        resolve();
      });
    });
}

/**
 * Asks the server holding `dataDir` for a backup. Throws {@link ControlUnavailableError} when no server answers on
 * the socket (an older version, Windows, or a process that is not a server, such as `migrate`).
 */
export function requestBackup(dataDir: string): Promise<Buffer> {
  const path = controlSocketPath(dataDir);
  if (!path || !existsSync(path)) {
    return Promise.reject(new ControlUnavailableError(`no control socket at ${join(dataDir, 'control')}`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const call = request({ socketPath: path, method: 'POST', path: '/backup' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode === 200) resolve(body);
        else reject(new Error(`The running server could not make the backup: ${body.toString('utf8')}`));
      });
    });
    call.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ECONNREFUSED' || error.code === 'ENOENT'
          ? new ControlUnavailableError(`nothing answers on ${path}`)
          : error,
      ),
    );
    call.end();
  });
}
