/** @module Turning benchmark measurements into percentiles, ratios and plain-text tables. */

export interface Measurement {
  name: string;
  route: string;
  /** Mean of autocannon's per-second request counts. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  bodyBytes: number;
  /** CPU time over wall time while measuring, in % of one core; near 100 % means that side was the limit. */
  serverCpuPercent: number;
  clientCpuPercent: number;
  otherCpuPercent: number;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  // The first column is text and reads best left-aligned; the rest are numbers.
  const line = (cells: string[]) =>
    cells.map((cell, column) =>
      column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
    );
  return [line(header), widths.map((width) => '-'.repeat(width)), ...rows.map(line)]
    .map((cells) => cells.join('  ').trimEnd())
    .join('\n');
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

export function rawTable(measurements: Measurement[]): string {
  return table(
    [
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'requests',
      'body B',
      'server CPU',
      'client CPU',
      'other CPU',
    ],
    measurements.map((m) => [
      `${m.name} (${m.route})`,
      whole(m.requestsPerSecond),
      fixed(m.p50Ms, 2),
      fixed(m.p99Ms, 2),
      fixed(m.maxMs, 1),
      whole(m.requests),
      whole(m.bodyBytes),
      `${fixed(m.serverCpuPercent, 0)} %`,
      `${fixed(m.clientCpuPercent, 0)} %`,
      `${fixed(m.otherCpuPercent, 0)} %`,
    ]),
  );
}

export function ratioTable(baseline: Measurement, others: Measurement[]): string {
  return table(
    ['target', `req/s ÷ ${baseline.name} req/s`, `p99 ÷ ${baseline.name} p99`],
    others.map((m) => [
      m.name,
      `${fixed(m.requestsPerSecond / baseline.requestsPerSecond, 3)}`,
      `${fixed(m.p99Ms / baseline.p99Ms, 2)}`,
    ]),
  );
}
