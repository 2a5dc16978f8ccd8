import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type StandinAz =
  | { kind: 'logged-in'; armToken: string; acrToken: string; tenant: string }
  | { kind: 'logged-out' }
  | { kind: 'expired'; tenant?: string };

export interface StandinDir {
  /** A PATH with the stand-in first, then only the system directories the script needs. */
  path: string;
  dir: string;
  remove(): void;
}

const EXPIRED = (tenant?: string): string =>
  'ERROR: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-05-01T08:12:44.0000000Z and was inactive for 90.00:00:00. ' +
  'Trace ID: 0f4d6b7e-1d2c-4e8a-9b1a-6f1f2b3c4d5e Correlation ID: 1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d Timestamp: 2026-11-22 14:00:00Z\n' +
  `Interactive authentication is needed. Please run:\naz login --scope https://management.core.windows.net//.default${tenant ? ` --tenant ${tenant}` : ''}\n`;

function tokenJson(token: string, tenant: string): string {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return JSON.stringify(
    {
      accessToken: token,
      expiresOn: new Date(exp * 1000).toISOString().replace('T', ' ').replace('Z', '000'),
      expires_on: exp,
      subscription: '00000000-1111-2222-3333-444444444444',
      tenant,
      tokenType: 'Bearer',
    },
    null,
    2,
  );
}

/**
 * Writes an `az` shell script that answers `az account get-access-token` the way the real CLI
 * does (JSON on stdout, or its error text on stderr with exit 1). ARM token by default, the ACR
 * one when asked with --resource https://containerregistry.azure.net.
 */
export function makeStandinAz(mode: StandinAz): StandinDir {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-az-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  let script: string;
  if (mode.kind === 'logged-in') {
    writeFileSync(join(dir, 'arm.json'), tokenJson(mode.armToken, mode.tenant));
    writeFileSync(join(dir, 'acr.json'), tokenJson(mode.acrToken, mode.tenant));
    script = `#!/bin/sh
case "$*" in
  *"get-access-token"*"--resource https://containerregistry.azure.net"*) exec cat '${dir}/acr.json' ;;
  *"get-access-token"*) exec cat '${dir}/arm.json' ;;
esac
echo "ERROR: the stand-in az only knows get-access-token" >&2
exit 2
`;
  } else {
    writeFileSync(join(dir, 'stderr.txt'), mode.kind === 'logged-out' ? "ERROR: Please run 'az login' to setup account.\n" : EXPIRED(mode.tenant));
    script = `#!/bin/sh\ncat '${dir}/stderr.txt' >&2\nexit 1\n`;
  }
  writeFileSync(join(bin, 'az'), script);
  chmodSync(join(bin, 'az'), 0o755);
  return { dir, path: `${bin}:/usr/bin:/bin`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
