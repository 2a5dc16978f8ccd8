import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { t } from '../../knowledge/i18n.js';
import { ADMIN_HEADER } from '../routes/admin.js';
import type { RunningSimulator } from '../index.js';
import { AZ_STANDIN_CMD, AZ_STANDIN_SOURCE } from './az-script.js';

export interface StandIns {
  dir: string;
  /** `env` with the stand-ins first on PATH and AZURE_CONFIG_DIR on the stand-in's signed-in profile. */
  env(base: Record<string, string | undefined>): Record<string, string | undefined>;
  remove(): void;
}

/** Writes the stand-in commands into a fresh temporary directory (removed by remove()). */
export function installStandIns(sim: RunningSimulator): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'acr-doctor-demo-bin-'));
  // The directory holds a token for the simulator's admin endpoint: readable by this user only.
  chmodSync(dir, 0o700);
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
  writeFileSync(
    join(dir, 'standin.json'),
    JSON.stringify({
      adminUrl: sim.adminUrl,
      header: ADMIN_HEADER,
      token: sim.adminToken,
      ca: sim.adminCaPem,
      unreachable: t('simulator.standin.unreachable'),
    }),
    { mode: 0o600 },
  );
  writeFileSync(join(dir, 'az'), AZ_STANDIN_SOURCE, { mode: 0o755 });
  writeFileSync(join(dir, 'az.cmd'), AZ_STANDIN_CMD);
  // The Azure CLI's own profile, as `az login` leaves it: the checks read it before starting az,
  // and a profile without subscriptions would make them skip the stand-in as "not signed in".
  // Whether the simulated account is really signed in is still the stand-in's answer.
  const configDir = join(dir, 'azure-config');
  mkdirSync(configDir);
  writeFileSync(join(configDir, 'azureProfile.json'), `\uFEFF${JSON.stringify(simulatedProfile(sim))}`);
  let removed = false;
  return {
    dir,
    env(base) {
      const key = Object.keys(base).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
      const rest = base[key];
      return { ...base, [key]: rest ? `${dir}${delimiter}${rest}` : dir, AZURE_CONFIG_DIR: configDir };
    },
    remove() {
      if (removed) return;
      removed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** azureProfile.json with the simulated account's one subscription. */
function simulatedProfile(sim: RunningSimulator): Record<string, unknown> {
  return {
    installationId: randomUUID(),
    subscriptions: [
      {
        id: sim.fixtures.subscriptionId,
        name: 'sim',
        state: 'Enabled',
        isDefault: true,
        tenantId: sim.fixtures.tenantId,
        environmentName: 'AzureCloud',
        user: { name: sim.fixtures.userPrincipalName, type: 'user' },
      },
    ],
  };
}
