import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

/**
 * A process that traces, stopped by SIGTERM the way Nest's shutdown hooks stop the apps (close,
 * then raise the signal again), exports its buffered spans first and still ends by the signal.
 */
describe('tracing: the last spans are exported when the app is stopped', () => {
  it('flushes on SIGTERM after the app’s own shutdown, then ends by the signal', async () => {
    const bodies: string[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const script = `
      const { startTracing } = require(${JSON.stringify(join(root, 'libs/platform/src/tracing/tracing.ts'))});
      startTracing('flush-test');
      const { trace } = require('@opentelemetry/api');
      trace.getTracer('t').startSpan('buffered-span').end();
      // The app's own handler, as Nest registers it: removes itself, closes, raises the signal again.
      const cleanup = () => { process.removeListener('SIGTERM', cleanup); setTimeout(() => process.kill(process.pid, 'SIGTERM'), 50); };
      process.on('SIGTERM', cleanup);
      setInterval(() => undefined, 1000);
      process.send('ready');
    `;
    const child = spawn(process.execPath, ['-r', join(root, 'tools/ts-register.js'), '-e', script], {
      cwd: root,
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '600000' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      expect(bodies).toEqual([]);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
      child.kill('SIGTERM');
      expect(await exited).toBe('SIGTERM');
      expect(bodies.join('\n')).toContain('buffered-span');
    } finally {
      child.kill('SIGKILL');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 30_000);
});
