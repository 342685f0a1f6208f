import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNERS, Partner } from '@asw/auth';

/** Per partner: the sha256 (hex) of each allow-listed document → the document. */
export type PartnerOperations = ReadonlyMap<Partner, ReadonlyMap<string, string>>;

/** The hash a persisted operation is registered and called by (as Apollo's persisted queries: sha256 hex of the text). */
export function operationHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/**
 * Loads the allow-list: `<dir>/<PARTNER>/<operation>.graphql`, one document per file, exactly as the
 * partner sends it. A partner's request must carry one of these documents, or only its hash in
 * `extensions.persistedQuery.sha256Hash`; anything else is refused before planning.
 */
export function loadPartnerOperations(dir: string): PartnerOperations {
  const registry = new Map<Partner, Map<string, string>>();
  for (const partner of PARTNERS) {
    const documents = new Map<string, string>();
    const folder = join(dir, partner);
    if (existsSync(folder)) {
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.graphql')).sort()) {
        const document = readFileSync(join(folder, file), 'utf8');
        documents.set(operationHash(document), document);
      }
    }
    registry.set(partner, documents);
  }
  return registry;
}
