// The TypeScript types of scalars, as the `typescript` plugin writes them into `Scalars`: the
// built-in defaults (ID, String: string; Int, Float: number; Boolean: boolean), overridden by
// config "scalars" (one type, or { input, output }), custom scalars from "defaultScalarType".
// Arguments are typed by the input side, parent fields by the output side.
import { type GraphQLSchema, isScalarType, specifiedScalarTypes } from 'graphql';
import type { ParsedBatchConfig } from './config.js';
import { loadedHelpers } from './peers.js';

/** One side of a scalar: its type text, unless it is imported from a module (`./x#Y`). */
export interface ScalarSide {
  readonly name: string;
  readonly side: 'input' | 'output';
  /** `string`, `number | bigint`; undefined when it is a type imported from a module. */
  readonly text: string | undefined;
}

export type ScalarLookup = (name: string, side: 'input' | 'output') => ScalarSide | undefined;

/**
 * Reads config "scalars" by the typescript plugin's rules (visitor-plugin-common's
 * buildScalars), here over scalar names so that no graphql object crosses into that package
 * (which may load another copy of graphql).
 */
export function scalarLookup(schema: GraphQLSchema, config: ParsedBatchConfig): ScalarLookup {
  const { DEFAULT_SCALARS, parseMapper } = loadedHelpers().visitorPluginCommon;
  const { scalars, defaultScalarType } = config.scalars;
  const texts = new Map<string, { input: string | undefined; output: string | undefined }>();
  const textOf = (value: string, name: string) => {
    const mapper = parseMapper(value, name);
    return mapper.isExternal ? undefined : mapper.type;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type)) continue;
    const name = type.name;
    const mapped = typeof scalars === 'object' ? scalars[name] : undefined;
    const codegenType = type.extensions?.codegenScalarType;
    const fallback = DEFAULT_SCALARS[name] ?? {
      input: defaultScalarType || 'unknown',
      output: defaultScalarType || 'unknown',
    };
    if (typeof scalars === 'string') {
      texts.set(name, { input: undefined, output: undefined }); // imported from that module
    } else if (typeof mapped === 'string') {
      texts.set(name, { input: textOf(mapped, name), output: textOf(mapped, name) });
    } else if (mapped && typeof mapped === 'object' && mapped.input && mapped.output) {
      texts.set(name, { input: textOf(mapped.input, name), output: textOf(mapped.output, name) });
    } else if (typeof codegenType === 'string') {
      texts.set(name, { input: codegenType, output: codegenType });
    } else {
      texts.set(name, fallback);
    }
  }
  return (name, side) => {
    const entry = texts.get(name);
    return entry ? { name, side, text: entry[side] } : undefined;
  };
}

/** The type texts of every scalar of the schema, both sides (for the ts-morph probe). */
export function scalarTexts(schema: GraphQLSchema, lookup: ScalarLookup): string[] {
  const texts = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type)) continue;
    for (const side of ['input', 'output'] as const) {
      const text = lookup(type.name, side)?.text;
      if (text !== undefined) texts.add(text);
    }
  }
  return [...texts].sort();
}

/** The scalars of the GraphQL spec (ID, String, Int, Float, Boolean). */
export const BUILT_IN_SCALARS: readonly string[] = specifiedScalarTypes.map((type) => type.name);

const PLAIN_MEMBER =
  /^(string|number|boolean|bigint|symbol|null|undefined|unknown|true|false|'[^']*'|"[^"]*"|-?\d+(\.\d+)?)$/;

/** A union of primitive types and literals, whose text alone says which type it is. */
export function isPlainTypeText(text: string): boolean {
  return normalizeTypeText(text)
    .split(' | ')
    .every((member) => PLAIN_MEMBER.test(member));
}

/** The comparable form of a type text: its top-level union members trimmed and sorted. */
export function normalizeTypeText(text: string): string {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if (c === '>' || c === ')' || c === ']' || c === '}') depth--;
    else if (c === '|' && depth === 0) {
      members.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(text.slice(start).trim());
  return members
    .filter((m) => m !== '')
    .sort()
    .join(' | ');
}
