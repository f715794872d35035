// The client's transport: an axios adapter on Node's own http/https with kept-alive agents.
// axios's bundled Node adapter costs ~220 µs of CPU a request on top of Node's HTTP (redirect
// machinery, progress streams, a setsockopt per request); with this one a POST costs ~110 µs,
// which the push of many small deliveries feels (issue 8, bench/FINDINGS.md §D). It does what the
// client asks of axios and no more: no redirects (a 3xx is an answer), no proxy, the response as
// text, gzip/deflate/br bodies decoded, `timeout` as the longest silence on the socket.
import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { AxiosAdapter, AxiosResponse } from 'axios';

export interface TransportAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

const ACCEPT_ENCODING = 'gzip, deflate, br';

/** `config.url` is the request's full URL (the client builds it: src/http/request-url.ts). */
export function nodeTransport(agents: TransportAgents): AxiosAdapter {
  return (config) => new Promise<AxiosResponse<string>>((resolve, reject) => {
    const url = new URL(config.url ?? '');
    const https = url.protocol === 'https:';
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING };
    for (const [name, value] of Object.entries(config.headers.toJSON())) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    if (config.auth) {
      headers.authorization = `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`;
    }
    const body = bodyOf(config.data);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, { method: (config.method ?? 'get').toUpperCase(), headers, agent: https ? agents.https : agents.http }, (res) => {
      readText(res).then((text) => resolve({
        data: text, status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, config, request: req,
      }), reject);
    });
    req.on('error', reject);
    if (config.timeout) {
      req.setTimeout(config.timeout, () => req.destroy(Object.assign(new Error(`no answer within ${config.timeout} ms`), { code: 'ETIMEDOUT' })));
    }
    req.end(body);
  });
}

// Text, so that Node sends the headers and a small body in one write.
function bodyOf(data: unknown): string | Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  throw new Error('bug: the HTTP client sends a body as text');
}

function readText(res: IncomingMessage): Promise<string> {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip()
    : encoding === 'deflate' ? createInflate()
      : encoding === 'br' ? createBrotliDecompress()
        : undefined;
  const stream: Readable = decoder ? res.pipe(decoder) : res;
  if (decoder) res.on('error', (error) => decoder.destroy(error));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
    res.on('aborted', () => reject(Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' })));
  });
}
