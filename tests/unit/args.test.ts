import { describe, expect, it } from 'vitest';
import { oneOf, parseCommandArgs, parseList, parseSince } from '../../apps/cli/args.ts';
import { UsageError } from '../../shared/errors.ts';

const NOW = new Date('2025-08-08T12:00:00Z');

describe('parseCommandArgs()', () => {
  // A user acceptance review typed --since -5d and got Node's "argument is ambiguous".
  it('names a value that begins with "-" and how to give it', () => {
    expect(() => parseCommandArgs('report', ['--since', '-5d'], { since: { type: 'string' } })).toThrow(
      'report: --since: "-5d" begins with "-"; if it is the value, write --since=-5d (see factwatch report --help)',
    );
  });
});

describe('parseSince()', () => {
  it.each([
    ['7d', '2025-08-01T12:00:00.000Z'],
    ['24h', '2025-08-07T12:00:00.000Z'],
    ['30m', '2025-08-08T11:30:00.000Z'],
    ['2w', '2025-07-25T12:00:00.000Z'],
    ['2025-08-01', '2025-08-01T00:00:00.000Z'],
    ['2025-08-01T06:30:00Z', '2025-08-01T06:30:00.000Z'],
    ['2025-08-01T06:30:00+02:00', '2025-08-01T04:30:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(parseSince(text, NOW).toISOString()).toBe(expected);
  });

  // A time with no zone is UTC, as every time factwatch prints, whatever this machine's zone (the test sets one
  // that is not UTC, so that it can fail on a machine that runs in UTC).
  it.each([
    ['2025-08-01T06:30', '2025-08-01T06:30:00.000Z'],
    ['2025-08-01 06:30', '2025-08-01T06:30:00.000Z'],
  ])('reads %s as UTC on a machine in New York', (text, expected) => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(parseSince(text, NOW).toISOString()).toBe(expected);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each(['nonsense', '7', 'd7', '2025-13-45', '', '7 days', '2025-02-30', '2025-04-31T00:00:00Z'])(
    'refuses %j with a usage error',
    (text) => {
      expect(() => parseSince(text, NOW)).toThrow(UsageError);
    },
  );

  it('refuses a date in the future, naming today (a user typed the wrong year and got a DynamoDB error)', () => {
    expect(() => parseSince('2025-08-09', NOW)).toThrow(
      '--since: 2025-08-09 is in the future (it is 2025-08-08 now)',
    );
    expect(() => parseSince('2030-01-01T00:00:00Z', NOW)).toThrow(UsageError);
    expect(parseSince('2025-08-08', NOW).toISOString()).toBe('2025-08-08T00:00:00.000Z');
    expect(() => parseSince('2025-08-09', NOW, '--published-since')).toThrow(
      '--published-since: 2025-08-09 is in the future',
    );
  });

  it('says an impossible day is not in the calendar, instead of rolling it over', () => {
    expect(() => parseSince('2025-02-30', NOW)).toThrow('--since: 2025-02-30 is not a date of the calendar');
  });
});

describe('oneOf() and parseList()', () => {
  it('defaults, accepts and refuses', () => {
    expect(oneOf('--format', undefined, ['table', 'json'], 'table')).toBe('table');
    expect(oneOf('--format', 'json', ['table', 'json'], 'table')).toBe('json');
    expect(() => oneOf('--format', 'xml', ['table', 'json'], 'table')).toThrow(
      /--format: "xml" is not one of table, json/,
    );
  });

  it('splits comma lists and checks each entry', () => {
    expect(parseList('--status', 'changed, new', ['changed', 'new', 'confirmed'])).toEqual([
      'changed',
      'new',
    ]);
    expect(() => parseList('--status', 'changed,bogus', ['changed', 'new'])).toThrow(/"bogus"/);
  });
});

describe('parseCommandArgs() on an option given twice', () => {
  // From a user acceptance review: "--since 5d … --since 30d" answered for 30 days without a word.
  it('refuses two different values in one usage line, and lets the same value or a flag repeat', () => {
    const spec = { since: { type: 'string' }, all: { type: 'boolean' } } as const;
    const twice = () => parseCommandArgs('history', ['--since', '5d', '--since=30d'], spec);

    expect(twice).toThrow(UsageError);
    expect(twice).toThrow(
      /^usage: history: --since is given twice \("5d" and "30d"\); give it once \(see factwatch history --help\)$/,
    );
    expect(
      parseCommandArgs('history', ['--since', '5d', '--since', '5d', '--all', '--all'], spec).values,
    ).toEqual({
      since: '5d',
      all: true,
    });
  });
});

describe('parseCommandArgs() on options it does not know', () => {
  it('turns an unknown option into one usage line', () => {
    const call = () => parseCommandArgs('history', ['--bogus'], { since: { type: 'string' } });

    expect(call).toThrow(UsageError);
    expect(call).toThrow(/^usage: history: Unknown option '--bogus' \(see factwatch history --help\)$/);
  });
});

describe('storeOptionOf()', () => {
  it('adds nothing for the default store, and a shell-safe --data-dir for another', async () => {
    const { storeOptionOf } = await import('../../apps/cli/session.ts');

    expect(storeOptionOf(undefined)).toBe('');
    expect(storeOptionOf('.factwatch')).toBe('');
    expect(storeOptionOf('/srv/story')).toBe('--data-dir /srv/story');
    expect(storeOptionOf("/tmp/Owner's store")).toBe(`--data-dir '/tmp/Owner'\\''s store'`);
  });
});
