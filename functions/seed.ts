import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { FeedsFileSchema } from '../shared/config/schemas.ts';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { logJson } from '../shared/runtime/batch.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { seedBaseline } from '../shared/store/baseline.ts';
import { syncFeeds } from '../shared/store/feeds.ts';

/**
 * seed λ (custom resource): on create and update, adds baseline facts that are not
 * there yet (never overwriting an accepted version) and registers the feeds
 * (keeping their poll state); feeds no longer in the file are retired, their history
 * kept. Delete does nothing: the table and its history stay.
 */
export const handler = async (event: CloudFormationCustomResourceEvent) => {
  if (event.RequestType !== 'Delete') {
    const runtime = runtimeFromEnvironment();
    const now = new Date();
    const feeds = FeedsFileSchema.parse(JSON.parse(String(event.ResourceProperties.Feeds ?? '[]')));
    const facts = await seedBaseline(
      runtime.store,
      SHIPPED_STORY.baseline.facts,
      now,
      SHIPPED_STORY.baseline,
    );
    const { retired, restored } = await syncFeeds(runtime.store, feeds, now);
    logJson('info', 'seeded', { facts, feeds: feeds.length, retired, restored });
  }
  return { PhysicalResourceId: 'factwatch-seed' };
};
