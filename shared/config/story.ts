import { RulesFileSchema } from '../facts/rules.ts';
import { BaselineFileSchema, FeedsFileSchema } from './schemas.ts';
import baselineJson from './stories/tesla-samsung/baseline.json' with { type: 'json' };
import feedsJson from './stories/tesla-samsung/feeds.json' with { type: 'json' };
import rulesJson from './stories/tesla-samsung/rules.json' with { type: 'json' };

/**
 * The shipped story as data imported into the code, so a bundled Lambda carries it
 * (the CLI reads the same files from disk, and may be pointed at others).
 */
export const SHIPPED_STORY = {
  baseline: BaselineFileSchema.parse(baselineJson),
  feeds: FeedsFileSchema.parse(feedsJson),
  rules: RulesFileSchema.parse(rulesJson),
};
