import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError } from '../../src/http/index.js';

// The client's own transport (src/http/node-transport.ts) against a plain Node server on 127.0.0.1.
describe('http: the transport', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string; socket: Socket }[] = [];
  let answer: (req: IncomingMessage, res: ServerResponse) => void;

  beforeEach(async () => {
    seen.length = 0;
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: req.socket });
        answer(req, res);
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = (timeoutMs = 2_000) => createHttpClient({ baseURL: `${url}/api/`, auth: { username: 'shop', password: 'pässword' }, timeoutMs, retry: { retries: 0 } });

  it('sends method, path, query, headers, basic auth and a UTF-8 body, and reuses the connection', async () => {
    answer = (_req, res) => res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end('{"id":"é1"}');
    const http = client();
    const first = await http.request<{ id: string }>({ method: 'POST', path: '/orders', query: { since: '2026-01-01T00:00:00Z', none: undefined }, body: { note: 'Grüße' }, headers: { 'x-key': 'k1' } });
    await http.request({ method: 'POST', path: 'orders', body: { note: 'again' } });
    expect(first).toMatchObject({ status: 201, data: { id: 'é1' }, text: '{"id":"é1"}' });
    expect(first.headers['set-cookie']).toBe('a=1, b=2');
    const [sent, again] = seen;
    expect(sent).toMatchObject({ method: 'POST', url: '/api/orders?since=2026-01-01T00:00:00Z', body: '{"note":"Grüße"}' });
    expect(sent!.headers).toMatchObject({
      'content-type': 'application/json', 'content-length': String(Buffer.byteLength('{"note":"Grüße"}')), 'x-key': 'k1',
      authorization: `Basic ${Buffer.from('shop:pässword').toString('base64')}`, accept: 'application/json', 'user-agent': 'ordersync',
    });
    expect(again!.socket).toBe(sent!.socket);
  });

  it('reads gzip, deflate and brotli answers', async () => {
    const body = JSON.stringify({ orders: Array.from({ length: 50 }, (_, i) => ({ id: i, note: 'ü'.repeat(20) })) });
    const encoded: Record<string, Buffer> = { gzip: gzipSync(body), deflate: deflateSync(body), br: brotliCompressSync(body) };
    answer = (req, res) => {
      const encoding = new URL(req.url ?? '', url).searchParams.get('e') ?? '';
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding }).end(encoded[encoding]);
    };
    for (const e of ['gzip', 'deflate', 'br']) {
      expect((await client().request({ method: 'GET', path: '/list', query: { e } })).text).toBe(body);
    }
    expect(seen[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('answers a redirect as it is, never following it', async () => {
    answer = (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    await expect(client().request({ method: 'GET', path: '/moved' })).rejects.toMatchObject({ status: 302 });
    expect(seen).toHaveLength(1);
  });

  it('a silent server is a timeout, a dropped connection a network error', async () => {
    answer = () => {}; // never answers
    const silent = client(150).request({ method: 'GET', path: '/slow' });
    await expect(silent).rejects.toBeInstanceOf(HttpError);
    await expect(silent).rejects.toMatchObject({ failure: 'timeout' });
    answer = (req) => req.socket.destroy();
    await expect(client().request({ method: 'GET', path: '/drop' })).rejects.toMatchObject({ failure: 'network' });
    answer = (_req, res) => { res.writeHead(200, { 'content-length': '100' }); res.write('{"partial":'); setTimeout(() => res.socket?.destroy(), 10); };
    await expect(client().request({ method: 'GET', path: '/cut' })).rejects.toMatchObject({ failure: 'network' });
  });
});
