import { BaselineFileSchema, FeedsFileSchema } from '../model/story.ts';
import baselineJson from './stories/tesla-samsung/baseline.json' with { type: 'json' };
import feedsJson from './stories/tesla-samsung/feeds.json' with { type: 'json' };

/**
 * Options for a schema parsed once per process: zod's eval-compiled fast path pays only on repeated parses, and
 * compiling it for the shipped story and rules was ~17 ms of every cold start.
 */
export const ONCE = { jitless: true } as const;

/**
 * The shipped story as data imported into the code, so a bundled Lambda carries it
 * (the CLI reads the same files from disk, and may be pointed at others). Its match
 * rules are the fact engine's: `SHIPPED_RULES` in shared/facts/shipped-rules.ts.
 */
export const SHIPPED_STORY = {
  baseline: BaselineFileSchema.parse(baselineJson, ONCE),
  feeds: FeedsFileSchema.parse(feedsJson, ONCE),
};
