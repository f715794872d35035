// A request's full URL as the client has always sent it (axios 1.x's rules, which the connectors
// and their mocks were built against): the path joined to the base URL, never replacing its host
// (an absolute URL or `//host` in a path stays a path), and the query appended, undefined and null
// values left out, encoded as axios encoded it (`:`, `$`, `,` kept, a space as `+`).
export type Query = Record<string, string | number | boolean | undefined | null>;

export function requestUrl(baseURL: string, path: string, query?: Query): string {
  let url = path ? `${baseURL.replace(/\/?\/$/, '')}/${path.replace(/^\/+/, '')}` : baseURL;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    pairs.push(`${encode(name)}=${encode(String(value))}`);
  }
  if (pairs.length === 0) return url;
  const hash = url.indexOf('#');
  if (hash !== -1) url = url.slice(0, hash);
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+');
}
