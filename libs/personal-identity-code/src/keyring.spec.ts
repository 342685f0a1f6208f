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
