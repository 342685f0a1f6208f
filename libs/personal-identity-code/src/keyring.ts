import { assertProductionSecrets, ConfigError, DEVELOPMENT_SECRETS } from '@asw/platform';

/**
 * Keys protecting henkilötunnus at rest (Act 703/2023; PRODUCT.md). Values are base64. Encryption keys
 * are kept by id so old rows stay readable after rotation; the lookup key is not rotated with them,
 * since changing it means re-hashing every row.
 */
export interface PersonalIdentityCodeKeyringConfig {
  /** keyId → base64 of a 32-byte AES-256 key. */
  encryptionKeys: Record<string, string>;
  /** The key new values are encrypted with. */
  currentKeyId: string;
  /** base64 of at least 32 bytes, for the HMAC-SHA256 lookup hash. */
  lookupKey: string;
}

export const KEYRING_ENV = {
  /** Comma-separated `keyId:base64Key` pairs, e.g. `2025a:...,2026a:...`. */
  encryptionKeys: 'PERSONAL_IDENTITY_CODE_ENCRYPTION_KEYS',
  currentKeyId: 'PERSONAL_IDENTITY_CODE_CURRENT_KEY_ID',
  lookupKey: 'PERSONAL_IDENTITY_CODE_LOOKUP_KEY',
} as const;

/** Key ids travel inside stored values (`v1:<keyId>:...`), so they may not contain ':' or ','. */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** A key id is safe to print only if it is well formed; a mangled entry could be a pasted key. */
const nameOf = (keyId: string) => (KEY_ID.test(keyId) ? keyId : '(invalid id)');
export const ENCRYPTION_KEY_BYTES = 32;
export const MIN_LOOKUP_KEY_BYTES = 32;

export interface DecodedKeyring {
  encryptionKeys: ReadonlyMap<string, Buffer>;
  currentKeyId: string;
  lookupKey: Buffer;
}

/** Strict base64: refuses what Buffer.from would silently skip or truncate. */
function decodeBase64(value: string): Buffer | undefined {
  const decoded = Buffer.from(value, 'base64');
  return value.length > 0 && decoded.toString('base64') === value ? decoded : undefined;
}

/** Decodes and checks a keyring, listing every problem by name. Key values never appear in a message. */
export function decodeKeyring(config: PersonalIdentityCodeKeyringConfig): DecodedKeyring {
  const problems: string[] = [];
  const encryptionKeys = new Map<string, Buffer>();
  for (const [keyId, value] of Object.entries(config.encryptionKeys ?? {})) {
    if (!KEY_ID.test(keyId)) {
      problems.push(`encryption key ids must start with a letter or digit and contain only letters, digits, '.', '_' and '-' (at most 64)`);
      continue;
    }
    const key = typeof value === 'string' ? decodeBase64(value.trim()) : undefined;
    if (!key) problems.push(`encryption key ${keyId} is not valid base64`);
    else if (key.length !== ENCRYPTION_KEY_BYTES) problems.push(`encryption key ${keyId} must be ${ENCRYPTION_KEY_BYTES} bytes`);
    else encryptionKeys.set(keyId, key);
  }
  if (Object.keys(config.encryptionKeys ?? {}).length === 0) problems.push('at least one encryption key is required');
  if (!config.currentKeyId) problems.push('currentKeyId is required');
  else if (!Object.hasOwn(config.encryptionKeys ?? {}, config.currentKeyId)) problems.push(`currentKeyId ${nameOf(config.currentKeyId)} is not among the encryption keys`);
  const lookupKey = typeof config.lookupKey === 'string' ? decodeBase64(config.lookupKey.trim()) : undefined;
  if (!lookupKey) problems.push('lookupKey is required and must be valid base64');
  else if (lookupKey.length < MIN_LOOKUP_KEY_BYTES) problems.push(`lookupKey must be at least ${MIN_LOOKUP_KEY_BYTES} bytes`);
  else if ([...encryptionKeys.values()].some((key) => key.equals(lookupKey))) problems.push('lookupKey must differ from every encryption key');
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => `personal identity code keyring: ${problem}`));
  return { encryptionKeys, currentKeyId: config.currentKeyId, lookupKey: lookupKey as Buffer };
}

