import { describe, expect, it } from 'vitest';
import { findingsFor } from '../support/engine.ts';

describe('look-alikes do not fool the fact engine', () => {
  it.each([
    [
      'a Tesla stock move on other news is not the reaction to the deal',
      'Tesla shares rise 3% on robotaxi news',
      undefined,
    ],
    [
      '"16,500 Cybertrucks" is not $16.5B',
      'Tesla sold 16,500 Cybertrucks, a fraction of the deal volume Samsung hoped for',
      undefined,
    ],
    [
      "Intel's CHIPS grant is not Samsung's",
      'Intel receives $7.86 billion CHIPS Act grant',
      'The Commerce Department finalized the award for Intel fabs in Ohio.',
    ],
    [
      'a Samsung phone chip on 2 nm says nothing about AI6',
      'Samsung unveils 2nm Exynos 2600 for Galaxy S26',
      "Samsung's phone chip is built on its 2nm process.",
    ],
    [
      'a fab in Austin is not the Taylor fab',
      "Samsung's Austin fab gets new equipment",
      'Samsung is upgrading its Austin fab; output there rises in 2027.',
    ],
    [
      'a Nvidia deal of the same size is not the Tesla deal',
      'Nvidia signs $16.5 billion deal with cloud provider',
      undefined,
    ],
    [
      'Samsung smartphone share is not foundry share',
      "Samsung's smartphone market share rises to 20%",
      undefined,
    ],
    [
      'Taylor Swift is not the Taylor fab',
      'Taylor Swift to start tour production in 2027 in Texas',
      undefined,
    ],
    ['a denied delay is not a delay', 'Tesla denies it will delay Dojo', undefined],
    [
      '三星手机芯片的2纳米工艺与AI6无关',
      '三星发布2纳米手机芯片',
      '三星发布采用2纳米工艺的Exynos 2600手机芯片。',
    ],
  ])('%s', (_case, title, summary) => {
    expect(findingsFor(title, summary)).toEqual([]);
  });

  it('still reads the real statements beside them', () => {
    expect(findingsFor('Tesla shares rise 4% on Samsung chip deal')).toEqual([
      'market.tesla_reaction confirmed',
    ]);
    expect(
      findingsFor("Samsung's $4.75 billion CHIPS award for Taylor is final, unlike Intel's $7.86 billion"),
    ).toEqual(['taylor.chips_award confirmed']);
  });
});
