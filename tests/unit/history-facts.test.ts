import { describe, expect, it } from 'vitest';
import { factsOf } from '../../apps/cli/commands/history.ts';
import { UsageError } from '../../shared/errors.ts';

const KNOWN = ['ai5.foundry', 'ai5.volume_production', 'ai6.foundry', 'deal.value'];

describe('factsOf()', () => {
  it('takes ids, prefixes and ids typed in capitals as the news writes them', () => {
    expect(factsOf(['AI5'], KNOWN)).toEqual(['ai5.foundry', 'ai5.volume_production']);
    expect(factsOf(['Deal.Value', 'ai6.'], KNOWN)).toEqual(['deal.value', 'ai6.foundry']);
  });

  it('refuses a name that is no fact and no prefix, with the nearest id', () => {
    expect(() => factsOf(['deal.valu'], KNOWN)).toThrow(UsageError);
    expect(() => factsOf(['deal.valu'], KNOWN)).toThrow(
      /no fact "deal\.valu" \(did you mean "deal\.value"\?\)/,
    );
  });
});
