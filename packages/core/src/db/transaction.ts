// ElectroDB reports a cancelled transaction per operation; these helpers read that report.
export type TransactionResult = {
  canceled: boolean;
  data: ReadonlyArray<{ rejected: boolean; code: string }>;
};

/** Indexes of the operations whose condition failed (empty when the transaction committed). */
export function failedConditions(result: TransactionResult): number[] {
  if (!result.canceled) return [];
  const failed = result.data.flatMap((op, i) => (op.code === "ConditionalCheckFailed" ? [i] : []));
  // Cancelled for another reason (a concurrent transaction on the same item): report every
  // operation as failed so callers re-read and answer with the current state.
  return failed.length ? failed : result.data.map((_, i) => i);
}

/**
 * Whether a write failed because its condition no longer held: the AWS SDK's own error, or
 * ElectroDB's, which carries it as its cause. Nothing else (a throttle, a bad expression, the
 * network) counts, so callers that take a failed condition as "someone got there first" rethrow it.
 */
export function isConditionalFailure(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, cause } = error as { name?: unknown; cause?: { name?: unknown } };
  return name === "ConditionalCheckFailedException" || cause?.name === "ConditionalCheckFailedException";
}

/**
 * Waits for a conditional write and answers whether it was made: false when its condition no
 * longer held (another run or request got there first, the item is gone). Any other failure (a
 * throttle, the network, a bad expression) is thrown, never taken for "someone else has it".
 */
export async function conditionalWrite(write: PromiseLike<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}
