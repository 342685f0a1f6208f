import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { ConfigError, DomainError } from '@asw/platform';
import { KEYRING_ENV, parseKeyring, PersonalIdentityCodeKeyringConfig } from './keyring';
import { PersonalIdentityCodeProtector } from './personal-identity-code-protector';

const key = (bytes = 32) => randomBytes(bytes).toString('base64');
const oldKey = key();
const newKey = key();
const lookupKey = key();
const CODES = ['131052-308T', '010594Y9021', '290200C4561', '311299+1236'];

const ring = (overrides: Partial<PersonalIdentityCodeKeyringConfig> = {}): PersonalIdentityCodeKeyringConfig => ({
  encryptionKeys: { k2025: oldKey },
  currentKeyId: 'k2025',
  lookupKey,
  ...overrides,
});

const thrown = (act: () => unknown): Error => {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('PersonalIdentityCodeProtector encryption', () => {
  const protector = new PersonalIdentityCodeProtector(ring());

  it.each(CODES)('round-trips %s in the v1 format, with a fresh IV each time', (code) => {
    const first = protector.encrypt(code);
    const second = protector.encrypt(code);
    expect(first).toMatch(/^v1:k2025:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]{24}$/);
    expect(Buffer.from(first.split(':')[2], 'base64')).toHaveLength(12);
    expect(first).not.toBe(second);
    expect(first).not.toContain(code);
    expect(protector.decrypt(first)).toBe(code);
    expect(protector.decrypt(second)).toBe(code);
  });

  it.each([
    ['131052-308t', '131052-308T'],
    [' 010594y9021 ', '010594Y9021'],
  ])('stores %p normalised as %s', (input, normalised) => {
    expect(protector.decrypt(protector.encrypt(input))).toBe(normalised);
  });

  it('refuses to encrypt an invalid code, without echoing it', () => {
    const error = thrown(() => protector.encrypt('131052-308U')) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).not.toContain('131052');
  });
});

describe('key rotation', () => {
  const before = new PersonalIdentityCodeProtector(ring());
  const after = new PersonalIdentityCodeProtector(ring({ encryptionKeys: { k2025: oldKey, k2026: newKey }, currentKeyId: 'k2026' }));

  it.each(CODES)('a value encrypted under the old key stays readable and is flagged for re-encryption: %s', (code) => {
    const stored = before.encrypt(code);
    expect(before.needsReencryption(stored)).toBe(false);
    expect(after.decrypt(stored)).toBe(code);
    expect(after.needsReencryption(stored)).toBe(true);
    const rotated = after.reencrypt(stored);
    expect(rotated.startsWith('v1:k2026:')).toBe(true);
    expect(after.needsReencryption(rotated)).toBe(false);
    expect(after.decrypt(rotated)).toBe(code);
    expect(after.reencrypt(rotated)).toBe(rotated);
  });

  it('cannot read a value once its key has left the ring', () => {
    const retired = new PersonalIdentityCodeProtector(ring({ encryptionKeys: { k2026: newKey }, currentKeyId: 'k2026' }));
    expect(thrown(() => retired.decrypt(before.encrypt(CODES[0]))).message).toBe(
      'Protected personal identity code names an encryption key that is not in the key ring',
    );
  });
});

describe('tamper detection', () => {
  const protector = new PersonalIdentityCodeProtector(ring({ encryptionKeys: { k2025: oldKey, k2026: newKey } }));
  const stored = protector.encrypt(CODES[0]);
  const [version, keyId, iv, ciphertext, tag] = stored.split(':');
  const flip = (b64: string, index = 0) => {
    const bytes = Buffer.from(b64, 'base64');
    bytes[index] ^= 0x01;
    return bytes.toString('base64');
  };

  it.each([
    ['ciphertext altered', [version, keyId, iv, flip(ciphertext), tag].join(':')],
    ['last ciphertext byte altered', [version, keyId, iv, flip(ciphertext, 10), tag].join(':')],
    ['IV altered', [version, keyId, flip(iv), ciphertext, tag].join(':')],
    ['tag altered', [version, keyId, iv, ciphertext, flip(tag)].join(':')],
    ['key id swapped (authenticated data)', [version, 'k2026', iv, ciphertext, tag].join(':')],
  ])('%s: refused with a plain Error that reveals nothing', (_case, altered) => {
    const error = thrown(() => protector.decrypt(altered));
    expect(error).not.toBeInstanceOf(DomainError);
    expect(error.message).toBe('Protected personal identity code failed authentication: it was altered or the key is wrong');
    expect(error.message).not.toContain('131052');
  });

  it.each([
    ['no version', stored.slice(3)],
    ['unknown version', `v2${stored.slice(2)}`],
    ['truncated tag', [version, keyId, iv, ciphertext, tag.slice(0, 8)].join(':')],
    ['short IV', [version, keyId, Buffer.alloc(8).toString('base64'), ciphertext, tag].join(':')],
    ['plaintext', CODES[0]],
    ['empty', ''],
  ])('%s: refused as not in the v1 format', (_case, altered) => {
    expect(thrown(() => protector.decrypt(altered)).message).toBe('Protected personal identity code is not in the v1 format');
    expect(thrown(() => protector.needsReencryption(altered)).message).not.toContain('131052');
  });

  it('a different key ring cannot read the value', () => {
    const other = new PersonalIdentityCodeProtector(ring({ encryptionKeys: { k2025: key() } }));
    expect(() => other.decrypt(stored)).toThrow('failed authentication');
  });
});

