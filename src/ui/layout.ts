/**
 * How many terminal lines a text takes when wrapped at word boundaries to `width` columns (as
 * Ink's wrap does, closely enough to budget the screen). Long words are cut hard.
 */
export function wrappedLineCount(text: string, width: number): number {
  const w = Math.max(1, width);
  let total = 0;
  for (const line of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of line.split(' ')) {
      let len = Array.from(word).length;
      const need = used === 0 ? len : used + 1 + len;
      if (need <= w) {
        used = need;
        continue;
      }
      if (used > 0) count += 1;
      // A word longer than the line is split across lines.
      while (len > w) {
        count += 1;
        len -= w;
      }
      used = len;
    }
    total += count;
  }
  return total;
}
