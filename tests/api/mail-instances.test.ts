/**
 * @module Several servers on one database send each outbox e-mail once: two senders at once, on PGlite and on
 * PostgreSQL, against a real SMTP server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.ts';
import { outbox } from '../../src/db/schema.ts';
import { createLogger } from '../../src/server/logger.ts';
import { claimMinutes, createMailer } from '../../src/server/mail.ts';
import { engineMissing, engines, openTestDatabase } from '../support/database.ts';
import { startSmtpServer } from '../support/smtp.ts';

const minutes = (count: number) => count * 60_000;

describe.each(engines)('outbox with several senders on %s', (kind) => {
  // Skipped on PostgreSQL only when no server is configured (TEST_DATABASE_URL unset); CI always sets it.
  describe.skipIf(engineMissing(kind))('with a database', () => {
    let handle: DatabaseHandle;
    let repositories: Repositories;
    let municipalityId: string;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    const received = () => smtp.received.map((email) => email.text.match(/^Subject: (.*)$/m)![1]!.trim());

    beforeAll(async () => {
      // On PostgreSQL the pool has four connections, so the two senders' statements really run side by side.
      handle = await openTestDatabase(kind);
      repositories = createRepositories(handle.db);
      municipalityId = (await repositories.system.findMunicipalityBySlug('demo-kommune'))!.id;
      // A little slowness, as from a real server, so each sender is mid-message while the other claims.
      smtp = await startSmtpServer({ delayMs: 15 });
    });
    afterAll(async () => {
      await smtp.close();
      await handle?.close();
    });
    beforeEach(async () => {
      smtp.received.length = 0;
      await handle.db.delete(outbox);
    });

    const queue = async (count: number) => {
      const start = Date.parse('2026-12-01T08:00:00Z');
      await handle.db.insert(outbox).values(
        Array.from({ length: count }, (_, index) => ({
          municipalityId,
          toEmail: `medarbejder${index}@demokommune.example`,
          subject: `Reminder ${index}`,
          body: 'Husk din selvvurdering.',
          createdAt: new Date(start + index * 1000),
        })),
      );
    };
    const mailer = (now?: () => Date) =>
      createMailer({
        smtpUrl: smtp.url,
        from: 'Vejviser <vejviser@demokommune.example>',
        repositories,
        logger: createLogger('silent'),
        now,
      });

    it('sends every message exactly once when two servers send at the same time', async () => {
      await queue(12);
      const first = mailer();
      const second = mailer();
      const [sentByFirst, sentBySecond] = await Promise.all([first.sendPending(), second.sendPending()]);
      first.close();
      second.close();

      expect(sentByFirst + sentBySecond).toBe(12);
      // Both took part: the senders really overlapped, rather than one finding the queue empty.
      expect(sentByFirst).toBeGreaterThan(0);
      expect(sentBySecond).toBeGreaterThan(0);
      expect(received().sort()).toEqual(Array.from({ length: 12 }, (_, index) => `Reminder ${index}`).sort());
      expect(await repositories.system.unsentEmails(100)).toEqual([]);
    });

    it('gives each of many simultaneous claims a different message, and none more than there are', async () => {
      await queue(5);
      const now = new Date('2026-12-01T09:00:00Z');
      const until = new Date(now.getTime() + minutes(claimMinutes));
      const claims = await Promise.all(
        Array.from({ length: 8 }, () => repositories.system.claimEmail(now, until)),
      );
      const ids = claims.filter((claim) => claim !== undefined).map((claim) => claim.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('sends a message again only when the server that claimed it has not finished within the claim', async () => {
      await queue(1);
      const claimedAt = new Date('2026-12-01T09:00:00Z');
      // A server claims the message and dies before sending it.
      const abandoned = await repositories.system.claimEmail(
        claimedAt,
        new Date(claimedAt.getTime() + minutes(claimMinutes)),
      );
      expect(abandoned?.subject).toBe('Reminder 0');

      const whileClaimed = mailer(() => new Date(claimedAt.getTime() + minutes(claimMinutes - 1)));
      expect(await whileClaimed.sendPending()).toBe(0);
      whileClaimed.close();
      expect(received()).toEqual([]);

      const afterClaim = mailer(() => new Date(claimedAt.getTime() + minutes(claimMinutes + 1)));
      expect(await afterClaim.sendPending()).toBe(1);
      afterClaim.close();
      expect(received()).toEqual(['Reminder 0']);
    });

    it('gives a message back when the SMTP server fails, so the next round sends it', async () => {
      await queue(1);
      const unreachable = createMailer({
        smtpUrl: 'smtp://127.0.0.1:1',
        from: 'Vejviser <vejviser@demokommune.example>',
        repositories,
        logger: createLogger('silent'),
      });
      expect(await unreachable.sendPending()).toBe(0);
      unreachable.close();

      const working = mailer();
      expect(await working.sendPending()).toBe(1);
      working.close();
      expect(received()).toEqual(['Reminder 0']);
    });
  });
});
