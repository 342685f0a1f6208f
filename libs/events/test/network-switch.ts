import net from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/**
 * Simulates the broker going away and coming back for one kafkajs client, without stopping the
 * shared test broker: the client's sockets go through this factory, which, when switched off,
 * resets every open connection and points new ones at a closed port (real ECONNREFUSED).
 * Unlike a TCP proxy it also covers the broker address advertised in metadata.
 */
export class NetworkSwitch {
  private readonly sockets = new Set<net.Socket>();
  private on = true;

  private constructor(private readonly closedPort: number) {}

  static async create(): Promise<NetworkSwitch> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return new NetworkSwitch(port);
  }

  readonly socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = this.on ? net.connect({ host, port }, onConnect) : net.connect({ host: '127.0.0.1', port: this.closedPort }, onConnect);
    socket.setKeepAlive(true, 60_000);
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    return socket;
  };

  down(): void {
    this.on = false;
    for (const socket of this.sockets) socket.destroy(new Error('network switched off'));
  }

  up(): void {
    this.on = true;
  }
}
