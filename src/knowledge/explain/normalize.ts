/** The most text explain looks at; a paste beyond this is cut (logs can be huge). */
export const MAX_INPUT_CHARS = 256 * 1024;

// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks) from coloured terminals.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
const OTHER_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Makes a paste comparable: no colour codes or stray control characters, \n line ends, bounded size. */
export function normalizeInput(text: string): string {
  const cut = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  return cut
    .replace(/^\uFEFF/, '')
    .replace(OSC, '')
    .replace(CSI, '')
    .replace(/\x1b/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(OTHER_CONTROL, '');
}
