import { randomBytes, randomUUID } from 'node:crypto';
import type { Behaviour, RecordedRequest, Role, Scenario, SimState } from './types.js';
import type { SimFixtures } from './fixtures.js';
import { buildImage, type ImageContent } from './image.js';
import { behaviourOf, findScenario, initialStateOf } from './scenarios/index.js';
import type { Access, Principal } from './tokens.js';

export interface UploadSession {
  repo: string;
  chunks: Buffer[];
  /** Answers 404 BLOB_UPLOAD_INVALID on its next PATCH or PUT. */
  doomed: boolean;
}

/** Everything the routes share: scenario, state, keys, content, uploads, traffic. */
export class World {
  scenario: Scenario;
  behaviour: Behaviour;
  state: SimState;
  readonly key = randomBytes(32);
  readonly image: ImageContent = buildImage();
  /** Blobs pushed during this run, per repository. */
  readonly pushed = new Map<string, Map<string, Buffer>>();
  readonly uploads = new Map<string, UploadSession>();
  /** SAS signatures handed out in blob redirects → digest. */
  readonly sas = new Map<string, { digest: string; expires: number }>();
  readonly requests: RecordedRequest[] = [];
  exchangeCount = 0;
  /** Managed identities the Azure-side view mentions. */
  readonly azureIds = { cmkClientId: randomUUID(), cmkPrincipalId: randomUUID(), otherClientId: randomUUID(), otherPrincipalId: randomUUID() };

  constructor(
    readonly fixtures: SimFixtures,
    scenarioName: string,
  ) {
    this.scenario = this.lookup(scenarioName);
    this.behaviour = behaviourOf(this.scenario);
    this.state = initialStateOf(this.scenario, this.principals());
  }

  private lookup(name: string): Scenario {
    const s = findScenario(name);
    if (!s) throw new Error(`unknown simulator scenario '${name}'`);
    return s;
  }

  principals(): string[] {
    return [this.fixtures.userObjectId, this.fixtures.spObjectId];
  }

  /** Switches scenario and resets state (the SimState object is mutated in place, so held references stay live). */
  setScenario(name: string): void {
    this.scenario = this.lookup(name);
    this.behaviour = behaviourOf(this.scenario);
    const fresh = initialStateOf(this.scenario, this.principals());
    for (const k of Object.keys(this.state) as (keyof SimState)[]) delete this.state[k];
    Object.assign(this.state, fresh);
    this.exchangeCount = 0;
  }

  rolesOf(principal: Principal): Role[] {
    return principal.ids.flatMap((id) => this.state.roles[id] ?? []);
  }

  /** Whether the identity may do `action` on a repository (roles are checked, not the token's grant). */
  permits(principal: Principal, action: string): boolean {
    if (principal.kind === 'admin') return this.state.adminUserEnabled;
    if (principal.kind === 'anonymous') return action === 'pull' && this.state.anonymousPull;
    const roles = this.rolesOf(principal);
    if (action === 'pull') return roles.includes('AcrPull') || roles.includes('AcrPush');
    if (action === 'push' || action === 'delete') return roles.includes('AcrPush');
    return false;
  }

  /** What the token endpoint grants for the requested scopes. */
  grant(principal: Principal, wanted: Access[]): Access[] {
    return wanted.map((a) => {
      let actions = a.actions;
      if (a.type === 'registry') actions = principal.kind === 'anonymous' ? [] : actions.filter((x) => x === '*');
      else if (a.type === 'repository') {
        if (principal.kind === 'anonymous') actions = this.state.anonymousPull ? actions.filter((x) => x === 'pull') : [];
        if (this.behaviour.token === 'partial') actions = actions.filter((x) => x === 'pull');
      } else actions = [];
      return { type: a.type, name: a.name, actions };
    });
  }

  blobIn(repo: string, digest: string): Buffer | undefined {
    if (repo === this.fixtures.repository) {
      const b = this.image.blobs.get(digest);
      if (b) return b.bytes;
    }
    return this.pushed.get(repo)?.get(digest);
  }

  repositories(): string[] {
    return [...new Set([this.fixtures.repository, ...this.pushed.keys()])].sort();
  }
}
