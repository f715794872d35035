import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { requestUrl, type Query } from '../../src/http/request-url.js';

describe('http: the request URL', () => {
  it('is the URL axios built from the same base, path and query', () => {
    const cases: [string, string, Query | undefined][] = [
      ['https://shop.example/wp-json', '/wc/v3/orders', { after: '2026-01-01T00:00:00Z', per_page: 100, page: 2, skip: undefined, none: null, yes: true, no: false }],
      ['https://shop.example', '/x', { s: "a b!'()~*&=+,$:;@/?#[]é%" }],
      ['https://shop.example/api/', 'orders?status=any', { limit: 250 }],
      ['https://shop.example/', 'orders#part', { limit: 1 }],
      ['https://shop.example//', '', { q: 'x' }],
      ['https://shop.example', '/x', {}],
      ['https://shop.example', '/x', undefined],
    ];
    for (const [base, path, query] of cases) {
      expect(requestUrl(base, path, query)).toBe(axios.getUri({ baseURL: base, url: path, params: query, allowAbsoluteUrls: false }));
    }
  });

  it('never lets a path replace the host', () => {
    expect(requestUrl('https://shop.example', '//evil.example/x')).toBe('https://shop.example/evil.example/x');
    expect(requestUrl('https://shop.example', 'https://evil.example/x')).toBe('https://shop.example/https://evil.example/x');
  });
});
