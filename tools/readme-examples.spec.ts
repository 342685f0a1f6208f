import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { validate } from 'graphql';
import { developmentIdentity } from '@asw/auth';
import { isValidPersonalIdentityCode } from '@asw/personal-identity-code';
import { DEMO_CLIENTS } from './demo-seed';
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

describe('identity codes the examples register', () => {
  const codes = README_DOCUMENTS.flatMap((file) => readmeExamples(root, file)).flatMap((example) => [...example.query.matchAll(/personalIdentityCode: "([^"]+)"/g)].map((match) => match[1]));
  it('are valid henkilötunnus codes in the temporary range 900–999, never issued to a real person', () => {
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !isValidPersonalIdentityCode(code) || !/^\d{6}[-+A-FU-Y]9\d\d.$/.test(code))).toEqual([]);
  });
  it('are not the ones `npm start` seeds, and each README registers its own (a newcomer follows them all on one graph)', () => {
    const seeded = new Set(DEMO_CLIENTS.map((client) => client.personalIdentityCode));
    expect(codes.filter((code) => seeded.has(code))).toEqual([]);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });
});
