/** A mistake in how the command was called (a flag's value): exit 2, the message alone. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
