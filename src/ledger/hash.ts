import { createHash } from 'node:crypto';
import type { Order } from '../model/order.js';

/**
 * What decides whether an order changed: its normalized content, without the channel's raw
 * payload and without `updatedAt` (a channel that bumps the timestamp for nothing, or echoes our
 * own write-back, must not produce an event). Key order is the schema's, so the hash is stable.
 */
export function contentHash(order: Order): string {
  const { raw: _raw, updatedAt: _updatedAt, ...content } = order;
  return sha256(JSON.stringify(content));
}

/**
 * The order as the ledger stores it (JSON without `raw`) and its content hash, from one
 * stringify: the hash's text is the stored text with the top-level `updatedAt` member cut out,
 * which is exactly the text `contentHash` hashes (so hashes already in a ledger stay valid).
 */
export function normalizedWithHash(order: Order): { normalized: string; hash: string } {
  const { raw: _raw, ...normalized } = order;
  const text = JSON.stringify(normalized);
  const member = `"updatedAt":${JSON.stringify(order.updatedAt)}`;
  const at = text.indexOf(member);
  if (at < 0 || !isTopLevel(text, at)) return { normalized: text, hash: contentHash(order) };
  const end = at + member.length;
  const content = text[end] === ',' ? text.slice(0, at) + text.slice(end + 1) // first or middle member
    : text[at - 1] === ',' ? text.slice(0, at - 1) + text.slice(end) // last member
      : text.slice(0, at) + text.slice(end); // the only member
  return { normalized: text, hash: sha256(content) };
}

/** Whether position `at` of a JSON object's text is a member of the outermost object. */
function isTopLevel(text: string, at: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth === 1 && !inString && (text[at - 1] === ',' || text[at - 1] === '{');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
