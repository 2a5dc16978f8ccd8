import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDistribution, startDistribution, type Distribution } from '../../support/distribution.js';
import { requireTool } from '../../support/tools.js';
import { Secret } from '../../../src/probes/secret.js';
import { runAuthChain } from './chain.js';

const available = requireTool(hasDistribution(), 'docker-registry (CNCF Distribution)');
const USER = 'tester';
const PASSWORD = 'dist-Pa55word-4711';

describe.skipIf(!available)('against a real Distribution registry with htpasswd', () => {
  let reg: Distribution;
  beforeAll(async () => {
    reg = await startDistribution({ tls: true, htpasswd: { username: USER, password: PASSWORD } });
  });
  afterAll(async () => {
    await reg?.close();
  });

  it('basic credentials are accepted on /v2/ and no refresh token is asked for', async () => {
    const r = await runAuthChain(reg.loginServer, { caFile: reg.caFile!, username: USER, password: new Secret(PASSWORD) }, {});
    expect(r.results.get('auth.credential')!.status).toBe('pass');
    expect(r.results.get('auth.refresh-token')!.status).toBe('skip');
    expect(r.results.get('auth.access-token')!).toMatchObject({ status: 'pass', code: null });
    expect(JSON.stringify([...r.results.values()]) + r.logs.join('\n')).not.toContain(PASSWORD);
  });

  it('a wrong password is CONNECTIVITY_ACCESS_TOKEN_ERROR', async () => {
    const r = await runAuthChain(reg.loginServer, { caFile: reg.caFile!, username: USER, password: new Secret('wrong-password') }, {});
    expect(r.results.get('auth.access-token')!).toMatchObject({ status: 'fail', code: 'CONNECTIVITY_ACCESS_TOKEN_ERROR' });
    expect(r.results.get('auth.access-token')!.summary).toMatch(/refused the user name tester/);
  });

  it('anonymous access is refused with ANONYMOUS_PULL_DISABLED, without an az command for a non-Azure registry', async () => {
    const r = await runAuthChain(reg.loginServer, { caFile: reg.caFile!, auth: 'anonymous' }, {});
    const access = r.results.get('auth.access-token')!;
    expect(access).toMatchObject({ status: 'fail', code: 'ANONYMOUS_PULL_DISABLED' });
    expect(access.remediations.some((x) => x.command?.[0] === 'az')).toBe(false);
  });
});
