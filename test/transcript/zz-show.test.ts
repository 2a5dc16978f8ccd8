import { it } from 'vitest';
import { recordSession } from '/work/main/test/transcript/fixture.js';
import { buildTranscript } from '/work/main/src/transcript/document.js';
import { renderMarkdown } from '/work/main/src/transcript/markdown.js';
it('show', async () => {
  const rec = await recordSession();
  const md = renderMarkdown(buildTranscript(rec.input), rec.input.secrets);
  console.log(md.slice(md.indexOf('## Fixes')));
});
