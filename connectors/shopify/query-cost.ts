// Shopify's calculated query cost, as documented (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits,
// "Cost calculation"): scalars and enums 0, objects 1, connections sized by `first`/`last`
// (2 for the connection plus n × the cost of one item). The connector uses it to size its pages
// and pace itself; the mock uses the same function to charge its bucket.
//
// It needs no schema: GraphQL requires a selection set on an object field and forbids one on a
// scalar, so "has a selection set" is exactly "is an object". A field with a `first` or `last`
// argument is a connection. Inside a connection `edges`/`nodes` carry the items, `node` is one
// item (1 + its fields), and `pageInfo`/`cursor` are covered by the connection's own 2 points.
import {
  Kind, getOperationAST, parse, valueFromASTUntyped,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode,
} from 'graphql';

type Variables = Record<string, unknown>;
type Fragments = Map<string, FragmentDefinitionNode>;

/** Shopify's cap on one query's requested cost (`MAX_COST_EXCEEDED` above it). */
export const MAX_SINGLE_QUERY_COST = 1000;
/** Connections cost this much on their own, before their items. */
export const CONNECTION_BASE_COST = 2;
/** Mutations cost 10 (same page); ordersync sends none, the figure is here for the mock. */
export const MUTATION_COST = 10;

export function requestedQueryCost(query: string | DocumentNode, variables: Variables = {}, operationName?: string): number {
  const document = typeof query === 'string' ? parse(query) : query;
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error('no operation to cost');
  const fragments = fragmentsOf(document);
  const fields = collectFields(operation.selectionSet, fragments);
  const base = operation.operation === 'mutation' ? fields.length * MUTATION_COST : 0;
  return base + sumFields(fields, variables, fragments);
}

function sumFields(fields: FieldNode[], variables: Variables, fragments: Fragments): number {
  return fields.reduce((sum, field) => sum + fieldCost(field, variables, fragments), 0);
}

function fieldCost(field: FieldNode, variables: Variables, fragments: Fragments): number {
  if (!field.selectionSet || field.name.value.startsWith('__')) return 0;
  const size = connectionSize(field, variables);
  const children = collectFields(field.selectionSet, fragments);
  if (size === undefined) return 1 + sumFields(children, variables, fragments);
  return CONNECTION_BASE_COST + size * itemCost(children, variables, fragments);
}

/** The cost of one item of a connection, from the connection's own selections. */
function itemCost(connectionFields: FieldNode[], variables: Variables, fragments: Fragments): number {
  let cost = 0;
  for (const field of connectionFields) {
    const name = field.name.value;
    if (name === 'pageInfo' || name === 'cursor' || !field.selectionSet) continue;
    const inner = collectFields(field.selectionSet, fragments);
    if (name === 'nodes') cost += 1 + sumFields(inner, variables, fragments);
    else if (name === 'edges') {
      for (const edgeField of inner) {
        if (edgeField.name.value === 'node' && edgeField.selectionSet) {
          cost += 1 + sumFields(collectFields(edgeField.selectionSet, fragments), variables, fragments);
        }
      }
    } else cost += fieldCost(field, variables, fragments);
  }
  return cost;
}

/** `first` or `last` of a field, when it has one: that makes it a connection. */
export function connectionSize(field: FieldNode, variables: Variables): number | undefined {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    const value = valueFromASTUntyped(arg.value, variables);
    return typeof value === 'number' && value > 0 ? value : 0;
  }
  return undefined;
}

/** The fields of a selection set with fragments spread in (same-type fragments only matter here). */
export function collectFields(selectionSet: SelectionSetNode, fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...collectFields(selection.selectionSet, fragments));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) out.push(...collectFields(fragment.selectionSet, fragments));
    }
  }
  return out;
}

export function fragmentsOf(document: DocumentNode): Fragments {
  const map: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}
