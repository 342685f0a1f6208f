import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { PARTNERS } from '@asw/auth';
import { loadPartnerOperations, operationHash, partnerManifest } from './partner-operations';

const root = join(__dirname, '../../..');

describe('partner operations', () => {
  it('registers each document, normalized, by the sha256 of its normalized text, per partner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partner-operations-'));
    mkdirSync(join(dir, 'KELA'));
    writeFileSync(join(dir, 'KELA', 'a.graphql'), '# Kela asks\nquery A { __typename }\n');
    writeFileSync(join(dir, 'KELA', 'notes.txt'), 'not an operation');
    const registry = loadPartnerOperations(dir);
    expect([...registry.keys()]).toEqual([...PARTNERS]);
    const normalized = 'query A {\n  __typename\n}';
    expect([...registry.get('KELA')!.entries()]).toEqual([[operationHash(normalized), normalized]]);
    expect(registry.get('EMPLOYMENT_SERVICES')!.size).toBe(0);
    // sha256 hex of the normalized text, as `printf 'query A {\n  __typename\n}' | sha256sum` prints it
    expect(operationHash(normalized)).toBe(createHash('sha256').update(normalized).digest('hex'));
  });

  // Issue #15: matching must not depend on whitespace, comments or trailing newlines.
  it.each([
    ['the file as written', 'query A { __typename }\n'],
    ['no trailing newline', 'query A { __typename }'],
    ['other whitespace and line breaks', 'query   A {\r\n\t__typename\n}\n\n'],
    ['comments', '# from the partner\nquery A { # the type\n __typename }'],
    ['commas (insignificant in GraphQL)', 'query A { __typename, }'],
  ])('matches %s to the same hash', (_label, document) => {
    expect(operationHash(document)).toBe(operationHash('query A { __typename }'));
  });

  it.each([
    ['another field', 'query A { __schema { queryType { name } } }'],
    ['another operation name', 'query B { __typename }'],
    ['an argument value changed', 'query A { client(id: "1") { id } }'],
  ])('gives %s another hash', (_label, document) => {
    expect(operationHash(document)).not.toBe(operationHash('query A { __typename }'));
  });

  it('keeps the checked-in manifest (gateway/partner-operations/manifest.json) current: `npm run partners:manifest` rewrites it', () => {
    const checkedIn = JSON.parse(readFileSync(join(root, 'gateway/partner-operations/manifest.json'), 'utf8'));
    expect(checkedIn).toEqual(partnerManifest(join(root, 'gateway/partner-operations')));
    expect(checkedIn.operations).toHaveLength(6);
  });

  // The allow-list in the repository must run against the graph as composed: a renamed field fails here, not at Kela.
  const registry = loadPartnerOperations(join(root, 'gateway/partner-operations'));
  const apiSchema = Supergraph.build(readFileSync(join(root, 'gateway/supergraph.graphql'), 'utf8')).apiSchema().toGraphQLJSSchema();
  const registered = [...registry].flatMap(([partner, documents]) => [...documents.values()].map((document) => [partner, document] as const));
  const operationNames = (of: string) =>
    registered
      .filter(([partner]) => partner === of)
      .map(([, document]) => parse(document).definitions.map((definition) => ('name' in definition ? definition.name?.value : undefined))[0])
      .sort();
  it('registers Kela’s intake operations', () => {
    expect(operationNames('KELA')).toEqual(['ForwardIncomeSupportApplication', 'ForwardedApplicationStatus', 'SubmitKelaNotice']);
  });
  it('registers employment services’ activation-plan operations: read and co-sign, nothing else', () => {
    expect(operationNames('EMPLOYMENT_SERVICES')).toEqual(['CoSignActivationPlan', 'SharedActivationPlan', 'SharedActivationPlans']);
  });
  it('gives employment services no Client fields (no names, no identity codes): only plan content and the client id', () => {
    const reached = new Set<string>();
    for (const [, document] of registered.filter(([partner]) => partner === 'EMPLOYMENT_SERVICES')) {
      const typeInfo = new TypeInfo(apiSchema);
      visit(parse(document), visitWithTypeInfo(typeInfo, { Field: () => void reached.add(getNamedType(typeInfo.getType())!.name) }));
    }
    expect(reached).not.toContain('Client');
    expect([...reached].filter((type) => !['ActivationPlan', 'ActivationPlanMeasure', 'ActivationPlanStatus', 'ActivationMeasureKind', 'ID', 'String', 'Int', 'LocalDate', 'DateTime'].includes(type))).toEqual([]);
  });
  it.each(PARTNERS)('%s: every document is registered under a distinct operation name', (partner) => {
    expect(new Set(operationNames(partner)).size).toBe(operationNames(partner).length);
  });
  it.each(registered)('%s: %s is one named operation valid against the supergraph', (_partner, document) => {
    const parsed = parse(document);
    expect(parsed.definitions).toHaveLength(1);
    expect(validate(apiSchema, parsed)).toEqual([]);
  });
});
