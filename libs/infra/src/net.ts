import { createServer } from 'node:net';
import { describePortOwner } from './port-owner';
import { SetupError } from './setup-error';

/** A port the OS considers free on 127.0.0.1 right now (tests: each run gets its own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Distinct free ports (a broker needs two). */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The message for a taken port: which port, and which process holds it when the machine tells us. */
export function portTakenMessage(what: string, port: number, alternative: string): string {
  return `${what} needs port ${port} on 127.0.0.1, but ${describePortOwner(port)} already listens there: stop it, or ${alternative}`;
}

/** Fixed dev ports: say clearly who is in the way instead of letting the server fail obscurely. */
export async function assertPortsFree(ports: number[], what: string, alternative: string): Promise<void> {
  for (const port of ports) {
    if (!(await isPortFree(port))) throw new SetupError(portTakenMessage(what, port, alternative));
  }
}
