// ${VAR} and ${VAR:-default} in any string of the config are replaced from the environment.
// A missing variable is reported at its path; every substituted value is treated as a secret.

export interface Interpolated {
  value: unknown;
  problems: string[];
  /** Values that came from the environment: they must never be printed. */
  secrets: string[];
  /** Paths whose value came (at least partly) from the environment. */
  fromEnv: Set<string>;
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export function interpolate(input: unknown, env: NodeJS.ProcessEnv): Interpolated {
  const problems: string[] = [];
  const secrets: string[] = [];
  const fromEnv = new Set<string>();

  function walk(value: unknown, path: string): unknown {
    if (typeof value === 'string') {
      if (!value.includes('${')) return value;
      fromEnv.add(path);
      return value.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
        const found = env[name];
        if (found !== undefined && found !== '') {
          secrets.push(found);
          return found;
        }
        if (fallback !== undefined) return fallback;
        problems.push(`${path}: environment variable ${name} is not set`);
        return '';
      });
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}.${i}`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key)]));
    }
    return value;
  }

  return { value: walk(input, ''), problems, secrets, fromEnv };
}
