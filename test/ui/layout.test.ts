import { describe, expect, it } from 'vitest';
import { wrappedLineCount } from '../../src/ui/layout.js';

describe('wrappedLineCount', () => {
  it('counts lines as word wrap makes them', () => {
    expect(wrappedLineCount('', 10)).toBe(1);
    expect(wrappedLineCount('short', 10)).toBe(1);
    expect(wrappedLineCount('aaaa bbbb cccc', 10)).toBe(2);
    expect(wrappedLineCount('a\nb', 10)).toBe(2);
    expect(wrappedLineCount('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLineCount('ab ' + 'x'.repeat(25), 10)).toBe(4);
  });
});
