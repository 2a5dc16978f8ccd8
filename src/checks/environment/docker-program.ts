/** The container CLI to test: DOCKER_COMMAND (e.g. "podman" or a full path) or "docker". One program, never split. */
export function dockerProgram(env: Record<string, string | undefined>): string {
  const v = env.DOCKER_COMMAND?.trim();
  return v ? v : 'docker';
}

/** What docker.command hands to the docker checks after it. */
export interface DockerCommandData {
  program: string;
  version: string | null;
}
