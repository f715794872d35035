// A bare fetch wrapper for setting up a real Medusa server (test scaffolding, not the connector:
// the connector's own calls go through ctx.http in connectors/medusa/client.ts).

export class MedusaCallError extends Error {
  constructor(readonly status: number, readonly body: string, message: string) {
    super(message);
  }
}

export interface MedusaCaller {
  readonly baseUrl: string;
  call<T = Record<string, any>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export function createCaller(baseUrl: string, headers: Record<string, string>): MedusaCaller {
  return {
    baseUrl,
    async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new MedusaCallError(response.status, text, `${method} ${path} → HTTP ${response.status}: ${text.slice(0, 800)}`);
      }
      return (text ? JSON.parse(text) : {}) as T;
    },
  };
}

/** POST /auth/user/emailpass → { token }: a JWT for the admin API. */
export async function loginAdmin(baseUrl: string, email: string, password: string): Promise<string> {
  const anonymous = createCaller(baseUrl, {});
  const { token } = await anonymous.call<{ token: string }>('POST', '/auth/user/emailpass', { email, password });
  return token;
}
