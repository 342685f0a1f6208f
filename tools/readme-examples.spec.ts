import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { DocumentNode, Kind, parse, validate } from 'graphql';

// The README's and the services' example operations must run against the graph as composed.
const root = join(__dirname, '..');
const apiSchema = Supergraph.build(readFileSync(join(root, 'gateway/supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
const documents = ['README.md', 'services/case/README.md', 'services/housing-support/README.md', 'services/group-activity/README.md', 'services/benefits-handling/README.md'];

/** A block may hold a walk-through of several operations: each is checked on its own. */
function operations(example: string): DocumentNode[] {
  const { definitions } = parse(example);
  const fragments = definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }));
}

function examples(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  // curl examples: the JSON body's "query"
  const curls = [...text.matchAll(/-d '(\{"query":.*?\})'/g)].map((match) => (JSON.parse(match[1]) as { query: string }).query);
  return [...blocks, ...curls];
}

describe.each(documents)('%s', (file) => {
  const found = examples(file);
  it('has examples', () => expect(found.length).toBeGreaterThan(0));
  it.each(found.map((example, index) => [index + 1, example]))('example %i is valid against the supergraph', (_index, example) => {
    expect(operations(example).flatMap((operation) => validate(apiSchema, operation).map((error) => error.message))).toEqual([]);
  });
});
