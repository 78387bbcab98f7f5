import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FILTER_POLICIES } from '../../shared/alerts/routing.ts';
import { type Delivery, receiveDeliveries } from '../../shared/local/pipeline.ts';
import { type RunningSnsEmulator, startSnsEmulator } from '../../shared/local/sns-emulator.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/store/client.ts';

export interface AlertTopic {
  emulator: RunningSnsEmulator;
  publisher: { sns: SNSClient; topicArn: string };
  /** Everything delivered to the email / SMS subscriber since the last drain. */
  drain(channel: 'email' | 'sms'): Promise<Delivery[]>;
  stop(): Promise<void>;
}

/**
 * A topic on the SNS emulator with two SQS queues standing in for the email and
 * SMS subscriptions, subscribed through the exact filter policies the stack uses.
 * fauxqs does not implement MessageStructure=json (it delivers the whole JSON
 * document), so `drain` picks the protocol's body out of it, as SNS would
 * (the same reader the local runner uses).
 */
export async function startAlertTopic(): Promise<AlertTopic> {
  const emulator = await startSnsEmulator();
  const config = { endpoint: emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'factwatch-alerts' }));
  const queues: Record<'email' | 'sms', string> = { email: '', sms: '' };
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
    queues[channel] = QueueUrl!;
  }
  return {
    emulator,
    publisher: { sns, topicArn: TopicArn! },
    drain: (channel) => receiveDeliveries(sqs, queues[channel], channel),
    async stop() {
      sns.destroy();
      sqs.destroy();
      await emulator.stop();
    },
  };
}
