import { describe, expect, it } from 'vitest';
import { analyzeItem } from '../../shared/facts/analyze.ts';
import { storyEngine } from '../support/engine.ts';

/**
 * Inputs of a hostile-content review (2026-12-02) that made one pattern backtrack exponentially: each took seconds
 * at a fifth of these lengths and doubled with every unit more — at the title's 500 characters, an item that never
 * ends stalls every alert behind it on its stream shard. Here each is read to its findings at full length, so a
 * pattern that backtracks again does not return and the run fails (by its time limit, not an assertion on time);
 * how fast they are read is bench/'s `analyze.hostilePatterns`.
 */
describe('hostile text the engine reads to the end', () => {
  const engine = storyEngine();
  const statuses = (item: Parameters<typeof analyzeItem>[0]) =>
    analyzeItem(item, engine).map((finding) => `${finding.factId} ${finding.status}`);

  it('a gapped passive list whose gap is ", , , …" (no maker read out of the gap)', () => {
    const title = `AI5 will be built by TSMC, and AI6 by ${', '.repeat(110)}x Samsung.`;

    expect(title.length).toBeLessThanOrEqual(500);
    expect(statuses({ id: 'gap', title })).toContain('ai5.foundry confirmed');
    expect(statuses({ id: 'gap', title })).not.toContain('ai6.foundry changed');
  });

  it('a making "of The The The …" a chip', () => {
    const title = `AI6 volume production of ${'The '.repeat(110)}x AI5 is due in 2027.`;

    expect(title.length).toBeLessThanOrEqual(500);
    expect(statuses({ id: 'object', title }).filter((status) => !status.endsWith('mentioned'))).toEqual([]);
  });

  it('a content of plan goals "of 1GW 1GW …", 20,000 characters', () => {
    const goal = (index: number) =>
      `Stargate will invest $${500 + index} billion, a goal of ${'1GW '.repeat(20)}x $${600 + index} billion. `;
    const content = Array.from({ length: 140 }, (_, index) => goal(index))
      .join('')
      .slice(0, 20_000);

    expect(statuses({ id: 'goals', title: 'Stargate investment update', content })).toEqual([
      'stargate.investment changed',
    ]);
  });
});
