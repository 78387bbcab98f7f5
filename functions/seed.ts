import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { BaselineFileSchema, FeedsFileSchema } from '../shared/model/story.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { seedBaseline, sheetDrift } from '../shared/store/baseline.ts';
import { syncFeeds } from '../shared/store/feeds.ts';

/**
 * seed λ (custom resource): on create and update, adds baseline facts that are not
 * there yet (never overwriting an accepted version) and registers the feeds
 * (keeping their poll state); feeds no longer in the file are retired, their history
 * kept. Delete does nothing: the table and its history stay.
 */
export const handler = async (event: CloudFormationCustomResourceEvent) => {
  if (event.RequestType !== 'Delete') {
    const runtime = runtimeFromEnvironment(process.env);
    const now = new Date();
    const feeds = FeedsFileSchema.parse(JSON.parse(String(event.ResourceProperties.Feeds ?? '[]')));
    // The owner's sheet (baselineFile) when the stack was given one; older stacks sent none.
    const sheet = event.ResourceProperties.Baseline
      ? BaselineFileSchema.parse(JSON.parse(String(event.ResourceProperties.Baseline)))
      : SHIPPED_STORY.baseline;
    const facts = await seedBaseline(runtime.store, sheet.facts, now, sheet);
    const { retired, restored } = await syncFeeds(runtime.store, feeds, now);
    // An edited sheet never overwrites an accepted version: the drift is logged, and settled with accept --from-file.
    const drift = await sheetDrift(runtime.store, sheet.facts);
    logger.info('seeded', { facts, feeds: feeds.length, retired, restored, drift });
  }
  return { PhysicalResourceId: 'factwatch-seed' };
};
