/** @module Sends the outbox's e-mails over SMTP when SMTP_URL is set; without it they wait for an administrator to read. */
import { createTransport } from 'nodemailer';
import type { Repositories } from '../db/repositories/index.ts';
import type { Logger } from './logger.ts';

export interface Mailer {
  /**
   * Sends what is waiting, one claimed message at a time; returns how many went. A failed message is given back
   * unsent and tried again next time. Several servers may run this at once: each message goes out once.
   */
  sendPending(limit?: number): Promise<number>;
  close(): void;
}

/**
 * How long a sender may hold a message. Longer than nodemailer's own time-outs for one message, so a slow SMTP
 * server never makes a message look abandoned while it is still being sent; short enough that a message claimed by
 * a server that died is sent by another within the quarter hour.
 */
export const claimMinutes = 15;

export function createMailer(options: {
  smtpUrl: string;
  from: string;
  repositories: Repositories;
  logger: Logger;
  now?: () => Date;
}): Mailer {
  const transport = createTransport(options.smtpUrl);
  const now = options.now ?? (() => new Date());
  const { system } = options.repositories;
  return {
    async sendPending(limit = 100) {
      let sent = 0;
      try {
        sent = await sendClaimed(limit);
      } catch (error) {
        // The database went away mid-round: nothing is lost (an unmarked claim runs out); say so and try next time.
        options.logger.error({ err: (error as Error).message }, 'e-mail round stopped; will retry');
      }
      return sent;
    },
    close: () => transport.close(),
  };

  async function sendClaimed(limit: number): Promise<number> {
    let sent = 0;
    while (sent < limit) {
      const claimedAt = now();
      const message = await system.claimEmail(
        claimedAt,
        new Date(claimedAt.getTime() + claimMinutes * 60_000),
      );
      if (!message) break;
      try {
        await transport.sendMail({
          from: options.from,
          to: message.toEmail,
          subject: message.subject,
          text: message.body,
        });
      } catch (error) {
        await system.releaseEmail(message.id);
        // The address and body are personal data: log only which message failed and why.
        options.logger.warn(
          { outboxId: message.id, err: (error as Error).message },
          'e-mail not sent; will retry',
        );
        break;
      }
      await system.markEmailSent(message.id, now());
      sent += 1;
    }
    return sent;
  }
}

/** Sends every `intervalMs` until stopped; one run at a time. */
export function startMailLoop(mailer: Mailer, intervalMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await mailer.sendPending();
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    mailer.close();
  };
}
