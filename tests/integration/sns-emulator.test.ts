import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSnsEmulator, startSnsEmulator } from '../../apps/local/sns-emulator.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/store/client.ts';

describe('startSnsEmulator()', () => {
  let emulator: RunningSnsEmulator;
  let sns: SNSClient;
  let sqs: SQSClient;
  beforeAll(async () => {
    emulator = await startSnsEmulator();
    const config = { endpoint: emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    sns = new SNSClient(config);
    sqs = new SQSClient(config);
  });
  afterAll(async () => {
    sns.destroy();
    sqs.destroy();
    await emulator.stop();
  });

  async function subscribedQueue(topicArn: string, name: string, filterPolicy: object) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: Attributes!.QueueArn,
        Attributes: { FilterPolicy: JSON.stringify(filterPolicy), RawMessageDelivery: 'true' },
      }),
    );
    return QueueUrl!;
  }

  async function drain(queueUrl: string): Promise<string[]> {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    return Messages.map((message) => message.Body ?? '');
  }

  it('routes a publish through SQS subscriptions by message-attribute filter policy', async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'factwatch-alerts' }));
    const smsQueue = await subscribedQueue(TopicArn!, 'sms', { kind: ['alert'], severity: ['high'] });
    const emailQueue = await subscribedQueue(TopicArn!, 'email', { kind: ['alert', 'digest', 'ops'] });
    const publish = (message: string, kind: string, severity: string) =>
      sns.send(
        new PublishCommand({
          TopicArn,
          Message: message,
          MessageAttributes: {
            kind: { DataType: 'String', StringValue: kind },
            severity: { DataType: 'String', StringValue: severity },
          },
        }),
      );

    await publish('high alert', 'alert', 'high');
    await publish('low alert', 'alert', 'low');
    await publish('daily digest', 'digest', 'low');

    expect(await drain(smsQueue)).toEqual(['high alert']);
    expect((await drain(emailQueue)).sort()).toEqual(['daily digest', 'high alert', 'low alert']);
  });
});
