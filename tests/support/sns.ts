import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type Delivery, receiveDeliveries } from '../../apps/local/pipeline.ts';
import {
  createAlertTopic,
  type RunningSnsEmulator,
  startSnsEmulator,
} from '../../apps/local/sns-emulator.ts';
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
  const { topicArn, subscribers: queues } = await createAlertTopic(sns, sqs);
  return {
    emulator,
    publisher: { sns, topicArn },
    drain: (channel) => receiveDeliveries(sqs, queues[channel], channel),
    async stop() {
      sns.destroy();
      sqs.destroy();
      await emulator.stop();
    },
  };
}

/**
 * The λ environment of handlers under test: the store on the test DynamoDB Local, the
 * topic on the emulator, logs silent, and the alert settings given.
 */
export function handlerEnvironment(
  store: { tableName: string },
  topic: AlertTopic,
  dynamoEndpoint: string,
  alertConfig: Record<string, unknown>,
): Record<string, string> {
  return {
    TABLE_NAME: store.tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    TOPIC_ARN: topic.publisher.topicArn,
    SNS_ENDPOINT: topic.emulator.endpoint,
    SQS_ENDPOINT: topic.emulator.endpoint,
    FACTWATCH_LOG: 'silent',
    ALERT_CONFIG: JSON.stringify(alertConfig),
  };
}
