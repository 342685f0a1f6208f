import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { decodeKeyring, PersonalIdentityCodeKeyringConfig } from './keyring';
import { parsePersonalIdentityCode } from './personal-identity-code';

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

interface Envelope {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Errors about stored values name the problem only: the value may hold a code, and the key ring is secret. */
function unreadable(problem: string): Error {
  return new Error(`Protected personal identity code ${problem}`);
}

function parseEnvelope(stored: string): Envelope {
  const parts = typeof stored === 'string' ? stored.split(':') : [];
  if (parts.length !== 5 || parts[0] !== VERSION) throw unreadable(`is not in the ${VERSION} format`);
  const [, keyId, iv, ciphertext, tag] = parts;
  const envelope = { keyId, iv: Buffer.from(iv, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64'), tag: Buffer.from(tag, 'base64') };
  if (envelope.iv.length !== IV_BYTES || envelope.tag.length !== TAG_BYTES || envelope.ciphertext.length === 0) {
    throw unreadable(`is not in the ${VERSION} format`);
  }
  return envelope;
}

/**
 * Protection of henkilötunnus at rest (Act 703/2023; PRODUCT.md: "stored encrypted with a keyed hash
 * for lookup"). Values are AES-256-GCM encrypted with a random IV and the key id as authenticated data,
 * stored as `v1:<keyId>:<iv>:<ciphertext>:<tag>` (base64 parts), so any key in the ring can read them
 * and rotation needs no migration window. `lookupHash` gives exact search without decrypting.
 */
export class PersonalIdentityCodeProtector {
  // Private fields keep keys out of util.inspect, JSON.stringify and accidental logging.
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #currentKeyId: string;
  readonly #lookupKey: Buffer;

  constructor(config: PersonalIdentityCodeKeyringConfig) {
    const keyring = decodeKeyring(config);
    this.#keys = keyring.encryptionKeys;
    this.#currentKeyId = keyring.currentKeyId;
    this.#lookupKey = keyring.lookupKey;
  }

  get currentKeyId(): string {
    return this.#currentKeyId;
  }

  /** Validates and normalises the code (BAD_USER_INPUT if invalid), then encrypts it with the current key. */
  encrypt(code: string): string {
    const plaintext = parsePersonalIdentityCode(code).code;
    const keyId = this.#currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(keyId) as Buffer, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId, iv.toString('base64'), ciphertext.toString('base64'), cipher.getAuthTag().toString('base64')].join(':');
  }

  /** Decrypts with whichever key the value names; throws a plain Error (no content) if it was altered. */
  decrypt(stored: string): string {
    const { keyId, iv, ciphertext, tag } = parseEnvelope(stored);
    const key = this.#keys.get(keyId);
    if (!key) throw unreadable('names an encryption key that is not in the key ring');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw unreadable('failed authentication: it was altered or the key is wrong');
    }
  }

  /** True if the value was encrypted with an older key and should be rewritten (`reencrypt`). */
  needsReencryption(stored: string): boolean {
    return parseEnvelope(stored).keyId !== this.#currentKeyId;
  }

  /** The value under the current key; unchanged if it already is. */
  reencrypt(stored: string): string {
    return this.needsReencryption(stored) ? this.encrypt(this.decrypt(stored)) : stored;
  }

  /** HMAC-SHA256 of the normalised code, hex: equal codes give equal hashes, without the key nothing is learnt. */
  lookupHash(code: string): string {
    return createHmac('sha256', this.#lookupKey).update(parsePersonalIdentityCode(code).code, 'utf8').digest('hex');
  }
}
