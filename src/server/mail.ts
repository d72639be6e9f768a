/** @module Sends the outbox's e-mails over SMTP when SMTP_URL is set; without it they wait for an administrator to read. */
import { createTransport } from 'nodemailer';
import type { Repositories } from '../db/repositories/index.ts';
import type { Logger } from './logger.ts';

export interface Mailer {
  /** Sends what is waiting; returns how many went. A failed message stays unsent and is tried again next time. */
  sendPending(): Promise<number>;
  close(): void;
}

export function createMailer(options: {
  smtpUrl: string;
  from: string;
  repositories: Repositories;
  logger: Logger;
  now?: () => Date;
}): Mailer {
  const transport = createTransport(options.smtpUrl);
  const now = options.now ?? (() => new Date());
  return {
    async sendPending() {
      let sent = 0;
      for (const message of await options.repositories.system.unsentEmails(100)) {
        try {
          await transport.sendMail({
            from: options.from,
            to: message.toEmail,
            subject: message.subject,
            text: message.body,
          });
          await options.repositories.system.markEmailSent(message.id, now());
          sent += 1;
        } catch (error) {
          // The address and body are personal data: log only which message failed and why.
          options.logger.warn(
            { outboxId: message.id, err: (error as Error).message },
            'e-mail not sent; will retry',
          );
          break;
        }
      }
      return sent;
    },
    close: () => transport.close(),
  };
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
