/** @module Reminders reach an SMTP server when one is configured, and wait in the outbox while it is down. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';
import { createMailer } from '../../src/server/mail.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { worldRound } from '../support/world.ts';

describe('sending e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    t = await startTestApp();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it('sends each reminder once, and keeps the record in the outbox as sent', async () => {
    const anne = await t.login('leaderSkranke');
    const { rounds } = await (await t.call('GET', '/api/rounds', { as: anne })).json();
    const round = rounds.find((entry: { name: string }) => entry.name === worldRound.name);
    const reminded = await (
      await t.call('POST', `/api/rounds/${round.id}/reminders`, { as: anne, body: {} })
    ).json();
    expect(reminded.reminded.map((person: { name: string }) => person.name)).toEqual(['Mads Pedersen']);

    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Vejviser <vejviser@demokommune.example>',
      repositories: t.repositories,
      logger: createLogger('silent'),
    });
    expect(await mailer.sendPending()).toBe(1);
    expect(await mailer.sendPending()).toBe(0);
    mailer.close();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['mads.pedersen@demokommune.example']);
    expect(smtp.received[0]!.text).toContain('Mads Pedersen');
    expect(smtp.received[0]!.text).toContain('From: Vejviser <vejviser@demokommune.example>');

    const { messages } = await (
      await t.call('GET', '/api/admin/outbox', { as: await t.login('admin') })
    ).json();
    expect(messages[0].sentAt).not.toBeNull();
  });

  it('leaves a message unsent when the SMTP server cannot be reached', async () => {
    const anne = await t.login('leaderSkranke');
    const { rounds } = await (await t.call('GET', '/api/rounds', { as: anne })).json();
    await t.call('POST', `/api/rounds/${rounds[0].id}/reminders`, { as: anne, body: {} });
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'Vejviser <vejviser@demokommune.example>',
      repositories: t.repositories,
      logger: createLogger('silent'),
    });
    expect(await mailer.sendPending()).toBe(0);
    mailer.close();
    expect(await t.repositories.system.unsentEmails(10)).toHaveLength(1);
  });
});
