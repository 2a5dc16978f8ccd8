import { afterEach, describe, expect, it, vi } from 'vitest';
import { marked, type Tokens } from 'marked';
import { initialState, reduce } from '../../src/engine/store.js';
import type { CheckResult, EngineEvent } from '../../src/engine/types.js';
import { setLang } from '../../src/knowledge/i18n.js';
import { buildTranscript } from '../../src/transcript/document.js';
import { renderMarkdown } from '../../src/transcript/markdown.js';
import { trimOutput, OUTPUT_LINES } from '../../src/transcript/runs.js';
import { mdCode, mdFence, mermaidLabel } from '../../src/transcript/markdown-escape.js';
import { leaks, recordSession, SEED, TARGET } from './fixture.js';

// The knowledge base is filled in by another issue; here it answers for one code only, so the
// test sees both the explanation path and the "no entry" path.
vi.mock('../../src/knowledge/index.js', () => ({
  knowledgeFor: (code: string) =>
    code === 'CONNECTIVITY_FORBIDDEN_ERROR'
      ? {
          code,
          title: 'Forbidden by the firewall',
          explanation: 'The registry firewall does not let this address in.',
          causes: ['The client IP is not in the allowed list.'],
          docs: 'https://aka.ms/acr/firewall',
        }
      : null,
}));

afterEach(() => setLang('en'));

const flatten = (tokens: Iterable<unknown>): Tokens.Generic[] => [...tokens] as Tokens.Generic[];

async function sessionMarkdown(): Promise<{ md: string; tokens: Tokens.Generic[] }> {
  const rec = await recordSession();
  const doc = buildTranscript(rec.input);
  const md = renderMarkdown(doc, rec.input.secrets);
  return { md, tokens: flatten(marked.lexer(md)) };
}

function failedSession(): { events: EngineEvent[]; md: string } {
  const result = (id: string, status: CheckResult['status'], over: Partial<CheckResult> = {}): CheckResult => ({
    id,
    group: 'registry',
    title: id,
    status,
    code: null,
    summary: 'ok',
    blockedBy: null,
    durationMs: 5,
    details: {},
    remediations: [],
    ...over,
  });
  const at = '2026-11-22T14:00:00.000Z';
  const events: EngineEvent[] = [
    {
      type: 'run-started',
      at,
      checks: [
        { id: 'registry.login-server', group: 'registry', title: 'Login "server" <b>#1</b> | x', dependsOn: [] },
        { id: 'registry.dns', group: 'registry', title: 'DNS', dependsOn: ['registry.login-server'] },
        { id: 'registry.tls', group: 'registry', title: 'TLS', dependsOn: ['registry.dns'] },
      ],
    },
    { type: 'check-finished', at, result: result('registry.login-server', 'pass', { title: 'Login "server" <b>#1</b> | x' }) },
    {
      type: 'check-finished',
      at,
      result: result('registry.dns', 'fail', {
        title: 'DNS',
        code: 'CONNECTIVITY_DNS_ERROR',
        summary: 'NXDOMAIN for a|b *bold* <script>alert(1)</script>\nsecond line',
        details: { host: 'myreg.azurecr.io' },
      }),
    },
    { type: 'check-finished', at, result: result('registry.tls', 'skip', { title: 'TLS', summary: 'Not run', blockedBy: 'registry.dns' }) },
    { type: 'run-finished', at, durationMs: 10, interrupted: false },
  ];
  const state = events.reduce(reduce, initialState);
  const doc = buildTranscript({ events, state, target: TARGET, secrets: [] });
  return { events, md: renderMarkdown(doc) };
}

