// Lookahead prefetch (DESIGN section 5a). A field whose value arrives from a batch looks at its
// own selection set, registers the loads that its batched children will make for every object
// it returns, and resolves only when those have settled, recursively. The children then find
// their values cached and return them synchronously, so graphql-js allocates a few Promises at
// the root instead of ~10 per field. It is an optimisation only: results, errors and rounds
// are the same with and without it (test/runtime/prefetch.test.ts runs both).
import type { Dataloader } from '../dataloader.js';
import { PENDING, REJECTED, type Slot, WAIT_PROMISE, type Waiter } from '../load.js';
import { batchParams } from '../resolve.js';
import type { Source, SourceClass } from '../source.js';
import { isPromiseLike } from '../util/isPromiseLike.js';
import type { PromiseOrValue } from '../util/promiseOrValue.js';
import { createFieldsBelow, type FieldsBelow } from './projection.js';
import { collectSubfields, concreteType } from './selection.js';
import {
  type FieldDefLike,
  fieldsOf,
  ofType,
  type ResolveInfoLike,
  type SelectionNode,
  type TypeLike,
  tagOf,
  variablesOf,
} from './shapes.js';
import { argumentValues } from './values.js';

/** How one `@batch` field loads: emitted by the plugin next to the wrappers. */
export interface PrefetchField {
  /** The Source name, a key of the sources map. */
  readonly source: string;
  /** Property path of the key on the parent (`["authorId"]`); absent for an argument key. */
  readonly keyPath?: readonly string[];
  /** The argument holding the key (`$args.id` → `"id"`); absent for a parent key. */
  readonly keyArg?: string;
  /** A composite key: the object `{ [name]: value }`, each value read from a path or argument. */
  readonly keyParts?: readonly PrefetchKeyPart[];
  /** The key is the parent object itself (`key: "$parent"`). */
  readonly keyParent?: boolean;
  /** A list of keys (`loadAll`) rather than one key (`load`). */
  readonly list: boolean;
  /** The arguments that are the source's batch parameters (none: `with(Source)`), for batchParams. */
  readonly params: readonly string[];
}

/** One part of a composite key. */
export interface PrefetchKeyPart {
  readonly name: string;
  readonly path?: readonly string[];
  readonly arg?: string;
}

/** Object type → field → how it loads. */
export type PrefetchPlan = {
  readonly [typeName: string]: { readonly [fieldName: string]: PrefetchField };
};

export interface PrefetchOptions {
  /** How many field levels below the resolving field to look ahead. Default: unlimited. */
  readonly maxDepth?: number;
}

/** Wraps a resolver's value: resolves it once its batched descendants' loads have settled. */
export type Prefetch = <T>(
  value: PromiseOrValue<T>,
  info: ResolveInfoLike,
  dataloader: Dataloader,
  context?: unknown,
) => PromiseOrValue<T>;

// biome-ignore lint/suspicious/noExplicitAny: a Source of any key, value and params.
type SomeSource = Source<any, any, any>;
/** The user's Source classes by Source name (what `createBatchResolvers` receives). */
type Sources = {
  readonly [name: string]: new (dataloader: Dataloader, params: never) => SomeSource;
};
type AnySource = Source<unknown, unknown, unknown>;

