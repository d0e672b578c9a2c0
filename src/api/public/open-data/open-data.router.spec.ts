import { get, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import express from 'express';
import { openDataRouter, type RecordSource } from './open-data.router';
import type { RenderedRecord } from './record-renderer';

/**
 * A download holds a database connection (its snapshot) while it streams, so the routes bound how
 * many stream at once and cut off a client that stops reading; either way the snapshot is closed.
 */
const record = (i: number, text = ''): RenderedRecord => ({ id: `id-${i}`, content: { reference: `R-${i}`, title: text, organisation: { id: 'o' } }, sharedWith: [] });

function source(records: () => AsyncIterable<RenderedRecord>) {
  const closed: number[] = [];
  let opened = 0;
  const fake: RecordSource = {
    head: async () => ({ position: '7', modifiedAt: new Date('2026-01-01T00:00:00Z') }),
    organisation: async () => null,
    open: async () => {
      const n = ++opened;
      return { head: { position: '7', modifiedAt: new Date('2026-01-01T00:00:00Z') }, records: records(), close: async () => void closed.push(n) };
    },
  };
  return { fake, closed };
}

async function serve(records: RecordSource, limits: { maxConcurrentDownloads: number; idleTimeoutMs: number }) {
  // As the app: no ETag of Express's own on the JSON answers (app.ts).
  const app = express().set('etag', false).use(openDataRouter({ records, settings: { base: null, license: 'x', publisherName: 'x', publisherUri: null, contactEmail: null }, maxAgeSeconds: 60, onError: () => undefined, ...limits }));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open-data/processing-activities.ndjson`, close: () => new Promise((r) => server.close(r)), server };
}

const response = (url: string) => new Promise<IncomingMessage>((resolve, reject) => get(url, resolve).on('error', reject));

test('beyond the limit a download answers 503 DOWNLOADS_BUSY with Retry-After; the slot frees when a download ends', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { fake, closed } = source(async function* () {
    yield record(1);
    await gate;
  });
  const api = await serve(fake, { maxConcurrentDownloads: 1, idleTimeoutMs: 60_000 });
  try {
    const first = await response(api.url);
    expect(first.statusCode).toBe(200);
    const busy = await fetch(api.url);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect([busy.headers.get('cache-control'), busy.headers.get('etag')]).toEqual(['no-store', null]);
    expect(((await busy.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('DOWNLOADS_BUSY');
    // A conditional request is answered from the head without a slot.
    expect((await fetch(api.url, { method: 'HEAD' })).status).toBe(200);

    release();
    let body = '';
    for await (const chunk of first) body += chunk;
    expect(body).toBe('{"id":"id-1","reference":"R-1","title":"","organisation":{"id":"o"},"sharedWith":[],"history":[]}\n');
    expect(closed).toEqual([1]);
    const next = await fetch(api.url);
    expect(next.status).toBe(200);
    await next.text();
    expect(closed).toEqual([1, 2]);
  } finally {
    release();
    await api.close();
  }
});

test('a client that stops reading is cut off after the idle limit, and the snapshot is closed', async () => {
  const big = 'x'.repeat(64 * 1024);
  const { fake, closed } = source(async function* () {
    for (let i = 0; ; i++) yield record(i, big);
  });
  const api = await serve(fake, { maxConcurrentDownloads: 1, idleTimeoutMs: 300 });
  try {
    // A raw connection that reads the first bytes and then nothing: the server's writes back up and nothing moves.
    const { port } = api.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    socket.write('GET /open-data/processing-activities.ndjson HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const firstBytes = await new Promise<string>((resolve) => socket.once('data', (d) => resolve(String(d))));
    expect(firstBytes).toMatch(/^HTTP\/1.1 200/);
    socket.pause();
    // Bounded wait for the server's cut-off (the idle limit is 300 ms).
    for (let i = 0; i < 500 && !closed.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(closed).toEqual([1]);
    socket.destroy();
    // Its slot is free again.
    const again = await response(api.url);
    expect(again.statusCode).toBe(200);
    again.destroy();
  } finally {
    api.server.closeAllConnections();
    await api.close();
  }
});
