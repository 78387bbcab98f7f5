import { ConfigError } from '../errors.ts';
import type { BaselineFile, FeedConfig } from '../model/story.ts';
import { displayPath, loadBaselineFile } from './load.ts';
import { SHIPPED_STORY } from './story.ts';
import { nearest } from './suggest.ts';

/**
 * An owner's fact sheet for the shipped story (`baselineFile`, `--baseline`): their
 * own values, for the same facts. Each fact needs its rules, and the rules read a
 * value of the fact's kind, so the ids and kinds must be the shipped ones; a new
 * story brings its own rules.json (README, "Adding a story").
 *
 * @example
 * loadStorySheet('my-baseline.json').facts.length; // 25
 */
export function loadStorySheet(path: string): BaselineFile {
  const sheet = loadBaselineFile(path);
  const shipped = new Map(SHIPPED_STORY.baseline.facts.map((fact) => [fact.id, fact.kind]));
  const where = displayPath(path);
  for (const fact of sheet.facts) {
    const kind = shipped.get(fact.id);
    if (kind === undefined)
      throw new ConfigError(
        `${where}: fact "${fact.id}" is not one of the story's facts (its rules know ${shipped.size})`,
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
