import { describe, expect, it } from 'vitest';
import { requestUrl } from '../../src/http/request-url.js';

// The URLs axios 1.x built from the same base, path and query (read with axios.getUri when the
// client still used axios): the connectors and their mocks were built against them.
describe('http: the request URL', () => {
  it('joins the path to the base and appends the query as axios did', () => {
    expect(requestUrl('https://shop.example/wp-json', '/wc/v3/orders', { after: '2026-01-01T00:00:00Z', per_page: 100, page: 2, skip: undefined, none: null, yes: true, no: false }))
      .toBe('https://shop.example/wp-json/wc/v3/orders?after=2026-01-01T00:00:00Z&per_page=100&page=2&yes=true&no=false');
    expect(requestUrl('https://shop.example', '/x', { s: "a b!'()~*&=+,$:;@/?#[]é" }))
      .toBe("https://shop.example/x?s=a+b!'()~*%26%3D%2B,$:%3B%40%2F%3F%23%5B%5D%C3%A9");
    expect(requestUrl('https://shop.example/api/', 'orders?status=any', { limit: 250 })).toBe('https://shop.example/api/orders?status=any&limit=250');
    expect(requestUrl('https://shop.example/', 'orders#part', { limit: 1 })).toBe('https://shop.example/orders?limit=1');
    expect(requestUrl('https://shop.example', '/x', {})).toBe('https://shop.example/x');
    expect(requestUrl('https://shop.example', '/x')).toBe('https://shop.example/x');
  });

  it('never lets a path replace the host', () => {
    expect(requestUrl('https://shop.example', '//evil.example/x')).toBe('https://shop.example/evil.example/x');
    expect(requestUrl('https://shop.example', 'https://evil.example/x')).toBe('https://shop.example/https://evil.example/x');
  });
});
