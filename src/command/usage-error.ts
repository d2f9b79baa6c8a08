/** Bad input from a person: the message names the problem, the example shows what works. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly example?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
