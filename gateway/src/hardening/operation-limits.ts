import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  ValueNode,
} from 'graphql';

/** What one operation may ask of the graph (config: GATEWAY_MAX_*). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxRootFields: number;
}

export interface OperationMeasure {
  /** Deepest field nesting; a root field is depth 1. */
  depth: number;
  /** Aliased fields, counted in every fragment use. */
  aliases: number;
  /** Fields the graph may resolve: each field counts once per list element its parents may hold. */
  cost: number;
  rootFields: number;
}

/** Assumed size of a list field without a `first`/`last`/`limit` argument. */
export const DEFAULT_LIST_SIZE = 10;
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

function listSize(field: FieldNode, variables: Record<string, unknown>): number {
  for (const argument of field.arguments ?? []) {
    if (!PAGE_ARGUMENTS.includes(argument.name.value)) continue;
    const value = literalOrVariable(argument.value, variables);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return DEFAULT_LIST_SIZE;
}

function literalOrVariable(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  // Introspection is measured like any other query: a deep __schema query is as heavy as it looks.
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/**
 * Measures an operation that has passed validation (so fragments exist and do not cycle) against the
 * schema, expanding fragments. Pure: the gateway refuses what exceeds its limits before planning.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0, rootFields: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return measure;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, multiplier: number): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (depth === 1) measure.rootFields++;
        if (selection.alias) measure.aliases++;
        if (selection.name.value === '__typename') continue;
        measure.depth = Math.max(measure.depth, depth);
        measure.cost += multiplier;
        const definition = fieldDefinition(parent, selection.name.value);
        if (!definition || !selection.selectionSet) continue;
        const type = getNamedType(definition.type);
        if (!isCompositeType(type)) continue;
        const elements = isListType(getNullableType(definition.type)) ? listSize(selection, variables) : 1;
        walk(selection.selectionSet, type, depth + 1, multiplier * elements);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        walk(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent, depth, multiplier);
      }
    }
  };
  walk(operation.selectionSet, root, 1, 1);
  return measure;
}

/** The first limit the measure breaks, as a plain sentence for the caller; undefined when within all. */
export function exceededLimit(measure: OperationMeasure, limits: OperationLimits): string | undefined {
  if (measure.depth > limits.maxDepth) return `The query is nested ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed`;
  if (measure.aliases > limits.maxAliases) return `The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed`;
  if (measure.rootFields > limits.maxRootFields) return `The request asks for ${measure.rootFields} top-level fields; at most ${limits.maxRootFields} are allowed`;
  if (measure.cost > limits.maxCost) return `The query could resolve ${measure.cost} fields; at most ${limits.maxCost} are allowed (ask for smaller pages)`;
  return undefined;
}
