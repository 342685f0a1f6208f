import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEndpoints, isDockerAvailable, pingDocker } from './docker-detect';

describe('dockerEndpoints', () => {
  const none = () => false;

  it.each([
    [{ DOCKER_HOST: 'unix:///custom/docker.sock' }, [{ socketPath: '/custom/docker.sock' }]],
    [{ DOCKER_HOST: 'tcp://10.0.0.5:2375' }, [{ host: '10.0.0.5', port: 2375, tls: false }]],
    [{ DOCKER_HOST: 'tcp://remote:2376', DOCKER_TLS_VERIFY: '1' }, [{ host: 'remote', port: 2376, tls: true }]],
    [{ DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, []],
  ])('DOCKER_HOST %j → %j', (env, expected) => {
    expect(dockerEndpoints(env, none)).toEqual(expected);
  });

  it('lists only the default sockets that exist', () => {
    expect(dockerEndpoints({}, none)).toEqual([]);
    expect(dockerEndpoints({ XDG_RUNTIME_DIR: '/run/user/1000' }, (path) => path === '/run/user/1000/docker.sock')).toEqual([
      { socketPath: '/run/user/1000/docker.sock' },
    ]);
  });
});

describe('pingDocker', () => {
  let dir: string;
  const servers: Server[] = [];
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'docker-detect-'))));
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  function listen(socketPath: string, handler: Parameters<typeof createServer>[1]): Promise<void> {
    const server = createServer(handler);
    servers.push(server);
    return new Promise((resolve) => server.listen(socketPath, resolve));
  }

  it('is true when the engine answers /_ping', async () => {
    const socketPath = join(dir, 'ok.sock');
    await listen(socketPath, (request, response) => response.writeHead(request.url === '/_ping' ? 200 : 404).end('OK'));
    await expect(pingDocker({ socketPath }, {}, 1_000)).resolves.toBe(true);
  });

  it('is false, within the timeout, when the socket never answers', async () => {
    const socketPath = join(dir, 'silent.sock');
    await listen(socketPath, () => undefined);
    const started = Date.now();
    await expect(pingDocker({ socketPath }, {}, 300)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is false when nothing listens', async () => {
    await expect(pingDocker({ socketPath: join(dir, 'missing.sock') }, {}, 1_000)).resolves.toBe(false);
    await expect(isDockerAvailable({ DOCKER_HOST: `unix://${join(dir, 'missing.sock')}` })).resolves.toBe(false);
  });
});