describe('lookupHash', () => {
  const protector = new PersonalIdentityCodeProtector(ring());

  it.each(CODES)('is stable, normalising and hex for %s', (code) => {
    const hash = protector.lookupHash(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(protector.lookupHash(` ${code.toLowerCase()} `)).toBe(hash);
    expect(new PersonalIdentityCodeProtector(ring()).lookupHash(code)).toBe(hash);
    // Encryption-key rotation does not change the lookup hash.
    expect(new PersonalIdentityCodeProtector(ring({ encryptionKeys: { k2026: newKey }, currentKeyId: 'k2026' })).lookupHash(code)).toBe(hash);
  });

  it('depends on the lookup key and the code', () => {
    const other = new PersonalIdentityCodeProtector(ring({ lookupKey: key(48) }));
    expect(other.lookupHash(CODES[0])).not.toBe(protector.lookupHash(CODES[0]));
    expect(protector.lookupHash(CODES[1])).not.toBe(protector.lookupHash(CODES[0]));
  });

  it('refuses an invalid code as bad input, without echoing it', () => {
    const error = thrown(() => protector.lookupHash('131052-308U')) as DomainError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).not.toContain('131052');
  });

  it('keeps the keys out of inspection and JSON', () => {
    const text = `${inspect(protector, { showHidden: true, depth: 5 })} ${JSON.stringify(protector)}`;
    expect(text).not.toContain(oldKey);
    expect(text).not.toContain(lookupKey);
  });
});

describe('keyring validation', () => {
  const env = (overrides: Record<string, string | undefined> = {}) => ({
    [KEYRING_ENV.encryptionKeys]: `k2025:${oldKey}, k2026:${newKey}`,
    [KEYRING_ENV.currentKeyId]: 'k2026',
    [KEYRING_ENV.lookupKey]: lookupKey,
    ...overrides,
  });

  it('parses the environment', () => {
    expect(parseKeyring(env())).toEqual({ encryptionKeys: { k2025: oldKey, k2026: newKey }, currentKeyId: 'k2026', lookupKey });
  });

  const short = key(16);
  const shortLookup = key(31);
  it.each([
    ['no encryption keys', env({ [KEYRING_ENV.encryptionKeys]: undefined }), 'PERSONAL_IDENTITY_CODE_ENCRYPTION_KEYS is required'],
    ['no current key id', env({ [KEYRING_ENV.currentKeyId]: '' }), 'PERSONAL_IDENTITY_CODE_CURRENT_KEY_ID is required'],
    ['no lookup key', env({ [KEYRING_ENV.lookupKey]: undefined }), 'PERSONAL_IDENTITY_CODE_LOOKUP_KEY is required'],
    ['current key id not in the ring', env({ [KEYRING_ENV.currentKeyId]: 'k2027' }), 'currentKeyId k2027 is not among the encryption keys'],
    ['inherited property as key id', env({ [KEYRING_ENV.currentKeyId]: 'toString' }), 'currentKeyId toString is not among the encryption keys'],
    ['a 16-byte encryption key', env({ [KEYRING_ENV.encryptionKeys]: `k2026:${short}` }), 'encryption key k2026 must be 32 bytes'],
    ['an encryption key that is not base64', env({ [KEYRING_ENV.encryptionKeys]: 'k2026:not*base64!' }), 'encryption key k2026 is not valid base64'],
    ['a 31-byte lookup key', env({ [KEYRING_ENV.lookupKey]: shortLookup }), 'lookupKey must be at least 32 bytes'],
    ['lookup key reused as an encryption key', env({ [KEYRING_ENV.lookupKey]: newKey }), 'lookupKey must differ from every encryption key'],
    ['entry without a key id', env({ [KEYRING_ENV.encryptionKeys]: newKey }), 'entry 1 must be keyId:base64Key'],
    ['duplicate key id', env({ [KEYRING_ENV.encryptionKeys]: `k2026:${oldKey},k2026:${newKey}` }), 'key id k2026 appears twice'],
    ['key id that could not travel in a stored value', env({ [KEYRING_ENV.encryptionKeys]: `__proto__:${newKey}` }), 'entry 1 has an invalid key id'],
  ])('refuses %s, naming the problem but no key value', (_case, values, problem) => {
    const error = thrown(() => parseKeyring(values)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(problem);
    for (const secret of [oldKey, newKey, lookupKey, short, shortLookup]) expect(error.message).not.toContain(secret);
  });

  it('the protector validates a config given directly', () => {
    expect(() => new PersonalIdentityCodeProtector(ring({ currentKeyId: 'missing' }))).toThrow(ConfigError);
    expect(() => new PersonalIdentityCodeProtector(ring({ encryptionKeys: {} }))).toThrow('at least one encryption key is required');
  });

  it('works end to end from the environment', () => {
    const protector = new PersonalIdentityCodeProtector(parseKeyring(env()));
    expect(protector.currentKeyId).toBe('k2026');
    expect(protector.decrypt(protector.encrypt('131052-308T'))).toBe('131052-308T');
  });
});
