import { describe, expect, it } from 'vitest';
import { fitGsm7, gsmLength, isGsm7, toGsm7 } from '../../shared/alerts/gsm.ts';
import { asciiSubject } from '../../shared/alerts/publish.ts';
import { inQuietHours, smsDueAt } from '../../shared/alerts/quiet-hours.ts';
import { type AlertContent, renderDigest, renderEmail, renderSms } from '../../shared/alerts/render.ts';
import { changeFinding } from '../support/findings.ts';

const fact = {
  id: 'ai5.foundry',
  label: 'AI5 foundry',
  topic: 'chips',
  version: 1,
  acceptedAt: '2025-07-01T00:00:00.000Z',
  acceptedBy: 'alice',
  origin: 'accept' as const,
};
const content = (overrides: Partial<AlertContent> = {}): AlertContent => ({
  fact,
  finding: changeFinding(),
  sources: ['Korea JoongAng Daily', 'Reuters', 'Bloomberg'],
  history: [],
  ...overrides,
});

describe('renderSms()', () => {
  it('says what changed in one readable GSM-7 segment', () => {
    expect(renderSms(content())).toBe(
      'factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (Korea JoongAng Daily, +2 srcs)',
    );
  });

  it('uses the English label and drops CJK from the source', () => {
    const sms = renderSms(
      content({
        sources: ['IT之家', 'Reuters'],
        finding: changeFinding({ evidence: '三星将为特斯拉代工AI5芯片' }),
      }),
    );

    expect(sms).toBe('factwatch: AI5 foundry changed: TSMC -> Samsung+TSMC (IT, +1 src)');
    expect(isGsm7(sms)).toBe(true);
  });

  it('stays within 160 septets whatever the values and sources', () => {
    const long = changeFinding({
      observed: {
        kind: 'entities',
        values: ['GlobalFoundries', 'Intel', 'Rapidus', 'Samsung', 'SMIC', 'TSMC', 'UMC'],
      },
    });
    const sms = renderSms(
      content({
        finding: long,
        sources: ['An extraordinarily long publication name with “curly” quotes — and dashes…', 'x'],
      }),
    );

    expect(gsmLength(sms)).toBeLessThanOrEqual(160);
    expect(isGsm7(sms)).toBe(true);
    expect(sms).toMatch(/^factwatch: AI5 foundry changed: TSMC -> /);
  });

  it('reads "new" findings as the value alone', () => {
    const finding = changeFinding({
      factId: 'ai6.volume_production',
      status: 'new',
      baseline: null,
      observed: { kind: 'year', value: 2028 },
    });

    expect(
      renderSms(
        content({
          fact: { ...fact, id: 'ai6.volume_production', label: 'AI6 volume production' },
          finding,
          sources: ['Reuters'],
        }),
      ),
    ).toBe('factwatch: AI6 volume production new: 2028 (Reuters)');
  });
});

