/** The command line itself is wrong (bad option value); exit 2 with the message and the usage hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
