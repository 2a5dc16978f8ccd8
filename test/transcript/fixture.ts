import { makeOptions } from '../support/options.js';
import { runChecks, type Finished } from '../../src/engine/runner.js';
import { initialState, reduce, type SessionState } from '../../src/engine/store.js';
import type { CheckDefinition, EngineEvent, Probes, SessionOptions, Target } from '../../src/engine/types.js';
import type { ExportInput } from '../../src/transcript/export.js';
import { buildSessionInfo } from '../../src/transcript/session-info.js';

/** Secret values seeded through every path; none may reach any output. */
export const SEED = {
  password: 'PwSeed-7Hq2LmX9vR4t',
  clientSecret: 'CsSeed~8Jk3.Np5Wz1yQ',
  // header.payload.signature: {"alg":"RS256"} . {"sub":"seed"} . "signature-seed"
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWVkLXVzZXItMDAxIn0.c2lnbmF0dXJlLXNlZWQtMDAx',
  sasSig: 'SasSeedSig0x9f%2Bq7',
  bearer: 'opaqueBearerSeed42xyz',
  basic: 'dXNlcjpQd1NlZWQtYmFzaWM=',
  refreshForm: 'RefreshFormSeed987',
  refreshJson: 'RefreshJsonSeed654',
  crashToken: 'CrashAccessSeed321',
  proxyPassword: 'ProxyPwSeed555',
} as const;

/** Substrings that would prove a leak (the secret parts, not the field names around them). */
export const NEEDLES: string[] = [
  SEED.password,
  SEED.clientSecret,
  'eyJzdWIiOiJzZWVkLXVzZXItMDAxIn0',
  'c2lnbmF0dXJlLXNlZWQtMDAx',
  SEED.sasSig,
  'SasSeedSig0x9f',
  SEED.bearer,
  SEED.basic,
  'dXNlcjpQd1NlZWQtYmFzaWM',
  SEED.refreshForm,
  SEED.refreshJson,
  SEED.crashToken,
  SEED.proxyPassword,
];

export function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.includes(n));
}

export const TARGET: Target = { input: 'myreg', registryName: 'myreg', loginServer: 'myreg.azurecr.io', cloud: 'AzureCloud' };

export function options(over: Partial<SessionOptions> = {}): SessionOptions {
  return makeOptions({ registry: 'myreg', timeoutSeconds: 5, ...over });
}

export function fakeProbes(env: Record<string, string | undefined> = {}): Probes {
  return {
    runProcess: async (argv) => ({ argv, exitCode: 0, stdout: '', stderr: '', notFound: false, timedOut: false, aborted: false, durationMs: 1 }),
    http: {
      request: async () => {
        throw new Error('no network in this test');
      },
      stats: () => ({ requests: 0, connections: {} }),
      close: async () => {},
    } as unknown as Probes['http'],
    env,
    platform: 'linux',
  };
}

/**
 * A small chain shaped like the real one. The challenge check fails until `fixed` is set (as the
 * firewall remediation would do); one check crashes with a token in its error message.
 */
