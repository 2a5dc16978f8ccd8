/** Bad input from the person: printed as one sentence, exit code 2, nothing else done. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
