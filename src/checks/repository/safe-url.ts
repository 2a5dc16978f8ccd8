import { redactText } from '../../transcript/redact.js';

/** scheme://host/path of a URL without its query (a SAS signature lives there). */
export function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/** Text from an error that may quote a URL: queries dropped, secret shapes scrubbed. */
export function safeText(text: string): string {
  return redactText(text.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/g, '$1')).slice(0, 300);
}
