import { createServer, Server } from 'node:net';
import { listeningInodes, portOwner } from './port-owner';

// /proc/net/tcp as Linux prints it: local address hex ip:port, state 0A = LISTEN, inode in column 10.
const PROC_NET_TCP = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0000000000000000 100 0 0 10 0',
  '   1: 0100007F:0FA0 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0000000000000000 20 4 30 10 -1',
  '   2: 00000000:1539 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 333 1 0000000000000000 100 0 0 10 0',
].join('\n');

describe('listeningInodes', () => {
  it.each([
    [4000, ['111']], // 0x0FA0; the established connection on the same port (state 01) is not a listener
    [5433, ['333']], // 0x1539
    [9092, []],
  ])('port %s → %j', (port, inodes) => {
    expect(listeningInodes(PROC_NET_TCP, port)).toEqual(inodes);
  });
});

describe('portOwner', () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('names this very process when it listens on the port', async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const owner = portOwner(port);
    expect(owner?.pid).toBe(process.pid);
    expect(owner?.command).toContain('node');
  });
});