describe('renderEmail()', () => {
  it('gives the change, evidence, source, link, time, corroboration, history and the accept command', () => {
    const past = changeFinding({
      status: 'confirmed',
      observed: { kind: 'entities', values: ['TSMC'] },
      // seen on a first read of a feed's backlog: the history gives the day the news told it
      published: '2025-07-20T08:00:00.000Z',
      observedAt: '2025-08-01T00:00:00.000Z',
      source: 'Electrek',
    });

    const { subject, body } = renderEmail(
      content({ history: [past], acceptStore: '--table Factwatch-Table-1' }),
    );

    expect(subject).toBe('[factwatch] AI5 foundry changed: TSMC -> Samsung+TSMC');
    expect(body).toContain('AI5 foundry (ai5.foundry) changed');
    expect(body).toContain('  was: TSMC   (baseline v1, accepted 2025-07-01 00:00 UTC by alice)');
    expect(body).toContain('  now: Samsung+TSMC');
    expect(body).toContain(
      '  - Korea JoongAng Daily, published 2025-08-02 09:30 UTC, seen 2025-08-02 10:00 UTC',
    );
    expect(body).toContain('Corroborated by 2 more source(s): Reuters, Bloomberg');
    expect(body).toMatch(/2025-07-20 {2}confirmed {2}TSMC +Electrek/);
    expect(body).toMatch(/factwatch accept ai5\.foundry --finding [0-9a-f]{16} --table Factwatch-Table-1/);
  });

  it('dates a seeded baseline by the fact sheet, not by the day the store was seeded', () => {
    const seeded = {
      ...fact,
      origin: 'seed' as const,
      asOf: '2025-07-28',
      acceptedAt: '2026-11-28T10:00:00.000Z',
    };

    const { body } = renderEmail(content({ fact: seeded }));

    expect(body).toContain('  was: TSMC   (baseline v1, from the fact sheet as of 2025-07-28)');
    expect(body).not.toContain('2026-11-28');
  });

  it('names the store in the accept hint, and leaves the hint out when nothing is kept', () => {
    const local = renderEmail(content({ acceptStore: '' })).body;
    const elsewhere = renderEmail(content({ acceptStore: '--data-dir /tmp/story' })).body;
    const demo = renderEmail(content({ acceptStore: null })).body;

    expect(local).toMatch(/factwatch accept ai5\.foundry --finding [0-9a-f]{16}\n/);
    expect(elsewhere).toMatch(
      /factwatch accept ai5\.foundry --finding [0-9a-f]{16} --data-dir \/tmp\/story\n/,
    );
    expect(demo).not.toContain('factwatch accept');
  });

  it('keeps the subject within 100 characters and ASCII for SNS', () => {
    const long = changeFinding({
      observed: { kind: 'money', amount: 22.8e12, currency: 'KRW' },
      baseline: { kind: 'money', amount: 16.5e9, currency: 'USD' },
    });
    const { subject } = renderEmail(
      content({
        finding: long,
        fact: { ...fact, label: 'A label that is rather long for a fact of this story' },
      }),
    );

    expect(subject.length).toBeLessThanOrEqual(100);
    expect(asciiSubject(subject)).toMatch(/^[\x20-\x7E]+$/);
    expect(asciiSubject('Deal €22B – “big”')).toBe('Deal EUR 22B - "big"');
  });
});

describe('the link to the story page', () => {
  it('ends the digest when the stack publishes the page, and is absent otherwise', () => {
    const input = {
      date: '2025-08-02',
      findings: [changeFinding()],
      unhealthyFeeds: [],
      watching: { feeds: 2, polled: 2 },
      labels: new Map(),
      quietWeek: false,
    };
    const link = 'https://abc.lambda-url.eu-west-1.on.aws/s3cr3t';

    expect(
      renderDigest({ ...input, reportLink: link })
        .body.split('\n')
        .at(-1),
    ).toBe(`The whole story, every fact and source: ${link}`);
    expect(renderDigest(input).body).not.toContain('The whole story');
  });
});

describe('GSM-7 helpers', () => {
  it('replaces typography and drops what GSM cannot carry', () => {
    expect(toGsm7('Musk’s “minimum” – $16.5B… 三星')).toBe('Musk\'s "minimum" - $16.5B...');
    expect(toGsm7('Société Générale, Côte, Straße')).toBe('Société Générale, Cote, Straße');
    expect(gsmLength('a€[')).toBe(5);
    expect(fitGsm7('x'.repeat(200), 20)).toBe(`${'x'.repeat(17)}...`);
  });
});

describe('quiet hours', () => {
  const config = { quietHours: { start: '22:00', end: '07:00' }, timeZone: 'America/New_York' };

  it('knows quiet hours in the configured time zone, across midnight', () => {
    expect(inQuietHours(new Date('2025-08-02T03:00:00Z'), config)).toBe(true); // 23:00 EDT
    expect(inQuietHours(new Date('2025-08-02T12:00:00Z'), config)).toBe(false); // 08:00 EDT
    expect(inQuietHours(new Date('2025-08-02T12:00:00Z'), { ...config, quietHours: null })).toBe(false);
  });

  it('holds an SMS until the quiet hours end, daylight saving included', () => {
    expect(smsDueAt(new Date('2025-08-02T03:00:00Z'), config).toISOString()).toBe('2025-08-02T11:00:00.000Z'); // 07:00 EDT
    expect(smsDueAt(new Date('2025-12-02T04:00:00Z'), config).toISOString()).toBe('2025-12-02T12:00:00.000Z'); // 07:00 EST
    expect(smsDueAt(new Date('2025-08-02T15:00:00Z'), config).toISOString()).toBe('2025-08-02T15:00:00.000Z');
  });
});
