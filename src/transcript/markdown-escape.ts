/**
 * Text that reads literally in Markdown: punctuation that could start markup is backslash-escaped,
 * and a leading list marker ("- ", "+ ", "1. ") is defused.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]{}<>#|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A GFM table cell: literal text, pipes escaped, line breaks kept as <br>. */
export function mdCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => mdText(line))
    .join('<br>');
}

/** An inline code span that survives backticks in its content. */
export function mdCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function mdFence(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${lang}\n${body}${fence}`;
}

/**
 * A Mermaid label inside double quotes. Characters Mermaid or the HTML it renders would read as
 * syntax become entity codes (#35; for '#', and so on); line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[#&"<>`|{}[\]();\\]/g, (c) => `#${c.charCodeAt(0)};`);
}
