/**
 * Bad input from a person: the message names the problem, `detail` says more where the problem
 * needs explaining (kept out of the message so that stays one short line), and the example shows
 * what works.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly example?: string,
    readonly detail: readonly string[] = [],
  ) {
    super(message);
    this.name = "UsageError";
  }
}
