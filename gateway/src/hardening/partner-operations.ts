import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { PARTNERS, Partner } from '@asw/auth';

/** Per partner: the sha256 (hex) of each allow-listed document, normalized → the document. */
export type PartnerOperations = ReadonlyMap<Partner, ReadonlyMap<string, string>>;

/**
 * A document in its one printed form (graphql-js `print(parse(…))`, as Apollo's safelisting
 * normalizes): whitespace, comments and trailing newlines no longer matter. Undefined when it does not parse.
 */
export function normalizedDocument(document: string): string | undefined {
  try {
    return print(parse(document, { noLocation: true }));
  } catch {
    return undefined;
  }
}

/**
 * The hash a partner's operation is registered and called by: sha256 (hex) of the normalized
 * document (gateway/partner-operations/manifest.json lists them). A document that does not parse
 * hashes as it is (it matches nothing).
 */
export function operationHash(document: string): string {
  return createHash('sha256').update(normalizedDocument(document) ?? document).digest('hex');
}

export interface PartnerOperationFile {
  partner: Partner;
  file: string;
  /** The document as registered: normalized. */
  body: string;
  id: string;
  name: string | null;
  type: 'query' | 'mutation' | 'subscription';
}

/** Every allow-listed document: `<dir>/<PARTNER>/<operation>.graphql`, one document per file. */
export function readPartnerOperationFiles(dir: string): PartnerOperationFile[] {
  const files: PartnerOperationFile[] = [];
  for (const partner of PARTNERS) {
    const folder = join(dir, partner);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.graphql')).sort()) {
      const source = readFileSync(join(folder, file), 'utf8');
      const document = parse(source, { noLocation: true });
      const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
      if (!operation || operation.kind !== 'OperationDefinition') throw new Error(`${partner}/${file}: no operation in the file`);
      const body = print(document);
      files.push({ partner, file: `${partner}/${file}`, body, id: operationHash(body), name: operation.name?.value ?? null, type: operation.operation });
    }
  }
  return files;
}

/**
 * Loads the allow-list. A partner's request must carry one of these documents (in any layout: it is
 * normalized before matching), or only its hash in `extensions.persistedQuery.sha256Hash`; anything
 * else is refused before planning.
 */
export function loadPartnerOperations(dir: string): PartnerOperations {
  const registry = new Map<Partner, Map<string, string>>(PARTNERS.map((partner) => [partner, new Map()]));
  for (const operation of readPartnerOperationFiles(dir)) registry.get(operation.partner)!.set(operation.id, operation.body);
  return registry;
}

/** The manifest of registered documents, in the shape of Apollo's persisted query manifest plus the partner. */
export function partnerManifest(dir: string) {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: readPartnerOperationFiles(dir).map(({ id, name, type, body, partner, file }) => ({ id, name, type, body, partner, file })),
  };
}
