/**
 * `npm run partners:manifest`: writes gateway/partner-operations/manifest.json, the hash (sha256 hex of
 * the normalized document) of every partner's allow-listed operation, for partners to call by hash.
 * A unit test fails when the checked-in manifest is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { partnerManifest } from '../gateway/src/hardening/partner-operations';

const dir = join(__dirname, '..', 'gateway', 'partner-operations');
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(partnerManifest(dir), null, 2)}\n`);
process.stdout.write(`wrote ${join('gateway', 'partner-operations', 'manifest.json')}\n`);
