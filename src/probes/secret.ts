import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';

/**
 * Holds a credential. Every way of turning it into text prints [REDACTED];
 * only reveal() gives the value, and only code that sends it on the wire should call it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
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