/** Builds the prefetch function for a plan and the user's Source classes. */
export function createPrefetch(
  plan: PrefetchPlan,
  sources: Sources,
  options: PrefetchOptions = {},
): Prefetch {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  // Per request: which (object, field node) pairs a walk has covered, so the children's own
  // wrappers return at once instead of walking their subtrees again (O(size × depth)).
  const covered = new WeakMap<Dataloader, Covered>();
  const fieldsBelow = createFieldsBelow(plan);
  // Per operation: what depends only on the document (and the schema), kept across requests by
  // field node, since servers reuse parsed documents. Valid only without variables, which
  // @skip/@include and arguments may read; an execution with variables compiles its own.
  const constant = newCompiled();

  const start = <T>(value: T, info: ResolveInfoLike, dl: Dataloader, context: unknown) => {
    if (value === null || typeof value !== 'object') return value;
    const variables = variablesOf(info);
    const compiled = isEmpty(variables) ? constant : newCompiled();
    // A field whose object type has nothing batched below it (a User { id name }): no walk.
    const node = info.fieldNodes[0] as SelectionNode;
    let type = info.returnType;
    if (tagOf(type) === 'GraphQLNonNull') type = ofType(type);
    if (tagOf(type) === 'GraphQLObjectType' && maxDepth > 0) {
      if (childrenOf(plan, compiled, info, variables, type, info.fieldNodes).length === 0)
        return value;
    }
    let seen = covered.get(dl);
    if (seen === undefined) {
      seen = new WeakMap();
      covered.set(dl, seen);
    } else if (isCovered(seen, value, node)) return value;
    const walk = new Walk(
      plan,
      sources,
      info,
      variables,
      compiled,
      dl,
      context,
      maxDepth,
      seen,
      fieldsBelow,
    );
    walk.visit(value, info.returnType, info.fieldNodes, 0);
    const pending = walk.drain();
    return pending === undefined ? value : pending.then(() => value);
  };

  return <T>(
    value: PromiseOrValue<T>,
    info: ResolveInfoLike,
    dataloader: Dataloader,
    context?: unknown,
  ): PromiseOrValue<T> => {
    if (isPromiseLike(value)) return value.then((v) => start(v, info, dataloader, context));
    return start(value, info, dataloader, context);
  };
}

interface Pending {
  readonly slots: Slot<unknown>[];
  readonly source: AnySource;
  readonly list: boolean;
  readonly type: TypeLike;
  readonly nodes: readonly SelectionNode[];
  readonly depth: number;
}

/** One lookahead from one resolving field: loads registered level by level. */
class Walk {
  private pending: Pending[] = [];
  /** Source instance per (plan entry, field node). */
  private readonly instances = new Map<PrefetchField, Map<object, AnySource>>();

  constructor(
    private readonly plan: PrefetchPlan,
    private readonly sources: Sources,
    private readonly info: ResolveInfoLike,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly compiled: Compiled,
    private readonly dl: Dataloader,
    private readonly context: unknown,
    private readonly maxDepth: number,
    private readonly covered: Covered,
    private readonly fieldsBelow: FieldsBelow,
  ) {}

  /** Registers the loads of `value`'s batched children (and of their plain descendants). */
  visit(value: unknown, type: TypeLike, nodes: readonly SelectionNode[], depth: number): void {
    if (value === null || value === undefined || depth >= this.maxDepth) return;
    const tag = tagOf(type);
    if (tag === 'GraphQLNonNull') return this.visit(value, ofType(type), nodes, depth);
    if (typeof value !== 'object') return;
    if (tag === 'GraphQLList') {
      if (!Array.isArray(value) || !claim(this.covered, value, nodes[0] as object)) return;
      for (const item of value) this.visit(item, ofType(type), nodes, depth);
      return;
    }
    const concrete = concreteType(this.info, type, value, this.context);
    if (concrete === undefined) return;
    const children = childrenOf(
      this.plan,
      this.compiled,
      this.info,
      this.variables,
      concrete,
      nodes,
    );
    // Nothing batched below: there is nothing to cover, so no claim either.
    if (children.length === 0 || !claim(this.covered, value, nodes[0] as object)) return;
    for (const child of children) {
      if (child.field !== undefined)
        this.load(value, child.field, child.def, child.nodes, depth + 1);
      else {
        // A default-resolved field: its value is the property, available now.
        const next = (value as Record<string, unknown>)[child.name];
        if (typeof next === 'object') this.visit(next, child.def.type, child.nodes, depth + 1);
      }
    }
  }

  /** Waits for the registered loads, level by level; undefined when nothing had to wait. */
  drain(): Promise<void> | undefined {
    for (;;) {
      const batch = this.pending;
      if (batch.length === 0) return undefined;
      const waitOn = firstPending(batch);
      if (waitOn !== undefined) return whenSettled(batch).then(() => this.drain());
      this.pending = [];
      for (const p of batch) this.settled(p);
    }
  }

