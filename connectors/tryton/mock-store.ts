// The mock's in-memory models: records, Tryton search domains, read projections and One2Many
// commands, with Tryton's own error messages (trytond/model/modelstorage.py, ir/message.xml).

export type FieldType = 'char' | 'integer' | 'float' | 'numeric' | 'boolean' | 'date' | 'selection' | 'many2one' | 'one2many';

export interface FieldDef {
  type: FieldType;
  label: string;
  required?: boolean;
  relation?: string;
  /** The Many2One on `relation` pointing back (One2Many only). */
  inverse?: string;
}

export type MockRecord = Record<string, unknown> & { id: number };

export interface ModelDef {
  name: string;
  label: string;
  fields: Record<string, FieldDef>;
  defaults?(context: Record<string, unknown>): Record<string, unknown>;
  /** Function fields: computed on read, never stored. */
  computed?: Record<string, (record: MockRecord) => unknown>;
  /** Domain and business checks after create/write; throw MockUserError. */
  validate?(record: MockRecord): void;
  /** Children of a One2Many are read back in this order. */
  order?: (a: MockRecord, b: MockRecord) => number;
}

/** Answers as ["UserError", [message, description, domain]]. */
export class MockUserError extends Error {}
/** Answers as [str(exc), traceback], the shape of any non-Tryton exception. */
export class MockServerError extends Error {}

export class MockStore {
  private readonly tables = new Map<string, Map<number, MockRecord>>();
  private readonly nextIds = new Map<string, number>();
  constructor(readonly models: ReadonlyMap<string, ModelDef>) {
    for (const name of models.keys()) { this.tables.set(name, new Map()); this.nextIds.set(name, 1); }
  }

  /** Each RPC call is one transaction in trytond: the mock restores this copy when a call fails. */
  snapshot(): () => void {
    const copy = new Map([...this.tables].map(([name, rows]) => [name, new Map([...rows].map(([id, row]) => [id, structuredClone(row)]))]));
    const ids = new Map(this.nextIds);
    return () => {
      for (const [name, rows] of copy) this.tables.set(name, rows);
      for (const [name, id] of ids) this.nextIds.set(name, id);
    };
  }

  model(name: string): ModelDef {
    const model = this.models.get(name);
    if (!model) throw new MockServerError(`'${name}'`); // KeyError from Pool.get
    return model;
  }

  all(name: string): MockRecord[] {
    return [...(this.tables.get(name)?.values() ?? [])];
  }

  get(name: string, id: number): MockRecord | undefined {
    return this.tables.get(name)?.get(id);
  }

  search(name: string, domain: unknown, offset = 0, limit: number | null = null, order: unknown = null): number[] {
    const model = this.model(name);
    const found = this.all(name).filter((record) => matches(this, model, record, domain));
    const [field, direction] = Array.isArray(order) && Array.isArray(order[0]) ? (order[0] as [string, string]) : ['id', 'ASC'];
    found.sort((a, b) => compare(a[field], b[field]) * (/desc/i.test(direction) ? -1 : 1) || a.id - b.id);
    return found.slice(offset, limit === null ? undefined : offset + limit).map((record) => record.id);
  }

  read(name: string, ids: number[], fields: string[]): Record<string, unknown>[] {
    const model = this.model(name);
    return ids.map((id) => {
      const record = this.get(name, id);
      // trytond answers a missing or forbidden id with an access error (UserError).
      if (!record) throw new MockUserError(`You are not allowed to read records "${id}" of "${model.label}" because of at least one of these rules:\nUser in companies`);
      const row: Record<string, unknown> = { id };
      for (const field of fields) {
        if (field === 'id') continue;
        const computed = model.computed?.[field];
        const def = model.fields[field];
        if (computed) row[field] = computed(record);
        else if (!def) throw new MockServerError(`'${field}'`);
        else if (def.type === 'one2many') row[field] = this.children(def, id).map((child) => child.id);
        else row[field] = toWire(def, record[field]);
      }
      return row;
    });
  }

  children(def: FieldDef, parentId: number): MockRecord[] {
    const relation = this.model(def.relation!);
    const rows = this.all(relation.name).filter((child) => child[def.inverse!] === parentId);
    return rows.sort(relation.order ?? ((a, b) => a.id - b.id));
  }

  create(name: string, values: Record<string, unknown>, context: Record<string, unknown>, parent?: [string, number]): number {
    const model = this.model(name);
    const id = this.nextIds.get(name)!;
    this.nextIds.set(name, id + 1);
    const record: MockRecord = { id, ...model.defaults?.(context) };
    if (parent) record[parent[0]] = parent[1];
    this.tables.get(name)!.set(id, record);
    try {
      this.assign(model, record, values, context);
      this.check(model, record);
    } catch (error) {
      this.remove(name, [id]);
      throw error;
    }
    return id;
  }

