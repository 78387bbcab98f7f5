import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { loadBaselineFile } from '../shared/config/load.ts';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { createFactEngine, type FactEngine } from '../shared/facts/analyze.ts';
import { loadRulesFile } from '../shared/facts/rules.ts';
import { SHIPPED_RULES } from '../shared/facts/shipped-rules.ts';
import { ItemHeadSchema } from '../shared/model/items.ts';
import { type BatchResponse, processStreamImages } from '../shared/runtime/batch.ts';
import { logger } from '../shared/runtime/log.ts';
import { type StoreRuntimeSource, storeRuntimeFromEnvironment } from '../shared/runtime/store-environment.ts';
import { currentBaselinesById } from '../shared/store/baseline.ts';
import { analyzeItemVersion } from '../shared/usecases/analyze-item.ts';

// Compiled once per cold start: the rules are pure data.
const storyEngine = bundledStoryEngine(fileURLToPath(new URL('./story/', import.meta.url)));

/**
 * The story the stack copied into this bundle's `story/` folder (a story of the owner's own: infra/function.ts),
 * else the shipped one, which every bundle carries in its code.
 */
function bundledStoryEngine(folder: string): FactEngine {
  if (!existsSync(join(folder, 'rules.json')))
    return createFactEngine(SHIPPED_STORY.baseline.facts, SHIPPED_RULES);
  return createFactEngine(
    loadBaselineFile(join(folder, 'baseline.json')).facts,
    loadRulesFile(join(folder, 'rules.json')),
  );
}

/**
 * analyze λ: for each new or edited item (stream filter), stores its findings
 * against the current baselines. Findings are keyed by item version: a redelivered
 * record writes nothing new.
 */
export const handler = analyzeHandler(() => storeRuntimeFromEnvironment(process.env));

/**
 * The analyze handler, for a runtime from anywhere (the local runner passes its own, and the engine of the
 * story it runs). It needs only the store.
 */
export function analyzeHandler(runtimeOf: StoreRuntimeSource, engine: FactEngine = storyEngine) {
  return async (event: DynamoDBStreamEvent): Promise<BatchResponse> => {
    const runtime = runtimeOf();
    const baselines = await currentBaselinesById(runtime.store);
    return processStreamImages(event, ItemHeadSchema, 'analyze', async (item) => {
      const outcome = await analyzeItemVersion(runtime.store, engine, baselines, item);
      logger.info('analyzed item', { itemKey: item.key, version: item.version, ...outcome });
    });
  };
}
