import { randomBytes } from 'node:crypto';
import { ConfigError } from '@asw/platform';
import { DEV_KEYRING, KEYRING_ENV, keyringFromEnvironment } from './keyring';
import { PersonalIdentityCodeProtector } from './personal-identity-code-protector';

const key = () => randomBytes(32).toString('base64');

describe('keyringFromEnvironment', () => {
  it.each(['development', 'test', undefined])('uses the public development key ring when nothing is configured (NODE_ENV %s)', (NODE_ENV) => {
    expect(keyringFromEnvironment({ NODE_ENV })).toBe(DEV_KEYRING);
    expect(() => new PersonalIdentityCodeProtector(DEV_KEYRING)).not.toThrow();
  });

  it('requires the variables in production', () => {
    expect(() => keyringFromEnvironment({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('uses and validates the configured key ring whenever any variable is set', () => {
    const env = { NODE_ENV: 'development', [KEYRING_ENV.encryptionKeys]: `k1:${key()}`, [KEYRING_ENV.currentKeyId]: 'k1', [KEYRING_ENV.lookupKey]: key() };
    expect(keyringFromEnvironment(env).currentKeyId).toBe('k1');
    expect(() => keyringFromEnvironment({ NODE_ENV: 'development', [KEYRING_ENV.currentKeyId]: 'k1' })).toThrow(ConfigError);
  });
});

describe('keyringFromEnvironment in production (issue #13 item 5)', () => {
  const env = (encryption: string, lookup: string) => ({ NODE_ENV: 'production', [KEYRING_ENV.encryptionKeys]: `k1:${encryption}`, [KEYRING_ENV.currentKeyId]: 'k1', [KEYRING_ENV.lookupKey]: lookup });
  it.each([
    ['the development encryption key', env(DEV_KEYRING.encryptionKeys.dev1, key()), /ENCRYPTION_KEYS \(key k1\): is a development value/],
    ['the development lookup key', env(key(), DEV_KEYRING.lookupKey), /LOOKUP_KEY: is a development value/],
  ])('refuses %s', (_label, environment, message) => {
    expect(() => keyringFromEnvironment(environment)).toThrow(message);
  });
  it('accepts the county’s own keys', () => {
    expect(keyringFromEnvironment(env(key(), key())).currentKeyId).toBe('k1');
  });
});