  private settled(p: Pending): void {
    let failed = false;
    const keep = p.source._keep;
    for (const slot of p.slots) {
      if (slot.state !== REJECTED) {
        // A `cache: false` Source keeps nothing, yet the field waits for this very value:
        // keep it until the scheduler's next tick, as a failed key below.
        if (!keep) this.dl._scheduler.keepFailed(p.source, slot);
        continue;
      }
      failed = true;
      // A failed batch is not cached, yet the child at its own path must see this error
      // rather than fetch again: keep the failed key until the scheduler's next tick.
      this.dl._scheduler.keepFailed(p.source, slot);
    }
    if (failed) return;
    const value = p.list ? p.slots.map((s) => s.outcome) : p.slots[0]?.outcome;
    this.visit(value, p.type, p.nodes, p.depth);
  }

  private load(
    parent: object,
    field: PrefetchField,
    def: FieldDefLike,
    nodes: readonly SelectionNode[],
    depth: number,
  ): void {
    const SourceClass = this.sources[field.source] as SourceClass<AnySource> | undefined;
    if (SourceClass === undefined) return;
    const needsArgs = field.keyArg !== undefined || field.params.length > 0 || readsArgs(field);
    const args = needsArgs ? this.argsOf(def, nodes[0] as SelectionNode) : null;
    if (needsArgs && args === null) return;
    const key = keyOf(field, parent, args);
    if (key === null || key === undefined) return;
    // The arguments, hence the Source instance, are the same for every object under one node
    // and plan entry (one node of an interface or union field may map to several sources).
    const node = nodes[0] as SelectionNode;
    let byNode = this.instances.get(field);
    if (byNode === undefined) {
      byNode = new Map();
      this.instances.set(field, byNode);
    }
    let source = byNode.get(node);
    if (source === undefined) {
      if (field.params.length === 0) source = this.dl.with(SourceClass as never) as AnySource;
      // The same parameters as the field's wrapper passes: batchParams builds both.
      else source = this.dl.with(SourceClass, batchParams(args ?? {}, field.params) as never);
      byNode.set(node, source);
    }
    // What the child's wrapper will pass too, so its load finds this one's value sufficient.
    const fields = (SourceClass as { projection?: boolean }).projection
      ? (this.fieldsBelow(this.info, def.type, nodes) as readonly never[] | undefined)
      : undefined;
    let slots: Slot<unknown>[];
    if (field.list) {
      if (!Array.isArray(key)) return;
      slots = key.map((k) => source.load(k, fields) as Slot<unknown>);
    } else slots = [source.load(key, fields) as Slot<unknown>];
    this.pending.push({ slots, source, list: field.list, type: def.type, nodes, depth });
  }

  /** Argument values per (field definition, node): defaults differ between object types. */
  private argsOf(def: FieldDefLike, node: SelectionNode): Record<string, unknown> | null {
    let byDef = this.compiled.args.get(node);
    if (byDef === undefined) {
      byDef = new Map();
      this.compiled.args.set(node, byDef);
    }
    let args = byDef.get(def);
    if (args === undefined) {
      try {
        args = argumentValues(def, node, this.variables);
      } catch {
        args = null; // graphql-js reports it at the field; nothing to prefetch
      }
      byDef.set(def, args);
    }
    return args;
  }
}

/** A subfield of a concrete type that prefetch handles: batched, or default-resolved. */
interface Child {
  readonly name: string;
  readonly def: FieldDefLike;
  readonly nodes: SelectionNode[];
  /** How it loads; undefined for a default-resolved field (whose property is read). */
  readonly field: PrefetchField | undefined;
}

/** Children per (first field node, concrete type) and arguments per (node, definition). */
interface Compiled {
  readonly children: WeakMap<object, Map<TypeLike, readonly Child[]>>;
  readonly args: WeakMap<object, Map<FieldDefLike, Record<string, unknown> | null>>;
}

function newCompiled(): Compiled {
  return { children: new WeakMap(), args: new WeakMap() };
}

function isEmpty(values: Readonly<Record<string, unknown>>): boolean {
  for (const _ in values) return false;
  return true;
}

