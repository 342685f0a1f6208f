import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { PARTNERS } from '@asw/auth';
import { loadPartnerOperations, operationHash } from './partner-operations';

const root = join(__dirname, '../../..');

describe('partner operations', () => {
  it('registers each document by the sha256 of its exact text, per partner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partner-operations-'));
    mkdirSync(join(dir, 'KELA'));
    writeFileSync(join(dir, 'KELA', 'a.graphql'), 'query A { __typename }\n');
    writeFileSync(join(dir, 'KELA', 'notes.txt'), 'not an operation');
    const registry = loadPartnerOperations(dir);
    expect([...registry.keys()]).toEqual([...PARTNERS]);
    expect([...registry.get('KELA')!.entries()]).toEqual([[operationHash('query A { __typename }\n'), 'query A { __typename }\n']]);
    expect(registry.get('EMPLOYMENT_SERVICES')!.size).toBe(0);
    expect(operationHash('query A { __typename }\n')).toBe('8668f8980321eb501535ee89800d98eb8adff9285c3555bb6973a274d0ef1400'); // as `sha256sum` prints it
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
