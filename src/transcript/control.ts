// Terminal escape sequences: CSI (colours, cursor moves), OSC (window titles, links), and the
// two-character ones. A transcript shows text; a replayed file must not drive the terminal.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
// Control characters other than newline and tab (CR, backspace, bell, C1).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text without terminal escape sequences and control characters (newline and tab stay). */
export function plainText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}
