import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { FactwatchError } from '../errors.ts';
import { removeUnsafe } from '../feeds/clean-text.ts';
import { toGsm7 } from './gsm.ts';
import type { Outbox } from './outbox.ts';
import { messageAttributes, type Routing } from './routing.ts';

/** An SNS client and the topic it publishes to; local runs also keep an outbox. */
export interface Publisher {
  sns: SNSClient;
  topicArn: string;
  /** Written (durably) before each publish, so a local run that dies loses no message. */
  outbox?: Outbox;
}

/** SNS subjects must be ASCII, at most 100 characters, on one line. */
export function asciiSubject(subject: string): string {
  const ascii = toGsm7(subject.replace(/€/g, 'EUR ').replace(/£/g, 'GBP ').replace(/¥/g, 'JPY ')).replace(
    /[^\x20-\x7E]/g,
    '',
  );
  return (ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii) || 'factwatch';
}

/** An email body stops at this many UTF-8 bytes: SNS takes 256 KB for the whole message, all bodies together. */
export const EMAIL_BODY_MAX_BYTES = 128 * 1024;
const TRUNCATED = '\n… (truncated)';

/**
 * A message every reader may receive and SNS accepts: no control, bidi or
 * zero-width character in any body, the email body capped with "… (truncated)",
 * the SMS and default bodies at most 1,600 characters.
 *
 * @example
 * boundedMessage({ subject: 's', email: 'x'.repeat(500_000), sms: 's', default: 's' }).email.endsWith('(truncated)'); // true
 */
export function boundedMessage(message: { subject: string; email: string; sms: string; default: string }) {
  return {
    subject: removeUnsafe(message.subject),
    email: capBytes(removeUnsafe(message.email), EMAIL_BODY_MAX_BYTES),
    sms: removeUnsafe(message.sms).slice(0, 1600),
    default: removeUnsafe(message.default).slice(0, 1600),
  };
}

function capBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(TRUNCATED);
  // The longest prefix within the budget: binary search on its length in characters.
  let [low, high] = [0, Math.min(text.length, budget)];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(text.slice(0, middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low)}${TRUNCATED}`;
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
  raw: { subject: string; email: string; sms: string; default: string },
  routing: Routing,
): Promise<string> {
  const message = boundedMessage(raw);
  publisher.outbox?.record({ ...message, routing });
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
