import type { Value } from '../model/values.ts';

/** One observed value on a chart: when, how much, and what the tooltip says. */
export interface ChartPoint {
  at: string;
  value: number;
  label: string;
}

/** One baseline version: from `at` on, the baseline was `value` (null: none stated). */
export interface ChartStep {
  at: string;
  value: number | null;
  label: string;
}

/**
 * The number a value can be drawn at, or undefined for kinds that are not numbers
 * (entities, status, place). A year with a month sits within its year.
 *
 * @example
 * numberOf({ kind: 'year', value: 2027, month: 7 }); // 2027.5
 */
export function numberOf(value: Value | null | undefined): number | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'money':
      return value.amount;
    case 'year':
      return value.value + (value.month ? (value.month - 1) / 12 : 0);
    case 'percent':
    case 'count':
    case 'quantity':
    case 'ratio':
    case 'node':
      return value.value;
    default:
      return undefined;
  }
}

/**
 * The value of `like`'s kind (and currency, unit) at a number the chart drew: the
 * inverse of numberOf, for labelling the value axis.
 *
 * @example
 * valueAt({ kind: 'percent', value: 67 }, 70.2); // { kind: 'percent', value: 70.2 }
 * valueAt({ kind: 'year', value: 2026 }, 2027.5); // { kind: 'year', value: 2027, month: 7 }
 */
export function valueAt(like: Value, number: number): Value {
  switch (like.kind) {
    case 'money':
      return { ...like, amount: number };
    case 'year': {
      const year = Math.floor(number);
      const month = Math.round((number - year) * 12) + 1;
      return month > 1 ? { kind: 'year', value: year, month } : { kind: 'year', value: year };
    }
    case 'percent':
    case 'count':
    case 'quantity':
    case 'ratio':
    case 'node':
      // (12 digits: the arithmetic's noise, 7.999999999 → 8, never a figure's own digits)
      return { ...like, value: Number(number.toPrecision(12)) };
    default:
      return like;
  }
}

const WIDTH = 320;
const HEIGHT = 120;
// Room on the left for the value axis' labels ("$16.5B", "2027-07", "67%").
const PAD = { left: 48, right: 8, top: 10, bottom: 18 };

/** Text made safe inside HTML or SVG, as element content or a quoted attribute (the page uses it too). */
export const escapeMarkup = (text: string | undefined) =>
  (text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A linear scale from [min, max] to [from, to]; a single value sits in the middle. */
function scale(min: number, max: number, from: number, to: number) {
  return (value: number) =>
    max === min ? (from + to) / 2 : from + ((value - min) / (max - min)) * (to - from);
}

/**
 * A small SVG chart of one fact: its observed values over time (dots, one per
 * finding, each with a tooltip) against the baseline as a step line, drawn on the
 * server, no script. `now` closes the last step. The time axis is labelled with its
 * first and last day, the value axis with its lowest and highest value as
 * `formatValue` writes them. Returns '' with nothing to draw.
 *
 * @example
 * factChart([{ at: '2025-09-01T00:00:00Z', value: 70.2, label: '70.2% · Reuters' }],
 *   [{ at: '2025-07-28T00:00:00Z', value: 67.6, label: 'v1 67.6%' }], '2025-10-01T00:00:00Z',
 *   'TSMC foundry share', (value) => `${value}%`);
 */
export function factChart(
  points: ChartPoint[],
  steps: ChartStep[],
  now: string,
  title: string,
  formatValue: (value: number) => string = String,
): string {
  const drawnSteps = steps.filter((step) => step.value !== null) as Array<ChartStep & { value: number }>;
  if (points.length === 0 && drawnSteps.length === 0) return '';
  const times = [...points, ...steps].map((entry) => Date.parse(entry.at)).concat(Date.parse(now));
  const values = [...points.map((point) => point.value), ...drawnSteps.map((step) => step.value)];
  const spread = Math.max(...values) - Math.min(...values);
  const pad = spread === 0 ? Math.abs(values[0]!) * 0.1 || 1 : spread * 0.1;
  const x = scale(Math.min(...times), Math.max(...times), PAD.left, WIDTH - PAD.right);
  const y = scale(Math.min(...values) - pad, Math.max(...values) + pad, HEIGHT - PAD.bottom, PAD.top);
  const ordered = [...steps].sort((a, b) => a.at.localeCompare(b.at));
  const segments = ordered.flatMap((step, index) => {
    if (step.value === null) return [];
    const end = ordered[index + 1]?.at ?? now;
    const [x1, x2, yy] = [x(Date.parse(step.at)), x(Date.parse(end)), y(step.value)];
    return [
      `<line class="baseline" x1="${x1.toFixed(1)}" y1="${yy.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${yy.toFixed(1)}"><title>${escapeMarkup(step.label)}</title></line>`,
    ];
  });
  const dots = points.map(
    (point) =>
      `<circle class="observed" cx="${x(Date.parse(point.at)).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3.5"><title>${escapeMarkup(point.label)}</title></circle>`,
  );
  const first = new Date(Math.min(...times)).toISOString().slice(0, 10);
  const last = now.slice(0, 10);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const valueLabel = (value: number) =>
    `<text class="axis value" x="${PAD.left - 4}" y="${(y(value) + 3).toFixed(1)}" text-anchor="end">${escapeMarkup(formatValue(value))}</text>`;
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeMarkup(title)}" data-points="${points.length}">`,
    ...segments,
    ...dots,
    `<text class="axis" x="${PAD.left}" y="${HEIGHT - 4}">${first}</text>`,
    `<text class="axis" x="${WIDTH - PAD.right}" y="${HEIGHT - 4}" text-anchor="end">${last}</text>`,
    ...(high === low ? [valueLabel(high)] : [valueLabel(high), valueLabel(low)]),
    '</svg>',
  ].join('');
}
