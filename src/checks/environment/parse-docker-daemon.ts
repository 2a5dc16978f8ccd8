/** Tells apart why `docker version` could not reach the daemon, from its stderr. Pure. */

export type DaemonProblem =
  /** Nothing listens on the local default socket / pipe: the daemon or Docker Desktop is stopped. */
  | { kind: 'not-running'; endpoint: string | null; desktop: boolean; rootless: boolean }
  /** The socket exists but this user may not open it. */
  | { kind: 'permission'; endpoint: string | null }
  /** DOCKER_HOST names a daemon that does not answer. */
  | { kind: 'host-unreachable'; endpoint: string }
  /** The selected docker context points at a daemon that does not answer. */
  | { kind: 'context-unreachable'; context: string; endpoint: string | null }
  /** The selected docker context does not exist. */
  | { kind: 'context-missing'; context: string }
  /** DOCKER_HOST is not a valid address. */
  | { kind: 'host-invalid'; endpoint: string }
  /** Client and daemon share no API version (an old client, a new daemon, or DOCKER_API_VERSION forcing one). */
  | { kind: 'api-version'; detail: string }
  /** The daemon accepted the connection but did not answer in time. */
  | { kind: 'timeout'; endpoint: string | null }
  | { kind: 'unknown' };

export interface DaemonErrorInput {
  stderr: string;
  timedOut: boolean;
  /** DOCKER_HOST from the environment, if set. */
  dockerHost: string | null;
  /** DOCKER_CONTEXT from the environment, if set. */
  dockerContext: string | null;
  /** The context the client reported in its JSON ("Client.Context"), if any. */
  clientContext: string | null;
}

const DESKTOP_CONTEXT = /^desktop-/;
// macOS (~/.docker/run), Linux (~/.docker/desktop), Windows (docker_engine pipe), WSL integration (/mnt/wsl/docker-desktop).
const DESKTOP_ENDPOINT = /\.docker[/\\](?:run|desktop)[/\\]docker\.sock|docker_engine|dockerDesktop|docker-desktop/i;
const ROOTLESS_ENDPOINT = /\/run\/user\/\d+\/docker\.sock/;

function endpointIn(stderr: string): string | null {
  const m =
    /daemon (?:socket )?at ((?:unix|tcp|npipe|ssh|fd|http|https):\/\/[^\s"]*?)(?:[.:]?\s|\.?$)/im.exec(stderr) ??
    /docker API at ((?:unix|tcp|npipe|ssh):\/\/[^\s"]*?)(?:[.:]?\s|\.?$)/im.exec(stderr) ??
    /open (\/\/\.\/pipe\/[\w-]+)/i.exec(stderr);
  return m ? m[1]! : null;
}

export function classifyDaemonError(input: DaemonErrorInput): DaemonProblem {
  const { stderr } = input;
  const endpoint = endpointIn(stderr) ?? input.dockerHost;

  const missingContext = /context "([^"]+)"(?::)? (?:context )?not found/i.exec(stderr) ?? /context "([^"]+)" does not exist/i.exec(stderr);
  if (missingContext) return { kind: 'context-missing', context: missingContext[1]! };

  if (/invalid bind address format|unable to parse docker host|unable to resolve docker endpoint|Unsupported protocol scheme/i.test(stderr)) {
    return { kind: 'host-invalid', endpoint: input.dockerHost ?? endpoint ?? '' };
  }

  if (/permission denied/i.test(stderr) && /docker|socket|pipe/i.test(stderr)) return { kind: 'permission', endpoint };
  // Windows: "open //./pipe/docker_engine: Access is denied."
  if (/pipe\/docker_engine: Access is denied/i.test(stderr)) return { kind: 'permission', endpoint };

  const api = /client version [\d.]+ is too (?:new|old)\. (?:Maximum|Minimum) supported API version is [\d.]+/i.exec(stderr);
  if (api) return { kind: 'api-version', detail: api[0] };

  if (input.timedOut || /context deadline exceeded|i\/o timeout|Client\.Timeout exceeded/i.test(stderr)) {
    return { kind: 'timeout', endpoint };
  }

  const unreachable =
    /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|daemon is not running|connection refused|no such host|The system cannot find the file specified/i.test(
      stderr,
    );
  if (!unreachable) return { kind: 'unknown' };

  const context = input.dockerContext ?? input.clientContext;
  const desktop = (context !== null && DESKTOP_CONTEXT.test(context)) || (endpoint !== null && DESKTOP_ENDPOINT.test(endpoint));
  if (input.dockerHost && !desktop) return { kind: 'host-unreachable', endpoint: input.dockerHost };
  if (context && context !== 'default' && !desktop) return { kind: 'context-unreachable', context, endpoint };
  return { kind: 'not-running', endpoint, desktop, rootless: endpoint !== null && ROOTLESS_ENDPOINT.test(endpoint) };
}
