import rulesJson from '../config/stories/tesla-samsung/rules.json' with { type: 'json' };
import { ONCE } from '../config/story.ts';
import { RulesFileSchema } from './rules.ts';

/** The shipped story's match rules as data imported into the code, so a bundled Lambda carries them. */
export const SHIPPED_RULES = RulesFileSchema.parse(rulesJson, ONCE);
