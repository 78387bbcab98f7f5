import { resolve } from 'node:path';
import rulesJson from '../config/stories/tesla-samsung/rules.json' with { type: 'json' };
import { ONCE } from '../config/story.ts';
import { DEFAULT_RULES_FILE, loadRulesFile, type RulesFile, RulesFileSchema } from './rules.ts';

/** The shipped story's match rules as data imported into the code, so a bundled Lambda carries them. */
export const SHIPPED_RULES = RulesFileSchema.parse(rulesJson, ONCE);

/** The rules at `path`: the shipped ones without reading their file again, else the file, validated. */
export function rulesAt(path: string): RulesFile {
  return resolve(path) === resolve(DEFAULT_RULES_FILE) ? SHIPPED_RULES : loadRulesFile(path);
}
