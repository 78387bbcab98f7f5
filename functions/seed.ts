import { DeleteParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { SHIPPED_STORY } from '../shared/config/story.ts';
import { BaselineFileSchema, FeedsFileSchema } from '../shared/model/story.ts';
import { newLinkToken, REPORT_LINK_RESOURCE } from '../shared/report/link.ts';
import { runtimeFromEnvironment } from '../shared/runtime/environment.ts';
import { logger } from '../shared/runtime/log.ts';
import { seedBaseline, sheetDrift } from '../shared/store/baseline.ts';
import { syncFeeds } from '../shared/store/feeds.ts';

/**
 * seed λ (custom resources, on deploy). The story: on create and update, adds baseline
 * facts that are not there yet (never overwriting an accepted version) and registers
 * the feeds (keeping their poll state); feeds no longer in the file are retired, their
 * history kept; delete does nothing, the table and its history stay. The report link:
 * a new random token in its SecureString parameter on create and whenever
 * `reportLinkVersion` changes; removed with the stack.
 */
export const handler = async (event: CloudFormationCustomResourceEvent) => {
  if (event.ResourceType === REPORT_LINK_RESOURCE) return reportLinkToken(event);
  if (event.RequestType !== 'Delete') await seedStory(event.ResourceProperties);
  return { PhysicalResourceId: 'factwatch-seed' };
};

async function seedStory(properties: Record<string, unknown>): Promise<void> {
  const runtime = runtimeFromEnvironment(process.env);
  const now = new Date();
  // The stack always sends its feeds file; without one, seeding would retire every feed.
  if (properties.Feeds === undefined) throw new Error('seed: the custom resource sent no Feeds property');
  const feeds = FeedsFileSchema.parse(JSON.parse(String(properties.Feeds)));
  // The owner's sheet (baselineFile) when the stack was given one; older stacks sent none.
  const sheet = properties.Baseline
    ? BaselineFileSchema.parse(JSON.parse(String(properties.Baseline)))
    : SHIPPED_STORY.baseline;
  const facts = await seedBaseline(runtime.store, sheet.facts, now, sheet);
  const { retired, restored, moved } = await syncFeeds(runtime.store, feeds, now);
  // An edited sheet never overwrites an accepted version: the drift is logged, and settled with accept --from-file.
  const { disagree: drift, notInSheet } = await sheetDrift(runtime.store, sheet.facts);
  logger.info('seeded', { facts, feeds: feeds.length, retired, restored, moved, drift, notInSheet });
}

/**
 * The token is made here, not in the template: CloudFormation cannot create a
 * SecureString, and a token in the template would be readable by anyone who can read
 * the stack. It never leaves the parameter (no output, no log).
 */
async function reportLinkToken(event: CloudFormationCustomResourceEvent) {
  const name = String(event.ResourceProperties.Parameter);
  const ssm = new SSMClient({});
  try {
    if (event.RequestType === 'Delete') {
      await ssm.send(new DeleteParameterCommand({ Name: name })).catch((error: Error) => {
        if (error.name !== 'ParameterNotFound') throw error;
      });
    } else {
      await ssm.send(
        new PutParameterCommand({ Name: name, Value: newLinkToken(), Type: 'SecureString', Overwrite: true }),
      );
      logger.info('report link token set', {
        parameter: name,
        version: event.ResourceProperties.LinkVersion,
      });
    }
  } finally {
    ssm.destroy();
  }
  return { PhysicalResourceId: name };
}