export function chain(state: { fixed: boolean }): CheckDefinition[] {
  return [
    {
      id: 'registry.login-server',
      group: 'registry',
      title: 'Registry login server',
      dependsOn: [],
      codes: ['LOGIN_SERVER_ERROR'],
      run: async (ctx) => {
        ctx.log(`> GET https://myreg.azurecr.io/v2/ Authorization: Bearer ${SEED.bearer}`);
        ctx.log(`> POST /oauth2/token body: grant_type=refresh_token&refresh_token=${SEED.refreshForm}&scope=x`);
        ctx.log(`proxy http://user:${SEED.proxyPassword}@127.0.0.1:3128 password ${SEED.password}`);
        return { status: 'pass', summary: 'myreg.azurecr.io', details: { loginServer: 'myreg.azurecr.io' } };
      },
    },
    {
      id: 'registry.challenge',
      group: 'registry',
      title: 'Registry answers with an authentication challenge',
      dependsOn: ['registry.login-server'],
      codes: ['CONNECTIVITY_FORBIDDEN_ERROR'],
      run: async () =>
        state.fixed
          ? { status: 'pass', summary: 'Bearer challenge received.', details: { status: 401 } }
          : {
              status: 'fail',
              code: 'CONNECTIVITY_FORBIDDEN_ERROR',
              summary: "403 Forbidden: client with IP '203.0.113.7' is not allowed access | see <docs>",
              details: {
                status: 403,
                clientIp: '203.0.113.7',
                redirect: `https://acct.blob.core.windows.net/c/blob?sv=2021-08-06&se=2026-01-01&sig=${SEED.sasSig}`,
                wwwAuthenticate: 'Bearer realm="https://myreg.azurecr.io/oauth2/token",service="myreg.azurecr.io"',
                body: `{"refresh_token":"${SEED.refreshJson}","note":"seen"}`,
                header: `Authorization: Basic ${SEED.basic}`,
              },
              remediations: [
                {
                  id: 'allow-client-ip',
                  title: 'Allow this client\'s IP address through the registry firewall',
                  command: ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'],
                  changes: true,
                  docs: 'https://aka.ms/acr/firewall',
                },
              ],
            },
    },
    {
      id: 'auth.credential',
      group: 'auth',
      title: 'Credential to sign in with',
      dependsOn: [],
      codes: ['AAD_TOKEN_ERROR'],
      run: async () => ({
        status: 'pass',
        summary: 'Signed in as alice@contoso.com',
        details: {
          identity: {
            kind: 'user',
            name: 'alice@contoso.com',
            objectId: '00000000-0000-0000-0000-0000000000a1',
            tenantId: '00000000-0000-0000-0000-0000000000t1',
            audience: 'https://management.azure.com/',
            expiresAt: '2026-11-22T15:00:00.000Z',
          },
        },
      }),
    },
    {
      id: 'auth.refresh-token',
      group: 'auth',
      title: 'Registry refresh token from the AAD token',
      dependsOn: ['registry.challenge', 'auth.credential'],
      codes: ['CONNECTIVITY_REFRESH_TOKEN_ERROR'],
      run: async () => {
        throw new Error(`exchange failed: access_token=${SEED.crashToken} was rejected (Bearer ${SEED.jwt})`);
      },
    },
  ];
}

export interface Recorded {
  events: EngineEvent[];
  state: SessionState;
  input: ExportInput;
}

/**
 * Records a whole session: a run where the challenge fails, a prompt and answer, the firewall
 * remediation (whose output carries an `az acr login --expose-token` style token split across two
 * chunks, and the password), and the re-run of the challenge and its dependents.
 */
export async function recordSession(): Promise<Recorded> {
  const events: EngineEvent[] = [];
  let state = initialState;
  const emit = (e: EngineEvent): void => {
    events.push(e);
    state = reduce(state, e);
  };
  const env = { HTTPS_PROXY: `http://user:${SEED.proxyPassword}@127.0.0.1:3128` };
  emit({ type: 'session-info', at: new Date().toISOString(), info: buildSessionInfo({ target: TARGET, env, mode: 'wizard' }) });
  const fix = { fixed: false };
  const checks = chain(fix);
  const opts = options();
  const probes = fakeProbes();
  const first = await runChecks({ checks, options: opts, target: TARGET, probes, emit, graceMs: 50 });

  const at = (): string => new Date().toISOString();
  emit({ type: 'prompt', at: at(), id: 'q1', question: 'Run az acr network-rule add --name myreg --ip-address 203.0.113.7?', checkId: 'registry.challenge' });
  emit({ type: 'answer', at: at(), id: 'q1', answer: true });
  const argv = ['az', 'acr', 'network-rule', 'add', '--name', 'myreg', '--ip-address', '203.0.113.7'];
  emit({ type: 'remediation-started', at: at(), runId: 'r1', checkId: 'registry.challenge', remediationId: 'allow-client-ip', title: 'Allow this client\'s IP address through the registry firewall', argv });
  const tokenJson = `{\n  "accessToken": "${SEED.jwt}",\n  "loginServer": "myreg.azurecr.io"\n}\n`;
  const cut = tokenJson.indexOf(SEED.jwt) + 30;
  emit({ type: 'remediation-output', at: at(), runId: 'r1', stream: 'stdout', text: tokenJson.slice(0, cut) });
  emit({ type: 'check-progress', at: at(), id: 'registry.challenge', message: 'waiting' });
  emit({ type: 'remediation-output', at: at(), runId: 'r1', stream: 'stdout', text: tokenJson.slice(cut) });
  emit({ type: 'remediation-output', at: at(), runId: 'r1', stream: 'stderr', text: `WARNING: used password ${SEED.password} and secret ${SEED.clientSecret}\n` });
  emit({ type: 'remediation-finished', at: at(), runId: 'r1', exitCode: 0, durationMs: 812, cancelled: false });

  fix.fixed = true;
  const previous = new Map<string, Finished>(first.finished);
  await runChecks({
    checks,
    options: opts,
    target: TARGET,
    probes,
    emit,
    graceMs: 50,
    only: new Set(['registry.challenge', 'auth.refresh-token']),
    previous,
  });
  return { events, state, input: { events, state, target: TARGET, secrets: [SEED.password, SEED.clientSecret] } };
}
