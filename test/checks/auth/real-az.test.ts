import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialCheck } from '../../../src/checks/auth/credential.js';
import { runProcess } from '../../../src/probes/process.js';
import { hasCommand, requireTool } from '../../support/tools.js';
import { fakeContext } from './fakes.js';

describe('auth.credential with the real Azure CLI', () => {
  it.skipIf(!requireTool(hasCommand('az'), 'az (Azure CLI)'))('a fresh, signed-out configuration is AAD_TOKEN_ERROR with az login', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-azcfg-'));
    try {
      const f = fakeContext({ env: { PATH: process.env.PATH, HOME: dir, AZURE_CONFIG_DIR: dir, AZURE_CORE_COLLECT_TELEMETRY: 'no' } });
      f.ctx.probes.runProcess = runProcess;
      f.ctx.timeoutMs = 60_000;
      const out = await credentialCheck.run(f.ctx);
      expect(out).toMatchObject({ status: 'fail', code: 'AAD_TOKEN_ERROR' });
      expect(out.details).toMatchObject({ source: 'az', failure: 'logged-out', message: "Please run 'az login' to setup account." });
      expect(out.remediations?.[0]).toMatchObject({ command: ['az', 'login'], interactive: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
