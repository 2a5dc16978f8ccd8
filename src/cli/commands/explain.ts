import type { CliIO } from '../io.js';
import type { ParsedArgs } from '../args.js';
import { readAll } from '../io.js';
import { t } from '../../knowledge/i18n.js';
import { explainText } from '../../knowledge/explain/match.js';
import { MAX_INPUT_CHARS } from '../../knowledge/explain/normalize.js';
import { explainJson, renderExplainPlain } from '../../knowledge/explain/present.js';
import { redactText, secretValuesFromEnv } from '../../transcript/redact.js';
import { plainText } from '../../transcript/control.js';

/** `acr-doctor explain [TEXT ...]`: text from the arguments, or stdin when there are none or just `-`. */
export async function runExplainCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const fromStdin = args.rest.length === 0 || (args.rest.length === 1 && args.rest[0] === '-');
  let text: string;
  if (fromStdin) {
    if (io.stdin.isTTY) io.stderr.write(`${t('explain.waiting')}\n`);
    // Read one byte past the limit so a cut can be reported.
    text = await readAll(io.stdin, MAX_INPUT_CHARS * 4 + 4);
  } else {
    text = args.rest.join(' ');
  }
  if (text.length > MAX_INPUT_CHARS) io.stderr.write(`acr-doctor: ${t('explain.truncated', { limit: MAX_INPUT_CHARS / 1024 })}\n`);

  const matches = explainText(text, { registry: args.registry });
  // Pasted text is untrusted and may hold a token: whatever is echoed back is scrubbed again, and
  // the plain answer loses any escape sequence the paste carried (our own colours are added after).
  const known = secretValuesFromEnv(io.env);
  if (args.options.json) {
    io.stdout.write(`${redactText(JSON.stringify(explainJson(matches), null, 2), known)}\n`);
  } else if (matches.length > 0) {
    const color = args.options.color && Boolean(io.stdout.isTTY);
    const safe = matches.map((m) => ({ ...m, evidence: Object.fromEntries(Object.entries(m.evidence).map(([k, v]) => [k, typeof v === 'string' ? plainText(v) : v])) }));
    io.stdout.write(redactText(renderExplainPlain(safe as typeof matches, { color }), known));
  }
  if (matches.length === 0) {
    io.stderr.write(`acr-doctor: ${t('explain.nothing')}\n${t('explain.hint')}\n`);
    return 1;
  }
  return 0;
}
