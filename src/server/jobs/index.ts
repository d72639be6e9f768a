/** @module Every job the server runs on a schedule. A new job is one more line here. */
import type { ScheduledJob } from '../scheduler.ts';
import { candidateRetention } from './candidate-retention.ts';
import { personalDataRetention } from './personal-data-retention.ts';

export const scheduledJobs: readonly ScheduledJob[] = [candidateRetention, personalDataRetention];
