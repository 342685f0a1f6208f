import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { validate } from 'graphql';
import { developmentIdentity } from '@asw/auth';
import { placeholders, README_DOCUMENTS, readmeExamples } from './readme-examples';

// The README's and the services' example operations must run against the graph as composed; they run
// against the real graph, in order, in tests/e2e/readme-examples.e2e-spec.ts. These checks are the cheap part.
const root = join(__dirname, '..');
const apiSchema = Supergraph.build(readFileSync(join(root, 'gateway/supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();

describe.each(README_DOCUMENTS)('%s', (file) => {
  const found = readmeExamples(root, file);
  it('has examples', () => expect(found.length).toBeGreaterThan(0));
  describe.each(found.map((example) => [`example ${example.number} (line ${example.line})`, example] as const))('%s', (_name, example) => {
    it('is valid against the supergraph', () => {
      expect(validate(apiSchema, example.document).map((error) => error.message)).toEqual([]);
    });
    it('says which token to use (TOKEN=$(npm run -s token -- …) before it), a valid development identity', () => {
      expect(example.token).toBeDefined();
      expect(developmentIdentity(example.token!.args)).toHaveProperty('identity');
    });
    it('gives every variable it declares, from answers earlier in the same README', () => {
      expect(example.declared.filter((name) => !(name in example.variables))).toEqual([]);
      const earlier = new Set(found.filter((other) => other.number < example.number).flatMap((other) => other.answers));
      expect(placeholders(example.variables).map((placeholder) => placeholder.key).filter((key) => !earlier.has(key))).toEqual([]);
    });
  });
});
