import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { drainingServer } from './graceful-shutdown';

/** Sends raw HTTP on a socket and resolves with everything the server sent until it closed the connection. */
function exchange(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (text += d));
    socket.on('close', () => resolve(text));
    socket.write(request);
  });
}

const connected = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });

describe('drainingServer', () => {
  it('finishes the request in flight, answers 503 with Connection: close to a request arriving while draining, and refuses new connections', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const http = drainingServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/slow') void released.then(() => res.end('slow done'));
      else res.end('fast');
    });
    await new Promise<void>((r) => http.server.listen(0, '127.0.0.1', () => r()));
    const port = (http.server.address() as AddressInfo).port;

    const slowSocket = await connected(port);
    const slow = exchange(slowSocket, 'GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    // A second client whose request is still being sent when the drain begins (headers incomplete).
    const lateSocket = await connected(port);
    lateSocket.write('GET /fast HTTP/1.1\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(http.inFlight()).toBe(1);

    const drained = http.drain(10_000);
    await new Promise((r) => setTimeout(r, 50));
    const late = await exchange(lateSocket, 'Host: x\r\n\r\n');
    expect(late).toMatch(/^HTTP\/1\.1 503 /);
    expect(late.toLowerCase()).toContain('connection: close');
    expect(late).toContain('SERVICE_UNAVAILABLE');

    await expect(connected(port).then((s) => exchange(s, 'GET /fast HTTP/1.1\r\nHost: x\r\n\r\n'))).rejects.toThrow(/ECONNREFUSED/);

    release();
    const answer = await slow;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('slow done');
    expect(await drained).toBe(true);
  });

  it('closes what is still running when the grace period is over, and says so', async () => {
    const http = drainingServer(() => undefined); // never answers
    await new Promise<void>((r) => http.server.listen(0, '127.0.0.1', () => r()));
    const socket = await connected((http.server.address() as AddressInfo).port);
    const answer = exchange(socket, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(await http.drain(100)).toBe(false);
    expect(await answer).toBe('');
  });
});
