// Keeps a test on this machine: every TCP connection (http, https, fetch) goes through
// net.Socket#connect, which this guard replaces. 127.0.0.1, ::1 and localhost connect as usual;
// any other host (127.0.0.2 too, which lets a test prove the guard works without leaving the
// machine even if it did not) is recorded and failed with ECONNREFUSED before a packet is sent.
import net from 'node:net';

export interface NetGuard {
  /** `host:port` of every connection attempted to a host that is not loopback. */
  readonly blocked: string[];
  /** `host:port` of every connection attempted at all. */
  readonly attempted: string[];
  reset(): void;
  uninstall(): void;
}

const ALLOWED = /^(127\.0\.0\.1|::1|\[::1\]|localhost)$/i;

/** Installs the guard and proves it blocks (a connection to 127.0.0.2, which stays on this machine regardless). */
export async function installNetGuard(): Promise<NetGuard> {
  const guard = install();
  const socket = net.connect({ host: '127.0.0.2', port: 9 });
  const error = await new Promise<Error | undefined>((resolve) => {
    socket.once('error', resolve);
    socket.once('connect', () => resolve(undefined));
  });
  socket.destroy();
  if (!error?.message.includes('blocked') || !guard.blocked.includes('127.0.0.2:9')) {
    guard.uninstall();
    throw new Error('the network guard does not block connections: refusing to run tests that aim at a remote host');
  }
  guard.reset();
  return guard;
}

function install(): NetGuard {
  const original = net.Socket.prototype.connect;
  const blocked: string[] = [];
  const attempted: string[] = [];
  // connect(options[, cb]) | connect(port[, host][, cb]) | connect(path[, cb]); net.connect passes [options, cb] as one array.
  function guarded(this: net.Socket, ...args: unknown[]): net.Socket {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host = 'localhost';
    let port: unknown;
    let pipe = false; // a local socket file: net connects to one when `path` is a non-empty string
    if (first && typeof first === 'object') {
      const options = first as { host?: string | null; port?: unknown; path?: unknown };
      host = options.host || 'localhost';
      port = options.port;
      pipe = typeof options.path === 'string' && options.path !== '';
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      port = first;
      if (typeof args[1] === 'string') host = args[1];
    } else if (typeof first === 'string' && first !== '') {
      pipe = true;
    }
    if (!pipe) {
      attempted.push(`${host}:${String(port)}`);
      if (!ALLOWED.test(host)) {
        blocked.push(`${host}:${String(port)}`);
        const error = Object.assign(new Error(`connect ECONNREFUSED ${host}:${String(port)} (blocked: tests never leave this machine)`), { code: 'ECONNREFUSED' });
        process.nextTick(() => this.destroy(error));
        return this;
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  }
  net.Socket.prototype.connect = guarded as typeof net.Socket.prototype.connect;
  return {
    blocked,
    attempted,
    reset() { blocked.length = 0; attempted.length = 0; },
    uninstall() { net.Socket.prototype.connect = original; },
  };
}
