import type { DynamoDBStreamEvent } from 'aws-lambda';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { createFactEngine } from '../shared/facts/analyze.ts';
import { findingsForItem } from '../shared/facts/findings.ts';
import { SHIPPED_RULES } from '../shared/facts/shipped-rules.ts';
import type { ItemHead } from '../shared/model/items.ts';
import { type BatchResponse, logJson, processBatch } from '../shared/runtime/batch.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { newImageOf } from '../shared/runtime/stream.ts';
import { currentBaselinesById } from '../shared/store/baseline.ts';
import { saveFinding } from '../shared/store/findings.ts';

// Compiled once per cold start: the rules are pure data.
const engine = createFactEngine(SHIPPED_STORY.baseline.facts, SHIPPED_RULES);

/**
 * analyze λ: for each new or edited item (stream filter), stores its findings
 * against the current baselines. Findings are keyed by item version: a redelivered
 * record writes nothing new.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<BatchResponse> => {
  const runtime = runtimeFromEnvironment();
  const baselines = await currentBaselinesById(runtime.store);
  return processBatch(
    event.Records,
    (record) => record.dynamodb?.SequenceNumber ?? '',
    async (record) => {
      const item = newImageOf<ItemHead>(record as never);
      if (!item) return;
      const findings = findingsForItem(item, engine, baselines);
      const stored = await Promise.all(findings.map((finding) => saveFinding(runtime.store, finding)));
      logJson('info', 'analyzed item', {
        itemKey: item.key,
        version: item.version,
        findings: findings.length,
        stored: stored.filter(Boolean).length,
      });
    },
    { ordered: true, onError: (error) => logJson('error', 'analyze failed', { error: String(error) }) },
  );
};
