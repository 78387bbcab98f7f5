import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { FILTER_POLICIES } from '../../shared/alerts/routing.ts';

/** The SNS/SQS emulator (fauxqs), running inside this process on a free loopback port. */
export interface RunningSnsEmulator {
  endpoint: string;
  server: FauxqsServer;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs in process. It speaks the SNS and SQS wire protocols, so the real
 * AWS SDK clients talk to it with only a different endpoint.
 *
 * @example
 * const sns = await startSnsEmulator();
 * const client = new SNSClient({ endpoint: sns.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
 */
export async function startSnsEmulator(): Promise<RunningSnsEmulator> {
  const server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    server,
    stop: () => server.stop(),
  };
}

/**
 * The alert topic on the emulator, with an SQS queue standing in for each of the
 * email and SMS subscriptions, subscribed through the stack's own filter policies.
 */
export async function createAlertTopic(sns: SNSClient, sqs: SQSClient) {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'factwatch-alerts' }));
  const subscribers = { email: '', sms: '' };
  for (const channel of ['email', 'sms'] as const) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${channel}-subscriber` }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: Attributes!.QueueArn,
        Attributes: { FilterPolicy: JSON.stringify(FILTER_POLICIES[channel]) },
      }),
    );
    subscribers[channel] = QueueUrl!;
  }
  return { topicArn: TopicArn!, subscribers };
}
