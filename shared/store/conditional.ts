import { isConditionalCheckFailure } from '../errors.ts';

/** What a conditional write returns when its condition did not hold. */
export const CONDITION_FAILED = Symbol('condition failed');

/**
 * Runs one conditional write (Put, Update, Delete or a transaction) and returns its
 * result, or CONDITION_FAILED when DynamoDB refused it because its condition did not
 * hold — someone wrote first, or the record moved on. Any other failure throws. Every
 * store module's conditional writes go through here (or writeIf).
 *
 * @example
 * const written = await whenCondition(() => store.doc.send(new UpdateCommand({ …, ReturnValues: 'ALL_NEW' })));
 * if (written === CONDITION_FAILED) return undefined;
 */
export async function whenCondition<T>(write: () => Promise<T>): Promise<T | typeof CONDITION_FAILED> {
  try {
    return await write();
  } catch (error) {
    if (isConditionalCheckFailure(error)) return CONDITION_FAILED;
    throw error;
  }
}

/**
 * True when the conditional write was applied, false when its condition did not hold.
 *
 * @example
 * const first = await writeIf(() => store.doc.send(new PutCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' })));
 */
export async function writeIf(write: () => Promise<unknown>): Promise<boolean> {
  return (await whenCondition(write)) !== CONDITION_FAILED;
}
