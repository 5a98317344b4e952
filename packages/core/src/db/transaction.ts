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

export function isConditionalFailure(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "cause" in error &&
    (error as { cause?: { name?: string } }).cause?.name === "ConditionalCheckFailedException"
  );
}