describe('the Markdown transcript', () => {
  it('parses into a header table and a checks table with status and code per check', async () => {
    const { tokens } = await sessionMarkdown();
    const tables = tokens.filter((t) => t.type === 'table') as Tokens.Table[];
    expect(tables).toHaveLength(2);
    const [header, checks] = tables as [Tokens.Table, Tokens.Table];
    const field = (name: string) => header.rows.find((r) => r[0]!.text === name)?.[1]!.text;
    expect(field('Who')).toContain('alice@contoso.com');
    expect(field('Registry')).toContain('myreg.azurecr.io');
    expect(field('Proxy')).toBe('http://127.0.0.1:3128');
    expect(field('Tool')).toMatch(/^acr-doctor /);
    expect(field('Where')).toContain(process.version);

    expect(checks.header.map((h) => h.text)).toEqual(['Status', 'Check', 'Id', 'Code', 'Summary', 'Time']);
    const byId = new Map(checks.rows.map((r) => [r[2]!.text, r]));
    expect([...byId.keys()]).toEqual(['registry.login-server', 'registry.challenge', 'auth.credential', 'auth.refresh-token']);
    // The final state: the challenge passed after the fix, the crashed check is still a failure.
    expect(byId.get('registry.challenge')![0]!.text).toContain('passed');
    expect(byId.get('auth.refresh-token')![0]!.text).toContain('failed');
    expect(byId.get('auth.refresh-token')![3]!.text).toBe('UNEXPECTED\\_ERROR');
  });

  it('keeps pipes, markup and line breaks of a summary inside its one cell', () => {
    const { md } = failedSession();
    const tables = flatten(marked.lexer(md)).filter((t) => t.type === 'table') as Tokens.Table[];
    const row = tables[1]!.rows.find((r) => r[2]!.text === 'registry.dns')!;
    expect(row).toHaveLength(6);
    const html = marked.parse(md) as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<strong>bold</strong>');
    expect(html).toContain('NXDOMAIN for a|b *bold* &lt;script&gt;alert(1)&lt;/script&gt;<br>second line');
  });

  it('has a Mermaid flowchart of the chain with the failed check styled and its outgoing links highlighted', () => {
    const { md } = failedSession();
    const code = flatten(marked.lexer(md)).filter((t) => t.type === 'code') as Tokens.Code[];
    const mermaid = code.find((c) => c.lang === 'mermaid');
    expect(mermaid).toBeDefined();
    const lines = mermaid!.text.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    const nodeOf = (id: string) => lines.find((l) => l.includes(`<br/>${id}`))!.trim().split('[')[0]!;
    const dns = nodeOf('registry.dns');
    const login = nodeOf('registry.login-server');
    const tls = nodeOf('registry.tls');
    expect(lines).toContain(`  ${login} --> ${dns}`);
    expect(lines).toContain(`  ${dns} --> ${tls}`);
    expect(lines.some((l) => /^\s*classDef fail .*stroke/.test(l))).toBe(true);
    const failClass = lines.find((l) => /^\s*class .* fail$/.test(l))!;
    expect(failClass.trim().split(' ')[1]!.split(',')).toEqual([dns]);
    const edgeIndex = lines.filter((l) => l.includes(' --> ')).findIndex((l) => l.trim() === `${dns} --> ${tls}`);
    expect(lines).toContain(`  linkStyle ${edgeIndex} stroke:#c62828,stroke-width:3px`);
    // Every node label is one quoted string without raw quotes, brackets or tags inside.
    for (const l of lines.filter((x) => /^\s+c\d+\[/.test(x))) expect(l).toMatch(/^\s+c\d+\["[^"<>[\]]*(<br\/>[^"<>[\]]*)*"\]$/);
    expect(lines.join('\n')).toContain('#34;server#34; #60;b#62;#35;1#60;/b#62; #124; x');
  });

  it('explains each failure from the knowledge base, with evidence, and works without an entry', async () => {
    const { md } = await sessionMarkdown();
    const { md: other } = failedSession();
    expect(other).toContain('### ✗ DNS (`registry.dns`)');
    expect(other).toContain('"host": "myreg.azurecr.io"');
    expect(other).not.toContain('What it means');
    // The session's failure at the time was the challenge; it is now fixed, so the crash is the failure.
    expect(md).toContain('Code: `UNEXPECTED_ERROR`');
    expect(md).not.toContain(SEED.crashToken);
  });

  it('uses the knowledge base explanation for a failing code it knows', () => {
    const at = '2026-11-22T14:00:00.000Z';
    const events: EngineEvent[] = [
      { type: 'run-started', at, checks: [{ id: 'registry.challenge', group: 'registry', title: 'Challenge', dependsOn: [] }] },
      {
        type: 'check-finished',
        at,
        result: {
          id: 'registry.challenge', group: 'registry', title: 'Challenge', status: 'fail', code: 'CONNECTIVITY_FORBIDDEN_ERROR',
          summary: '403', blockedBy: null, durationMs: 3, details: { clientIp: '203.0.113.7' }, remediations: [],
        },
      },
    ];
    const md = renderMarkdown(buildTranscript({ events, state: events.reduce(reduce, initialState), target: TARGET, secrets: [] }));
    expect(md).toContain('**What it means:** The registry firewall does not let this address in.');
    expect(md).toContain('- The client IP is not in the allowed list.');
    expect(md).toContain('<https://aka.ms/acr/firewall>');
  });

  it('lists the remediations that were run with argv, exit code, trimmed output and the re-check result', async () => {
    const { md, tokens } = await sessionMarkdown();
    expect(md).toContain("### Allow this client's IP address through the registry firewall (`registry.challenge`)");
    expect(md).toContain('- Command: `az acr network-rule add --name myreg --ip-address 203.0.113.7`');
    expect(md).toContain('- Result: exit code 0 (812 ms)');
    expect(md).toContain('- Check before: ✗ failed CONNECTIVITY\\_FORBIDDEN\\_ERROR');
    expect(md).toContain('- Check afterwards: passed on the re-check (✓ passed)');
    const output = (tokens.filter((t) => t.type === 'code') as Tokens.Code[]).find((c) => c.lang === 'text')!;
    expect(output.text).toContain('"accessToken": "[REDACTED]"');
    expect(output.text).toContain('WARNING: used password [REDACTED] and secret [REDACTED]');
    expect(md).toContain('Run az acr network-rule add --name myreg --ip-address 203.0.113.7? **yes**');
    expect(leaks(md)).toEqual([]);
  });

  it('is written in Swedish when the session language is Swedish', async () => {
    setLang('sv');
    const { md } = await sessionMarkdown();
    expect(md).toContain('## Kontroller');
    expect(md).toContain('## Åtgärder som kördes');
    expect(md).toContain('gick igenom vid omkontrollen');
  });
});

describe('Markdown helpers', () => {
  it('shows the last lines of a long output and says how many were left out', () => {
    const long = Array.from({ length: OUTPUT_LINES + 25 }, (_, i) => `line ${i + 1}`).join('\n');
    const { text, omitted } = trimOutput(long);
    expect(omitted).toBe(25);
    expect(text.split('\n')[0]).toBe('line 26');
    expect(text.endsWith(`line ${OUTPUT_LINES + 25}`)).toBe(true);
  });

  it('drops terminal colour codes and carriage returns from shown output', () => {
    expect(trimOutput('\u001b[32mok\u001b[0m\r\nnext\u001b]0;t\u0007').text).toBe('ok\nnext');
  });

  it('fences code that itself contains backtick fences', () => {
    const inner = 'before\n```\nnot the end\n```\nafter';
    const tokens = flatten(marked.lexer(mdFence(inner, 'text')));
    expect(tokens).toHaveLength(1);
    expect((tokens[0] as Tokens.Code).text).toBe(inner);
    expect((flatten(marked.lexer(mdCode('a `b` c')))[0] as Tokens.Paragraph).tokens[0]).toMatchObject({ type: 'codespan', text: 'a `b` c' });
  });

  it('turns Mermaid syntax characters in labels into entity codes', () => {
    expect(mermaidLabel('a "b" [c] <d> #e')).toBe('a #34;b#34; #91;c#93; #60;d#62; #35;e');
  });
});
