// The client's transport: one request over Node's own http/https, on kept-alive connections.
// It does only what the client needs: no redirects (a 3xx is an answer), no proxy, the answer as
// text, gzip/deflate/br bodies decoded, and `timeoutMs` as the longest silence on the socket.
// (axios did this before at ~150 µs more CPU a request, a third of a push's delivery: bench/FINDINGS.md §D.)
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface TransportRequest {
  method: string;
  /** The full URL (src/http/request-url.ts builds it). */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Error codes a transport failure carries: ETIMEDOUT for silence, Node's own (ECONNREFUSED, …) otherwise. */
export const TIMEOUT_CODE = 'ETIMEDOUT';

const ACCEPT_ENCODING = 'gzip, deflate, br';

/** A transport with its own agents: a socket abandoned by a timeout is never handed to another client. */
export function createTransport(): Transport {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
  return (request) => new Promise<TransportResponse>((resolve, reject) => {
    const url = new URL(request.url);
    const https = url.protocol === 'https:';
    const headers: Record<string, string> = { 'accept-encoding': ACCEPT_ENCODING, ...request.headers };
    // Text, so that Node sends the headers and a small body in one write.
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    const send = https ? httpsRequest : httpRequest;
    const req = send(url, { method: request.method, headers, agent: https ? agents.https : agents.http }, (res) => {
      readText(res).then((text) => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }), reject);
    });
    req.on('error', reject);
    req.setTimeout(request.timeoutMs, () => {
      req.destroy(Object.assign(new Error(`no answer within ${request.timeoutMs} ms`), { code: TIMEOUT_CODE }));
    });
    req.end(request.body);
  });
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
