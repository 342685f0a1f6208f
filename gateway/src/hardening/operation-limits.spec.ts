import { buildSchema, Kind, OperationDefinitionNode, parse } from 'graphql';
import { exceededLimit, isIntrospectionOnly, measureOperation, OperationLimits } from './operation-limits';

const schema = buildSchema(`
  type Query { client(id: ID!): Client  clients(first: Int): [Client!]!  me: String  page(first: Int = 20): ClientConnection! }
  type ClientConnection { edges: [ClientEdge!]! pageInfo: PageInfo! }
  type ClientEdge { cursor: String! node: Client! }
  type PageInfo { hasNextPage: Boolean! }
  type Mutation { registerClient(name: String!): Client }
  interface Node { id: ID! }
  type Client implements Node { id: ID! name: String cases: [Case!]! plan: Plan }
  type Case { id: ID! contacts(first: Int): [Contact!]! client: Client }
  type Contact { id: ID! type: String }
  type Plan { goals: [String!]! }
`);

function operationOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation };
}

function measure(query: string, variables: Record<string, unknown> = {}) {
  const { document, operation } = operationOf(query);
  return measureOperation(schema, document, operation, variables);
}

describe('measureOperation', () => {
  it.each([
    ['one scalar root field', '{ me }', {}, { depth: 1, aliases: 0, cost: 1, rootFields: 1 }],
    ['an object and its fields', '{ client(id: 1) { id name } }', {}, { depth: 2, aliases: 0, cost: 3, rootFields: 1 }],
    ['a list without a page size counts 10 elements', '{ clients { id } }', {}, { depth: 2, aliases: 0, cost: 11, rootFields: 1 }],
    ['a list with first: 3', '{ clients(first: 3) { id name } }', {}, { depth: 2, aliases: 0, cost: 7, rootFields: 1 }],
    ['a page size from a variable', 'query($n: Int) { clients(first: $n) { id } }', { n: 50 }, { depth: 2, aliases: 0, cost: 51, rootFields: 1 }],
    ['nested lists multiply', '{ clients(first: 5) { cases { contacts(first: 2) { id } } } }', {}, { depth: 4, aliases: 0, cost: 1 + 5 + 50 + 100, rootFields: 1 }],
    ['__typename is free', '{ __typename client(id: 1) { __typename id } }', {}, { depth: 2, aliases: 0, cost: 2, rootFields: 2 }],
    ['aliases are counted', '{ a: me b: me c: client(id: 1) { x: id } }', {}, { depth: 2, aliases: 4, cost: 4, rootFields: 3 }],
    ['aliases of __typename are counted too', '{ a: __typename b: __typename }', {}, { depth: 1, aliases: 2, cost: 0, rootFields: 2 }],
    [
      'named fragments expand at every use',
      'fragment F on Client { x: id y: name } { client(id: 1) { ...F } clients(first: 2) { ...F } }',
      {},
      { depth: 2, aliases: 4, cost: 1 + 2 + 1 + 2 * 2, rootFields: 2 },
    ],
    ['inline fragments on an interface', '{ client(id: 1) { ... on Node { id } ... on Client { plan { goals } } } }', {}, { depth: 3, aliases: 0, cost: 4, rootFields: 1 }],
    ['cycles through references add depth', '{ client(id: 1) { cases { client { cases { id } } } } }', {}, { depth: 5, aliases: 0, cost: 1 + 1 + 10 + 10 + 100, rootFields: 1 }],
    ['introspection is measured too', '{ __schema { types { fields { name } } } }', {}, { depth: 4, aliases: 0, cost: 1 + 1 + 10 + 100, rootFields: 1 }],
    // Issue #13 item 4: the limits evaluate the operation as it will execute.
    ['a page size from a variable default (variable not sent)', 'query($n: Int = 500) { clients(first: $n) { id } }', {}, { depth: 2, aliases: 0, cost: 501, rootFields: 1 }],
    ['a sent variable overrides its default', 'query($n: Int = 500) { clients(first: $n) { id } }', { n: 2 }, { depth: 2, aliases: 0, cost: 3, rootFields: 1 }],
    ['a page size from the argument default in the schema', '{ page { edges { node { id } } } }', {}, { depth: 4, aliases: 0, cost: 1 + 20 * (1 + 1 * (1 + 1)), rootFields: 1 }],
    ['a default inside a fragment', 'query($n: Int = 300) { ...Q } fragment Q on Query { clients(first: $n) { id } }', {}, { depth: 2, aliases: 0, cost: 301, rootFields: 1 }],
    ['@skip with a defaulted variable leaves the branch out of cost and root fields', 'query($no: Boolean = true) { me clients(first: 100) @skip(if: $no) { id } }', {}, { depth: 2, aliases: 0, cost: 1, rootFields: 1 }],
    ['@include(if: $yes) sent true counts the branch', 'query($yes: Boolean = false) { me clients(first: 100) @include(if: $yes) { id } }', { yes: true }, { depth: 2, aliases: 0, cost: 102, rootFields: 2 }],
    ['a Relay connection counts its page once, not again for edges', '{ page(first: 5) { pageInfo { hasNextPage } edges { cursor node { id name } } } }', {}, { depth: 4, aliases: 0, cost: 1 + 5 * (2 + 1 + 1 + 3), rootFields: 1 }],
    ['the same field twice without aliases executes once', '{ me me }', {}, { depth: 1, aliases: 0, cost: 2, rootFields: 1 }],
    ['mutations are measured like queries', 'mutation { registerClient(name: "x") { id } }', {}, { depth: 2, aliases: 0, cost: 2, rootFields: 1 }],
  ])('%s', (_name, query, variables, expected) => {
    expect(measure(query, variables)).toEqual(expected);
  });
});

