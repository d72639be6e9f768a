/** @module Builds the web UI when it is missing or older than its sources, so `npm start` is all it takes. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestModification(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestModification(join(path, name))),
    0,
  );
}

export function webBuildIsStale(root: string): boolean {
  const built = join(root, 'dist/web/index.html');
  if (!existsSync(built)) return true;
  const sources = ['src/web', 'vite.config.ts', 'package.json']
    .map((name) => join(root, name))
    .filter(existsSync);
  return Math.max(...sources.map(newestModification)) > statSync(built).mtimeMs;
}

export async function ensureWebBuilt(root: string, log: (message: string) => void): Promise<void> {
  if (!webBuildIsStale(root)) return;
  // A checkout without the web sources (an API-only deployment) has nothing to build.
  if (!existsSync(join(root, 'src/web/index.html'))) return;
  log('Building the web UI (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
