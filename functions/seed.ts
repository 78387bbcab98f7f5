import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { FeedsFileSchema } from '../shared/config/schemas.ts';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { logJson } from '../shared/runtime/batch.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { seedBaseline } from '../shared/store/baseline.ts';
import { registerFeed } from '../shared/store/feeds.ts';

/**
 * seed λ (custom resource): on create and update, adds baseline facts that are not
 * there yet (never overwriting an accepted version) and registers the feeds
 * (keeping their poll state). Delete does nothing: the table and its history stay.
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
    for (const feed of feeds) await registerFeed(runtime.store, feed, now);
    logJson('info', 'seeded', { facts, feeds: feeds.length });
  }
  return { PhysicalResourceId: 'factwatch-seed' };
};