/**
 * Reads the keyring from an environment-like object (KEYRING_ENV names) and validates it at startup,
 * throwing a ConfigError that names variables and key ids but never echoes a value.
 */
export function parseKeyring(env: Record<string, string | undefined> = process.env): PersonalIdentityCodeKeyringConfig {
  const problems: string[] = [];
  const encryptionKeys: Record<string, string> = {};
  const pairs = (env[KEYRING_ENV.encryptionKeys] ?? '').split(',').map((pair) => pair.trim()).filter(Boolean);
  if (pairs.length === 0) problems.push(`${KEYRING_ENV.encryptionKeys} is required`);
  pairs.forEach((pair, index) => {
    const separator = pair.indexOf(':');
    const keyId = separator > 0 ? pair.slice(0, separator).trim() : '';
    if (!keyId) problems.push(`${KEYRING_ENV.encryptionKeys}: entry ${index + 1} must be keyId:base64Key`);
    else if (!KEY_ID.test(keyId)) problems.push(`${KEYRING_ENV.encryptionKeys}: entry ${index + 1} has an invalid key id`);
    else if (Object.hasOwn(encryptionKeys, keyId)) problems.push(`${KEYRING_ENV.encryptionKeys}: key id ${nameOf(keyId)} appears twice`);
    else encryptionKeys[keyId] = pair.slice(separator + 1).trim();
  });
  const currentKeyId = (env[KEYRING_ENV.currentKeyId] ?? '').trim();
  if (!currentKeyId) problems.push(`${KEYRING_ENV.currentKeyId} is required`);
  const lookupKey = (env[KEYRING_ENV.lookupKey] ?? '').trim();
  if (!lookupKey) problems.push(`${KEYRING_ENV.lookupKey} is required`);
  if (problems.length > 0) throw new ConfigError(problems);
  const config = { encryptionKeys, currentKeyId, lookupKey };
  decodeKeyring(config);
  return config;
}

/**
 * Development and test only, like DEV_AUTH in libs/auth: a fixed, public key ring so a fresh clone runs
 * without secrets and every service on one machine computes the same lookup hashes. Never used when
 * NODE_ENV is production.
 */
export const DEV_KEYRING: PersonalIdentityCodeKeyringConfig = {
  encryptionKeys: { dev1: DEVELOPMENT_SECRETS.identityCodeEncryptionKey },
  currentKeyId: 'dev1',
  lookupKey: DEVELOPMENT_SECRETS.identityCodeLookupKey,
};

/**
 * The key ring a service runs with: the KEYRING_ENV variables when any is set (validated by parseKeyring),
 * otherwise DEV_KEYRING outside production; in production the variables are required.
 */
export function keyringFromEnvironment(env: Record<string, string | undefined> = process.env): PersonalIdentityCodeKeyringConfig {
  const anySet = Object.values(KEYRING_ENV).some((name) => (env[name] ?? '').trim() !== '');
  if (!anySet && env.NODE_ENV !== 'production') return DEV_KEYRING;
  const keyring = parseKeyring(env);
  // Production refuses the repository's development keys (libs/platform production-secrets: one rule for every secret).
  assertProductionSecrets({
    NODE_ENV: env.NODE_ENV ?? 'development',
    secrets: {
      ...Object.fromEntries(Object.entries(keyring.encryptionKeys).map(([id, key]) => [`${KEYRING_ENV.encryptionKeys} (key ${id})`, key])),
      [KEYRING_ENV.lookupKey]: keyring.lookupKey,
    },
  });
  return keyring;
}
