import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { FactwatchError } from '../errors.ts';
import { toGsm7 } from './gsm.ts';
import { messageAttributes, type Routing } from './routing.ts';

/** An SNS client and the topic it publishes to. */
export interface Publisher {
  sns: SNSClient;
  topicArn: string;
}

/** SNS subjects must be ASCII, at most 100 characters, on one line. */
export function asciiSubject(subject: string): string {
  const ascii = toGsm7(subject.replace(/€/g, 'EUR ').replace(/£/g, 'GBP ').replace(/¥/g, 'JPY ')).replace(
    /[^\x20-\x7E]/g,
    '',
  );
  return (ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii) || 'factwatch';
}

export class PublishError extends FactwatchError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('publish', message, options);
    this.name = 'PublishError';
  }
}

/**
 * Publishes one message with MessageStructure=json (a body per protocol: `email`,
 * `sms`, and the required `default`) and the routing attributes the subscriptions
 * filter on. Returns the SNS message id.
 *
 * @example
 * const id = await publish(publisher, { subject, email, sms, default: sms }, { kind: 'alert', … });
 */
export async function publish(
  publisher: Publisher,
  message: { subject: string; email: string; sms: string; default: string },
  routing: Routing,
): Promise<string> {
  try {
    const result = await publisher.sns.send(
      new PublishCommand({
        TopicArn: publisher.topicArn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: message.default, email: message.email, sms: message.sms }),
        Subject: asciiSubject(message.subject),
        MessageAttributes: messageAttributes(routing),
      }),
    );
    if (!result.MessageId) throw new PublishError('SNS accepted the message but returned no id');
    return result.MessageId;
  } catch (error) {
    if (error instanceof PublishError) throw error;
    throw new PublishError(
      `cannot publish to ${publisher.topicArn}: ${(error as Error).message || (error as Error).name}`,
      { cause: error },
    );
  }
}