  write(name: string, ids: number[], values: Record<string, unknown>, context: Record<string, unknown>): void {
    const model = this.model(name);
    for (const id of ids) {
      const record = this.get(name, id);
      if (!record) throw new MockUserError(`You are not allowed to write to records "${id}" of "${model.label}" because of at least one of these rules:\nUser in companies`);
      this.assign(model, record, values, context);
      this.check(model, record);
    }
  }

  remove(name: string, ids: number[]): void {
    const model = this.model(name);
    for (const id of ids) {
      for (const def of Object.values(model.fields)) {
        if (def.type === 'one2many') this.remove(def.relation!, this.children(def, id).map((child) => child.id));
      }
      this.tables.get(name)!.delete(id);
    }
  }

  private assign(model: ModelDef, record: MockRecord, values: Record<string, unknown>, context: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(values)) {
      const def = model.fields[field];
      if (!def) throw new MockServerError(`'${field}'`);
      if (def.type === 'one2many') this.applyCommands(def, record.id, value, context);
      else record[field] = fromWire(def, value);
    }
  }

  // One2Many commands (trytond/model/fields/one2many.py): create, write, delete, add.
  private applyCommands(def: FieldDef, parentId: number, commands: unknown, context: Record<string, unknown>): void {
    if (!Array.isArray(commands)) throw new MockServerError('One2Many value must be a list of commands');
    for (const command of commands as unknown[][]) {
      const [action, ...args] = command;
      if (action === 'create') for (const values of args[0] as Record<string, unknown>[]) this.create(def.relation!, values, context, [def.inverse!, parentId]);
      else if (action === 'write') {
        for (let i = 0; i < args.length; i += 2) this.write(def.relation!, args[i] as number[], args[i + 1] as Record<string, unknown>, context);
      } else if (action === 'delete') this.remove(def.relation!, args[0] as number[]);
      else if (action === 'add') this.write(def.relation!, args[0] as number[], { [def.inverse!]: parentId }, context);
      else throw new MockServerError(`Unsupported One2Many command: ${String(action)}`);
    }
  }

  private check(model: ModelDef, record: MockRecord): void {
    for (const [field, def] of Object.entries(model.fields)) {
      if (def.required && (record[field] === undefined || record[field] === null)) {
        throw new MockUserError(`A value is required for field "${def.label}" in "${model.label}".`);
      }
      if (def.type === 'many2one' && typeof record[field] === 'number' && !this.get(def.relation!, record[field])) {
        throw new MockServerError('FOREIGN KEY constraint failed');
      }
    }
    model.validate?.(record);
  }
}

// Domains: [field, operator, value] clauses, implicitly AND-ed, with optional 'AND'/'OR' heads.
function matches(store: MockStore, model: ModelDef, record: MockRecord, domain: unknown): boolean {
  if (!Array.isArray(domain)) throw new MockServerError(`Invalid domain: ${JSON.stringify(domain)}`);
  if (domain.length === 0) return true;
  if (typeof domain[0] === 'string' && typeof domain[1] === 'string' && domain.length >= 3 && !['AND', 'OR'].includes(domain[0])) {
    return clause(model, record, domain as [string, string, unknown]);
  }
  const [head, ...rest] = domain;
  if (head === 'OR') return rest.some((part) => matches(store, model, record, part));
  return (head === 'AND' ? rest : domain).every((part) => matches(store, model, record, part));
}

function clause(model: ModelDef, record: MockRecord, [field, operator, value]: [string, string, unknown]): boolean {
  if (field !== 'id' && !model.fields[field]) throw new MockServerError(`'${field}'`);
  const actual = record[field] ?? null;
  switch (operator) {
    case '=': return actual === value;
    case '!=': return actual !== value;
    case 'in': return Array.isArray(value) && value.includes(actual);
    case 'not in': return Array.isArray(value) && !value.includes(actual);
    case 'ilike':
    case 'like': {
      const pattern = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
      return actual !== null && new RegExp(`^${pattern}$`, operator === 'ilike' ? 'is' : 's').test(String(actual));
    }
    default: throw new MockServerError(`Unsupported operator: ${operator}`);
  }
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

// Numeric values are kept as decimal text and travel as {"__class__": "Decimal", …}.
function toWire(def: FieldDef, value: unknown): unknown {
  if (value === undefined) return def.type === 'boolean' ? false : null;
  if (def.type === 'numeric' && typeof value === 'string') return { __class__: 'Decimal', decimal: value };
  return value;
}

function fromWire(def: FieldDef, value: unknown): unknown {
  if (def.type === 'numeric' && value !== null) {
    const decimal = (value as { __class__?: string; decimal?: string }).decimal;
    if (typeof value === 'number') return String(value);
    if (typeof decimal !== 'string') throw new MockServerError(`conversion of ${JSON.stringify(value)} to Decimal failed`);
    return decimal;
  }
  return value;
}
