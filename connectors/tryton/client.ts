// Every Tryton call ordersync makes: JSON-RPC on POST /<database>/ (trytond/protocols/dispatcher.py).
// One login per context (run), reused for every delivery; a refused session logs in again once.
import { Buffer } from 'node:buffer';
import { HttpError, type ConnectorContext } from '../../src/connector-kit/index.js';
import { TrytonError, errorFromEnvelope } from './errors.js';
import type { TrytonSettings } from './settings.js';
import { TrytonEnvelope, TrytonLoginResult } from './types.js';

export interface TrytonClient {
  /** `model.<model>.<method>` with positional params; the session's context (plus `context`, e.g. stock `locations`) goes last, as RPC requires. */
  model<T = unknown>(model: string, method: string, params: unknown[], context?: Record<string, unknown>): Promise<T>;
  /** The context the calls run with (language, company, … from res.user preferences). */
  context(): Promise<Record<string, unknown>>;
}

interface Session {
  authorization: string;
  context: Record<string, unknown>;
}

// Failed logins are counted over `session.timeout` (300 s by default, trytond/config.py) and a
// 429 carries no Retry-After, so wait out that window.
const LOGIN_THROTTLE_MS = 300_000;

const sessions = new WeakMap<object, Promise<Session>>();

export function trytonClient(ctx: ConnectorContext<TrytonSettings>): TrytonClient {
  const { settings } = ctx;
  const http = ctx.http({ baseURL: settings.url, retry: { retries: 0 }, allowInsecure: settings.allowInsecure });
  const path = `/${encodeURIComponent(settings.database)}/`;
  let sequence = 0;

  async function rpc(method: string, params: unknown[], authorization?: string): Promise<unknown> {
    const response = await http.request<unknown>({
      method: 'POST',
      path,
      body: { id: ++sequence, method, params },
      headers: authorization ? { authorization } : {},
    });
    const envelope = TrytonEnvelope.safeParse(response.data);
    if (!envelope.success) throw new TrytonError('protocol', `Tryton answered ${method} with something that is not a JSON-RPC envelope`);
    if ('error' in envelope.data) throw errorFromEnvelope(envelope.data.error, method);
    return envelope.data.result;
  }

  // common.db.login [login, {password}, language] → [user_id, session]; then the context the
  // Tryton client itself uses: model.res.user.get_preferences [context_only=true, {}].
  async function login(): Promise<Session> {
    let result: unknown;
    try {
      result = await rpc('common.db.login', [settings.username, { password: settings.password }, settings.language]);
    } catch (error) {
      throw loginFailure(error, settings);
    }
    const parsed = TrytonLoginResult.safeParse(result);
    if (!parsed.success) throw new TrytonError('protocol', 'common.db.login did not answer [user_id, session]');
    const [userId, session] = parsed.data;
    const authorization = `Session ${Buffer.from(`${settings.username}:${userId}:${session}`, 'utf8').toString('base64')}`;
    const preferences = await rpc('model.res.user.get_preferences', [true, {}], authorization);
    const context = preferences && typeof preferences === 'object' ? { ...(preferences as Record<string, unknown>) } : {};
    if (settings.company !== undefined) context.company = settings.company;
    return { authorization, context };
  }

  function session(): Promise<Session> {
    let pending = sessions.get(ctx);
    if (!pending) {
      pending = login();
      pending.catch(() => sessions.delete(ctx));
      sessions.set(ctx, pending);
    }
    return pending;
  }

  return {
    async model<T>(model: string, method: string, params: unknown[], context: Record<string, unknown> = {}): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const pending = session();
        const current = await pending;
        try {
          return (await rpc(`model.${model}.${method}`, [...params, { ...current.context, ...context }], current.authorization)) as T;
        } catch (error) {
          // 401 comes from @auth_required before the method runs, so calling again is safe.
          // Drop the session only if no other delivery has replaced it meanwhile.
          if (attempt === 0 && error instanceof HttpError && error.status === 401) {
            if (sessions.get(ctx) === pending) sessions.delete(ctx);
            continue;
          }
          throw error;
        }
      }
    },
    context: async () => (await session()).context,
  };
}

function loginFailure(error: unknown, settings: TrytonSettings): unknown {
  if (!(error instanceof HttpError)) return error;
  const who = `login "${settings.username}" on database "${settings.database}"`;
  if (error.status === 401) return new TrytonError('login', `Tryton refused ${who} (HTTP 401): check the username and password`);
  if (error.status === 404) return new TrytonError('database', `Tryton has no database "${settings.database}" (HTTP 404 on login)`);
  if (error.status === 429) {
    return new HttpError('status', `Tryton is rate-limiting ${who} after failed attempts (HTTP 429)`, 429, LOGIN_THROTTLE_MS, '');
  }
  return error;
}
