// `@batch` anywhere but on a field or an object type: graphql-codegen builds the schema without
// validating where directives are applied, so a `@batch` on an interface, an argument or an enum
// value would otherwise be ignored without a word. Each one is a located problem (nothing is written).
import {
  type DocumentNode,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  visit,
} from 'graphql';
import { displayName, type LocationIndex } from './locations.js';
import type { Problem } from './problems.js';

interface HasDirectives {
  readonly directives?: readonly { readonly name: { readonly value: string } }[] | undefined;
}
type Nodes = readonly (HasDirectives | null | undefined)[];

const FIELD_ONLY =
  '@batch goes on a field, or on an entity type with @key ("on FIELD_DEFINITION | OBJECT"); here it would do nothing';

export function misplacedBatches(schema: GraphQLSchema, index: LocationIndex): Problem[] {
  const problems: Problem[] = [];
  const check = (coordinate: string, what: string, remedy: string, nodes: Nodes) => {
    if (!nodes.some((n) => n?.directives?.some((d) => d.name.value === 'batch'))) return;
    problems.push({
      location: index.misplaced(coordinate),
      message: `@batch on ${what}: ${FIELD_ONLY}. Remedy: ${remedy}`,
    });
  };
  const REMOVE = 'remove it, or move it to the field whose value the source loads.';

  check('schema', 'the schema definition', REMOVE, [schema.astNode, ...schema.extensionASTNodes]);
  for (const directive of schema.getDirectives()) {
    for (const arg of directive.args) {
      const what = `the argument "${arg.name}" of directive @${directive.name}`;
      check(`@${directive.name}(${arg.name}:)`, what, REMOVE, [arg.astNode]);
    }
  }
  for (const name of Object.keys(schema.getTypeMap()).sort()) {
    const type = schema.getType(name);
    if (!type || name.startsWith('__')) continue;
    const nodes: Nodes = [type.astNode, ...type.extensionASTNodes];
    if (isObjectType(type) || isInterfaceType(type)) {
      // On an object type, @batch loads the type's entity references: entities.ts reads it.
      if (isInterfaceType(type)) {
        check(
          name,
          `the interface ${name}`,
          `put it on the field of each object type that implements ${name}.`,
          nodes,
        );
      }
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          check(
            `${name}.${field.name}(${arg.name}:)`,
            `the argument "${arg.name}" of ${name}.${field.name}`,
            `put it on the field ${name}.${field.name} itself; to key on this argument, write key: "$args.${arg.name}".`,
            [arg.astNode],
          );
        }
      }
    } else if (isUnionType(type)) {
      check(name, `the union ${name}`, `put it on the fields that return ${name}.`, nodes);
    } else if (isEnumType(type)) {
      check(name, `the enum ${name}`, REMOVE, nodes);
      for (const value of type.getValues()) {
        check(`${name}.${value.name}`, `the enum value ${name}.${value.name}`, REMOVE, [
          value.astNode,
        ]);
      }
    } else if (isInputObjectType(type)) {
      check(name, `the input type ${name}`, REMOVE, nodes);
      for (const field of Object.values(type.getFields())) {
        check(`${name}.${field.name}`, `the input field ${name}.${field.name}`, REMOVE, [
          field.astNode,
        ]);
      }
    } else if (isScalarType(type)) {
      check(name, `the scalar ${name}`, REMOVE, nodes);
    }
  }
  return problems;
}

/**
 * `@batch` in the output's operation documents: codegen does not check where directives are
 * applied there either, and the server never sees it as a loading instruction.
 */
export function batchesInDocuments(
  documents: readonly {
    readonly document?: DocumentNode | undefined;
    readonly location?: string | undefined;
  }[],
): Problem[] {
  const problems: Problem[] = [];
  for (const file of documents) {
    if (!file.document) continue;
    const operations: string[] = [];
    visit(file.document, {
      OperationDefinition: {
        enter: (node) => {
          operations.push(`${node.operation} ${node.name?.value ?? '(anonymous)'}`);
        },
        leave: () => {
          operations.pop();
        },
      },
      FragmentDefinition: {
        enter: (node) => {
          operations.push(`fragment ${node.name.value}`);
        },
        leave: () => {
          operations.pop();
        },
      },
      Directive(node) {
        if (node.name.value !== 'batch') return;
        const token = node.loc?.startToken;
        problems.push({
          location:
            token && file.location
              ? { file: displayName(file.location), line: token.line, column: token.column }
              : undefined,
          message: `@batch in ${operations.at(-1) ?? 'a document'}: @batch goes on a field of the schema ("on FIELD_DEFINITION"); in an operation document it does nothing. Remedy: remove it from the document, and put it on the field's definition in the schema.`,
        });
      },
    });
  }
  return problems;
}
