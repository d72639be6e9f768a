/** @module The embedded database's safety: one process at a time, atomic first start, data kept across restarts. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { openEmbedded } from '../../src/server/embedded.ts';
import { LockedError } from '../../src/server/lock.ts';

const directories: string[] = [];
const freshDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'vejviser-embedded-'));
  directories.push(directory);
  return directory;
};
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('embedded database', () => {
  it('refuses a second opener while the first holds the data directory, and frees it on close', async () => {
    const dataDir = freshDirectory();
    const first = await openEmbedded(dataDir);
    await expect(openEmbedded(dataDir)).rejects.toThrow(LockedError);
    await expect(openEmbedded(dataDir)).rejects.toThrow(/in use by another Vejviser process \(pid \d+\)/);
    await first.close();
    expect(existsSync(join(dataDir, 'pgdata.lock'))).toBe(false);
    const second = await openEmbedded(dataDir);
    expect(second.created).toBe(false);
    await second.close();
  }, 60_000);

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const dataDir = freshDirectory();
    // PIDs are below 2^22 on Linux, so this one cannot be running.
    writeFileSync(join(dataDir, 'pgdata.lock'), '99999999');
    const handle = await openEmbedded(dataDir);
    await handle.close();
  }, 60_000);

  it('leaves nothing half-made when the first start is interrupted, and starts over next time', async () => {
    const dataDir = freshDirectory();
    await expect(
      openEmbedded(dataDir, async () => {
        throw new Error('power cut during seeding');
      }),
    ).rejects.toThrow('power cut during seeding');
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
    expect(existsSync(join(dataDir, 'pgdata.lock'))).toBe(false);

    let seeded = 0;
    const handle = await openEmbedded(dataDir, async (fresh) => {
      seeded += 1;
      await createRepositories(fresh.db).system.createMunicipality({ name: 'Tønder', slug: 'toender' });
    });
    expect(handle.created).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('pgdata.partial-'))).toEqual([]);
    await handle.close();

    const reopened = await openEmbedded(dataDir, async () => {
      seeded += 1;
    });
    expect(seeded).toBe(1);
    expect((await createRepositories(reopened.db).system.findMunicipalityBySlug('toender'))?.name).toBe(
      'Tønder',
    );
    await reopened.close();
  }, 90_000);
});
