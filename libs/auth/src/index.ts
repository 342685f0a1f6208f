export * from './identity';
export * from './access-token';
export * from './gateway-identity';
export * from './development-identity';
