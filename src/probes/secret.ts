import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';

// Every credential value wrapped in a Secret this process, so redaction can scrub it wherever it
// turns up as plain text later (an error message, a body excerpt, a log line) even when the code
// that prints it never saw the Secret. Short values are left out: they would shred ordinary words.
const MIN_REGISTERED = 8;
const MAX_REGISTERED = 64;
const registered = new Set<string>();
let version = 0;

function register(value: string): void {
  if (value.length < MIN_REGISTERED || registered.has(value)) return;
  if (registered.size >= MAX_REGISTERED) registered.delete(registered.values().next().value as string);
  registered.add(value);
  version++;
}

/** The values of every Secret created so far (most recent last), and a counter that changes with them. */
export function registeredSecrets(): { values: readonly string[]; version: number } {
  return { values: [...registered], version };
}

/**
 * Holds a credential. Every way of turning it into text prints [REDACTED];
 * only reveal() gives the value, and only code that sends it on the wire should call it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
    register(value);
  }
  reveal(): string {
    return this.#value;
  }
  get length(): number {
    return this.#value.length;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return REDACTED;
  }
  [Symbol.toPrimitive](): string {
    return REDACTED;
  }
}

export { REDACTED };