/** The batched and default-resolved subfields selected on `type`, compiled once. */
function childrenOf(
  plan: PrefetchPlan,
  compiled: Compiled,
  info: ResolveInfoLike,
  variables: Readonly<Record<string, unknown>>,
  type: TypeLike,
  nodes: readonly SelectionNode[],
): readonly Child[] {
  const first = nodes[0] as SelectionNode;
  let byType = compiled.children.get(first);
  if (byType === undefined) {
    byType = new Map();
    compiled.children.set(first, byType);
  }
  let children = byType.get(type);
  if (children !== undefined) return children;
  const list: Child[] = [];
  const fields = fieldsOf(type);
  const batched = plan[type.name as string];
  if (fields !== undefined) {
    for (const childNodes of collectSubfields(info, variables, type, nodes).values()) {
      const name = (childNodes[0] as SelectionNode).name?.value as string;
      const def = fields[name];
      if (def === undefined) continue;
      const field = batched?.[name];
      if (field !== undefined || def.resolve === undefined || def.resolve === null) {
        // A default-resolved field matters only if objects may sit below it.
        if (field === undefined && isLeaf(def.type)) continue;
        list.push({ name, def, nodes: childNodes, field });
      }
    }
  }
  children = list;
  byType.set(type, children);
  return children;
}

/** A scalar or enum (behind any list or non-null): nothing to walk below it. */
function isLeaf(type: TypeLike): boolean {
  let at = type;
  for (;;) {
    const tag = tagOf(at);
    if (tag === 'GraphQLNonNull' || tag === 'GraphQLList') at = ofType(at);
    else return tag === 'GraphQLScalarType' || tag === 'GraphQLEnumType';
  }
}

/**
 * Per request: object → the field node(s) it was walked under. One node is the common case, so
 * it is stored as is; a Set only when an object appears under several selections.
 */
type Covered = WeakMap<object, object | Set<object>>;

function isCovered(covered: Covered, value: object, node: object): boolean {
  const seen = covered.get(value);
  return seen === node || (seen instanceof Set && seen.has(node));
}

/** Marks (value, node) as walked; false when it already was. */
function claim(covered: Covered, value: object, node: object): boolean {
  const seen = covered.get(value);
  if (seen === undefined) covered.set(value, node);
  else if (seen === node) return false;
  else if (seen instanceof Set) {
    if (seen.has(node)) return false;
    seen.add(node);
  } else covered.set(value, new Set([seen, node]));
  return true;
}

function readsArgs(field: PrefetchField): boolean {
  const parts = field.keyParts;
  if (parts === undefined) return false;
  for (const part of parts) if (part.arg !== undefined) return true;
  return false;
}

/** The key the field's wrapper loads; undefined when it resolves null without loading. */
function keyOf(
  field: PrefetchField,
  parent: object,
  args: Record<string, unknown> | null,
): unknown {
  if (field.keyArg !== undefined) return args?.[field.keyArg];
  if (field.keyParent === true) return parent;
  const parts = field.keyParts;
  if (parts === undefined) return readPath(parent, field.keyPath ?? []);
  // Built as the wrapper builds it (same properties, same order); any null part: no load.
  const key: Record<string, unknown> = {};
  for (const part of parts) {
    const value = part.arg !== undefined ? args?.[part.arg] : readPath(parent, part.path ?? []);
    if (value === null || value === undefined) return undefined;
    key[part.name] = value;
  }
  return key;
}

function readPath(value: object, path: readonly string[]): unknown {
  let at: unknown = value;
  for (const step of path) {
    if (at === null || at === undefined) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

function firstPending(batch: readonly Pending[]): Slot<unknown> | undefined {
  for (const p of batch) for (const slot of p.slots) if (slot.state === PENDING) return slot;
  return undefined;
}

/** Resolves (never rejects) once every key of the batch has settled, failed or not. */
function whenSettled(batch: readonly Pending[]): Promise<void> {
  return new Promise<void>((resolve) => new SettledWaiter(batch, resolve).wake());
}

class SettledWaiter implements Waiter {
  readonly kind = WAIT_PROMISE;
  urgent = false;
  constructor(
    private readonly batch: readonly Pending[],
    private readonly resolve: () => void,
  ) {}
  wake(): void {
    const slot = firstPending(this.batch);
    if (slot === undefined) this.resolve();
    else slot.park(this);
  }
}
