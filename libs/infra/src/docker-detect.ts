import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

export type DockerEndpoint = { socketPath: string } | { host: string; port: number; tls: boolean };

/**
 * Where a Docker engine could be, in the order testcontainers looks: DOCKER_HOST, the standard socket, then
 * the rootless and Docker Desktop sockets. Only sockets that exist are listed.
 */
export function dockerEndpoints(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): DockerEndpoint[] {
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) {
    if (dockerHost.startsWith('unix://')) return [{ socketPath: dockerHost.slice('unix://'.length) }];
    if (dockerHost.startsWith('tcp://')) {
      const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
      const tls = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
      return [{ host: url.hostname, port: Number(url.port || (tls ? 2376 : 2375)), tls }];
    }
    return []; // npipe:// and others: not checked cheaply, so treated as no engine
  }
  const home = homedir();
  const candidates = [
    '/var/run/docker.sock',
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
    join(home, '.docker', 'run', 'docker.sock'),
    join(home, '.docker', 'desktop', 'docker.sock'),
    process.platform === 'win32' ? undefined : `/run/user/${userInfo().uid}/docker.sock`,
  ];
  return candidates.filter((path): path is string => path !== undefined && exists(path)).map((socketPath) => ({ socketPath }));
}

/** GET /_ping answered with 200 within the timeout. Never throws, never waits longer than timeoutMs. */
export function pingDocker(endpoint: DockerEndpoint, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(answer);
    };
    const options: RequestOptions = { method: 'GET', path: '/_ping', timeout: timeoutMs };
    let send = httpRequest;
    if ('socketPath' in endpoint) {
      options.socketPath = endpoint.socketPath;
    } else {
      options.host = endpoint.host;
      options.port = endpoint.port;
      if (endpoint.tls) {
        send = httpsRequest;
        const certs = env.DOCKER_CERT_PATH ?? join(homedir(), '.docker');
        const read = (file: string) => (existsSync(join(certs, file)) ? readFileSync(join(certs, file)) : undefined);
        Object.assign(options, { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') });
      }
    }
    const request = send(options, (response) => {
      response.resume();
      done(response.statusCode === 200);
    });
    request.on('error', () => done(false));
    request.on('timeout', () => done(false));
    const timer = setTimeout(() => done(false), timeoutMs);
    request.end();
  });
}

/** Whether a Docker engine answers: cheap (no socket → no wait) and bounded (1.5 s per candidate). */
export async function isDockerAvailable(env: NodeJS.ProcessEnv, timeoutMs = 1_500): Promise<boolean> {
  for (const endpoint of dockerEndpoints(env)) {
    if (await pingDocker(endpoint, env, timeoutMs)) return true;
  }
  return false;
}
