export * from './config/load-config';
export * from './logging/logger';
export * from './errors/domain-error';
export * from './errors/format-error';
export * from './ids/uuid';
export * from './config/production-secrets';
