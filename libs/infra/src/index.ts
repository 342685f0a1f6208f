export { databaseUrl, ensureDatabase, redactUrl } from './database';
export { chooseProvisioning, parseBrokers } from './provisioning';
export type { Provisioner, ProvisioningChoice } from './provisioning';
export { isDockerAvailable } from './docker-detect';
export { provisionInfrastructure } from './provision-infrastructure';
export type { Infrastructure, ProvisionOptions, Purpose } from './types';
export { freePort } from './net';