describe('measureOperation refuses variables that would not coerce', () => {
  it('throws a GraphQLError instead of measuring a wrong variable', () => {
    expect(() => measure('query($n: Int!) { clients(first: $n) { id } }', {})).toThrow(/\$n/);
  });
});

describe('isIntrospectionOnly', () => {
  it.each([
    ['the standard introspection query', '{ __schema { queryType { name } } __type(name: "Client") { name } }', true],
    ['__typename only (measured like any query)', '{ __typename }', false],
    ['aliased introspection (an alias flood is measured)', '{ a: __schema { queryType { name } } }', false],
    ['introspection through a fragment', 'query { ...I } fragment I on Query { __schema { types { name } } }', true],
    ['introspection plus data', '{ __schema { queryType { name } } me }', false],
    ['data behind an inline fragment', '{ __typename ... on Query { clients { id } } }', false],
  ])('%s → %s', (_name, query, expected) => {
    const { document, operation } = operationOf(query);
    expect(isIntrospectionOnly(operation, document)).toBe(expected);
  });
});

describe('exceededLimit', () => {
  const limits: OperationLimits = { maxDepth: 4, maxAliases: 2, maxCost: 100, maxRootFields: 3 };
  it.each([
    ['within every limit', { depth: 4, aliases: 2, cost: 100, rootFields: 3 }, undefined],
    ['too deep', { depth: 5, aliases: 0, cost: 1, rootFields: 1 }, 'The query is nested 5 levels deep; at most 4 are allowed'],
    ['too many aliases', { depth: 1, aliases: 3, cost: 1, rootFields: 1 }, 'The query uses 3 aliases; at most 2 are allowed'],
    ['too many root fields', { depth: 1, aliases: 0, cost: 4, rootFields: 4 }, 'The request asks for 4 top-level fields; at most 3 are allowed'],
    ['too costly', { depth: 2, aliases: 0, cost: 101, rootFields: 1 }, 'The query could resolve 101 fields; at most 100 are allowed (ask for smaller pages)'],
  ])('%s', (_name, measured, expected) => {
    expect(exceededLimit(measured, limits)).toBe(expected);
  });
});
