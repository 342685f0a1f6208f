import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
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
  it('registers Kela’s intake operations', () => {
    expect(registered.filter(([partner]) => partner === 'KELA')).toHaveLength(3);
  });
  it.each(registered)('%s: %s is one named operation valid against the supergraph', (_partner, document) => {
    const parsed = parse(document);
    expect(parsed.definitions).toHaveLength(1);
    expect(validate(apiSchema, parsed)).toEqual([]);
  });
});
