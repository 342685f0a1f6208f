export * from './personal-identity-code';
export * from './age';
export * from './keyring';
export * from './personal-identity-code-protector';
