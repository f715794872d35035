// getOrders query parameters as the spec defines them (paths./order.get.parameters), with the
// spec's own 400 error for each way they can be wrong.
import type { MockResponse } from '../../src/mock/index.js';
import { fulfillmentError } from './mock-errors.js';

export interface Range { from: number; to: number | undefined }

export interface OrdersQuery {
  orderIds: string[] | undefined;
  created: Range | undefined;
  modified: Range | undefined;
  fulfillment: string[] | undefined;
  limit: number;
  offset: number;
  taxBreakdown: boolean;
}

const MAX_LIMIT = 200; // spec `limit`: Maximum 200, Default 50
const DEFAULT_LIMIT = 50;
const MAX_ORDER_IDS = 50; // spec `orderIds` / error 30900
const MAX_RANGE_YEARS = 2; // error 30830 "within '{allowedTime}' years": getOrders reaches back two years
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/; // "ISO 8601 … 2016-02-21T08:25:43.511Z"
const STATUS_SETS = ['NOT_STARTED|IN_PROGRESS', 'FULFILLED|IN_PROGRESS']; // the only supported combinations

export function parseOrdersQuery(query: URLSearchParams, now: number): OrdersQuery | MockResponse {
  const fieldGroups = query.get('fieldGroups');
  if (fieldGroups !== null && fieldGroups !== 'TAX_BREAKDOWN') return fulfillmentError(32800, `Invalid field group: ${fieldGroups}`, { fieldGroup: fieldGroups });
  const ids = query.get('orderIds');
  const orderIds = ids === null ? undefined : ids.split(',').map((id) => id.trim()).filter(Boolean);
  if (orderIds && orderIds.length > MAX_ORDER_IDS) return fulfillmentError(30900, `Exceeded maximum number of order IDs (the current limit is ${MAX_ORDER_IDS})`);
  const limitText = query.get('limit') ?? String(DEFAULT_LIMIT);
  const limit = Number(limitText);
  if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_LIMIT) return fulfillmentError(31100, `Invalid limit: ${limitText}`, { limitvalue: limitText });
  const offsetText = query.get('offset') ?? '0';
  if (!/^\d+$/.test(offsetText)) return fulfillmentError(31000, `Invalid offset: ${offsetText}`, { offsetvalue: offsetText });
  const parsed: OrdersQuery = {
    orderIds, created: undefined, modified: undefined, fulfillment: undefined, limit, offset: Number(offsetText), taxBreakdown: fieldGroups !== null,
  };
  // orderIds wins over everything else (spec `orderIds`).
  if (orderIds) return parsed;
  for (const criterion of (query.get('filter') ?? '').split(',').filter((c) => c.trim() !== '')) {
    const colon = criterion.indexOf(':');
    const name = colon < 0 ? criterion : criterion.slice(0, colon);
    const value = colon < 0 ? '' : criterion.slice(colon + 1);
    if (name === 'creationdate' || name === 'lastmodifieddate') {
      const range = parseRange(name, value, now);
      if ('status' in range) return range;
      parsed[name === 'creationdate' ? 'created' : 'modified'] = range;
    } else if (name === 'orderfulfillmentstatus') {
      const set = /^\{(.*)\}$/.exec(value)?.[1];
      if (!set || !STATUS_SETS.includes(set)) return invalidValue(name, value);
      parsed.fulfillment = set.split('|');
    } else {
      return fulfillmentError(30700, `Invalid filter name: ${name}`, { fieldname: name });
    }
  }
  return parsed;
}

function parseRange(name: string, value: string, now: number): Range | MockResponse {
  const match = /^\[(.*)\.\.(.*)\]$/.exec(value);
  if (!match) return invalidValue(name, value);
  const [, start = '', end = ''] = match;
  if (start === '') return fulfillmentError(30820, 'Start date is missing');
  if (!INSTANT.test(start) || (end !== '' && !INSTANT.test(end))) return fulfillmentError(30810, 'Invalid date format');
  const from = Date.parse(start);
  const to = end === '' ? undefined : Date.parse(end);
  if (Number.isNaN(from) || (to !== undefined && Number.isNaN(to))) return fulfillmentError(30810, 'Invalid date format');
  if (from > now || (to !== undefined && to > now)) return fulfillmentError(30850, "Start and end dates can't be in the future");
  if (to !== undefined && from > to) return fulfillmentError(30840, 'Start date should be before end date');
  const years = new Date(from);
  years.setUTCFullYear(years.getUTCFullYear() + MAX_RANGE_YEARS);
  if ((to ?? now) > years.getTime()) {
    return fulfillmentError(30830, `Time range between start date and end date must be within '${MAX_RANGE_YEARS}' years.`, { allowedTime: String(MAX_RANGE_YEARS) });
  }
  return { from, to };
}

const invalidValue = (name: string, value: string) =>
  fulfillmentError(30800, `Invalid filter value ${value} for filter ${name}`, { fieldname: name, fieldvalue: value });

export const inRange = (instant: string, range: Range): boolean => {
  const ms = Date.parse(instant);
  return ms >= range.from && (range.to === undefined || ms <= range.to);
};
