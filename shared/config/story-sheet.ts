import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import type { BaselineFile, FeedConfig } from '../model/story.ts';
import { displayPath, loadBaselineFile, readJsonFile } from './load.ts';
import { SHIPPED_STORY } from './story.ts';
import { nearest } from './suggest.ts';

/**
 * A fact sheet as a command or the stack reads it (`--baseline`, `baselineFile`). Beside a rules.json
 * of its own it is a story of its own: each of its facts needs a rule there (the rules file itself is
 * checked where it is compiled). Without one it is the owner's sheet for the shipped story — their own
 * values for the same facts — so the ids and kinds must be the shipped ones, read by the shipped rules.
 *
 * @example
 * loadStorySheet('my-baseline.json').facts.length; // 25
 * loadStorySheet('stories/intel-ohio/baseline.json').facts.length; // 2, with stories/intel-ohio/rules.json
 */
export function loadStorySheet(path: string): BaselineFile {
  const sheet = loadBaselineFile(path);
  const ownRules = ownRulesPathOf(path);
  return ownRules ? checkRulesKnowFacts(sheet, path, ownRules) : checkShippedFacts(sheet, path);
}

/** The rules.json beside a fact sheet, when it has one (the shipped sheet's is the shipped rules). */
export function ownRulesPathOf(sheetPath: string): string | undefined {
  const path = join(dirname(resolve(sheetPath)), 'rules.json');
  return existsSync(path) ? path : undefined;
}

function checkRulesKnowFacts(sheet: BaselineFile, path: string, rulesPath: string): BaselineFile {
  const rules = readJsonFile(rulesPath) as { facts?: unknown };
  const known =
    rules && typeof rules.facts === 'object' && rules.facts !== null ? Object.keys(rules.facts) : [];
  const unread = sheet.facts.filter((fact) => !known.includes(fact.id)).map((fact) => fact.id);
  if (unread.length)
    throw new ConfigError(
      `${displayPath(path)}: ${unread.length > 1 ? `facts ${unread.slice(0, 3).join(', ')}${unread.length > 3 ? ', …' : ''} have` : `fact "${unread[0]}" has`} no rule in ${displayPath(rulesPath)} (it knows ${known.length})`,
    );
  return sheet;
}

function checkShippedFacts(sheet: BaselineFile, path: string): BaselineFile {
  const shipped = new Map(SHIPPED_STORY.baseline.facts.map((fact) => [fact.id, fact.kind]));
  const where = displayPath(path);
  for (const fact of sheet.facts) {
    const kind = shipped.get(fact.id);
    if (kind === undefined)
      throw new ConfigError(
        `${where}: fact "${fact.id}" is not one of the story's facts (its rules know ${shipped.size}; a story of its own has a rules.json beside its sheet)`,
      );
    if (kind !== fact.kind)
      throw new ConfigError(`${where}: fact "${fact.id}" is a ${kind} in the story, not a ${fact.kind}`);
  }
  const missing = [...shipped.keys()].filter((id) => !sheet.facts.some((fact) => fact.id === id));
  if (missing.length)
    throw new ConfigError(
      `${where}: missing ${missing.length} of the story's facts (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
    );
  return sheet;
}

/**
 * Feeds whose topics are the fact sheet's: a feed's topics label its items for
 * `--topic`, so a topic no fact has ("chip" for "chips") would hide them silently.
 *
 * @example
 * checkFeedTopics(loadFeedsFile('my-feeds.json'), sheet, 'my-feeds.json');
 */
export function checkFeedTopics(feeds: FeedConfig[], sheet: BaselineFile, path: string): FeedConfig[] {
  const topics = [...new Set(sheet.facts.map((fact) => fact.topic))].sort();
  for (const [index, feed] of feeds.entries()) {
    for (const topic of feed.topics ?? []) {
      if (topics.includes(topic)) continue;
      const guess = nearest(topic, topics);
      throw new ConfigError(
        `${displayPath(path)}: entry ${index + 1} ("${feed.id}"): field "topics": "${topic}" is no topic of the fact sheet (${topics.join(', ')})${guess ? `; did you mean "${guess}"?` : ''}`,
      );
    }
  }
  return feeds;
}
