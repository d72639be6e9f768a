/** @module Structured JSON logs (pino). Secrets and personal notes never reach a log line. */
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'vejviser' },
    redact: {
      paths: [
        'password',
        '*.password',
        'currentPassword',
        'newPassword',
        '*.passwordHash',
        'token',
        '*.token',
        'headers.cookie',
        'headers.authorization',
        'headers["x-csrf-token"]',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
