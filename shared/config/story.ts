import { BaselineFileSchema, FeedsFileSchema } from '../model/story.ts';
import baselineJson from './stories/tesla-samsung/baseline.json' with { type: 'json' };
import feedsJson from './stories/tesla-samsung/feeds.json' with { type: 'json' };

/**
 * The shipped story as data imported into the code, so a bundled Lambda carries it
 * (the CLI reads the same files from disk, and may be pointed at others). Its match
 * rules are the fact engine's: `SHIPPED_RULES` in shared/facts/shipped-rules.ts.
 */
export const SHIPPED_STORY = {
  baseline: BaselineFileSchema.parse(baselineJson),
  feeds: FeedsFileSchema.parse(feedsJson),
};
