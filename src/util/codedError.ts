/**
 * Base for the errors lower layers throw on purpose. `code` is what the GraphQL layer maps to an
 * `extensions.code`; anything that is not a CodedError is masked before it reaches a client.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
