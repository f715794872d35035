// What went wrong on the wire, in words the user can act on.

export type HttpFailure = 'status' | 'timeout' | 'network' | 'malformed_body' | 'insecure';

export class HttpError extends Error {
  constructor(
    readonly failure: HttpFailure,
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    readonly body: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get transient(): boolean {
    return this.failure === 'timeout' || this.failure === 'network' || this.failure === 'malformed_body'
      || this.status === 429 || this.status >= 500;
  }
}

const STATUS_WORDS: Record<number, string> = {
  400: 'bad request', 401: 'unauthorized (check the credentials)', 403: 'forbidden (check the API permissions)',
  404: 'not found', 405: 'method not allowed', 409: 'conflict', 413: 'request too large', 417: 'expectation failed',
  422: 'unprocessable entity', 429: 'too many requests', 500: 'server error', 502: 'bad gateway',
  503: 'service unavailable', 504: 'gateway timeout',
};

export function describeStatus(status: number): string {
  return `HTTP ${status} ${STATUS_WORDS[status] ?? ''}`.trim();
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
