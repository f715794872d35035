// A tiny GraphQL client for driving the real Vendure server in tests (Admin and Shop API):
// keeps the session token Vendure returns in `vendure-auth-token`, fails loudly on any error.

export class GraphQLSession {
  private token: string | undefined;

  constructor(private readonly endpoint: string, private readonly extraHeaders: Record<string, string> = {}) {}

  async send<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, search = ''): Promise<T> {
    const response = await fetch(`${this.endpoint}${search}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.extraHeaders,
      },
      body: JSON.stringify({ query, variables }),
    });
    const token = response.headers.get('vendure-auth-token');
    if (token) this.token = token;
    const text = await response.text();
    let body: { data?: T; errors?: { message: string }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`${this.endpoint}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length) throw new Error(`${this.endpoint}: ${body.errors.map((e) => e.message).join('; ')} (query: ${query.slice(0, 80)}…)`);
    return body.data as T;
  }

  /** Like send, then insists that the named field is not an ErrorResult (Vendure's expected failures). */
  async mutate<T = Record<string, unknown>>(field: string, query: string, variables: Record<string, unknown> = {}, search = ''): Promise<T> {
    const data = await this.send<Record<string, unknown>>(query, variables, search);
    const result = data[field] as { errorCode?: string; message?: string } | null | undefined;
    if (result && typeof result === 'object' && 'errorCode' in result && result.errorCode) {
      throw new Error(`${field} failed: ${result.errorCode}: ${result.message ?? ''}`);
    }
    return result as T;
  }
}
