import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNullableType,
  getVariableValues,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  validate,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** What one operation may ask of the graph (config: GATEWAY_MAX_*). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxRootFields: number;
}

export interface OperationMeasure {
  /** Deepest field nesting; a root field is depth 1 (fragments add no level). */
  depth: number;
  /** Aliased fields, counted in every fragment use. */
  aliases: number;
  /** Fields the graph may resolve: each field counts once per list element its parents may hold. */
  cost: number;
  /** Top-level fields as executed: after @skip/@include and fragment merging. */
  rootFields: number;
}

/** Assumed size of a list field without a `first`/`last`/`limit` argument. */
export const DEFAULT_LIST_SIZE = 10;
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

function pageSize(args: Record<string, unknown>): number | undefined {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return undefined;
}

/**
 * Cost per field, given the argument values graphql-query-complexity coerced as execution will
 * (variables sent, else their defaults, else the argument's default): a field costs 1, plus its
 * selection once per element it may return. A Relay connection field (`first: n`) carries its page
 * size; the lists inside a connection type (`edges`, `nodes`) then count once per page element.
 */
const listAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__typename') return 0;
  const size = pageSize(args);
  const insideConnection = isObjectType(type) && 'pageInfo' in type.getFields();
  const elements = isListType(getNullableType(field.type)) ? (size ?? (insideConnection ? 1 : DEFAULT_LIST_SIZE)) : (size ?? 1);
  return 1 + elements * childComplexity;
};

/**
 * An introspection query as GraphiQL, codegen and Rover send it: a query whose root fields are only
 * `__schema`, `__type` and `__typename`, at least one of the first two, none aliased.
 */
export function isIntrospectionOnly(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = fragmentsOf(document);
  const rootFields = (selections: OperationDefinitionNode['selectionSet']['selections']): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet.selections);
      const fragment = fragments[selection.name.value];
      return fragment ? rootFields(fragment.selectionSet.selections) : [];
    });
  const fields = rootFields(operation.selectionSet.selections);
  return (
    fields.every((field) => !field.alias && ['__schema', '__type', '__typename'].includes(field.name.value)) &&
    fields.some((field) => field.name.value !== '__typename')
  );
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/**
 * Measures the operation as it will execute, on a document that has passed validation: variables are
 * coerced with their defaults, fragments expanded, `@skip`/`@include` applied. Depth and aliases come
 * from GraphQL Armor's rules, cost from graphql-query-complexity, root fields from graphql-js's own
 * field collection. Throws a GraphQLError when the variables do not coerce (Apollo Server would refuse them too).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0, rootFields: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return measure;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) throw coerced.errors[0];
  const variables = coerced.coerced;
  const fragments = fragmentsOf(document);
  // Only the operation that runs, with the fragments it may use.
  const single: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] };

  // Armor's rules as measuring instruments: the limit check (and its message) is ours.
  const unbounded = Number.MAX_SAFE_INTEGER;
  const problems = validate(schema, single, [
    maxDepthRule({ n: unbounded, flattenFragments: true, ignoreIntrospection: false, onAccept: [(_context, { n }) => (measure.depth = n)] }),
    maxAliasesRule({ n: unbounded, allowList: [], onAccept: [(_context, { n }) => (measure.aliases = n)] }),
  ]);
  if (problems.length > 0) throw problems[0];

  measure.rootFields = collectFields(schema, fragments, variables, root, operation.selectionSet).size;
  measure.cost = getComplexity({ schema, query: single, variables: rawVariables, estimators: [listAwareEstimator] });
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
