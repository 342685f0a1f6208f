export { databaseUrl, ensureDatabase, ensureServiceDatabase, redactUrl, serviceRoleGrants, serviceRoleNames } from './database';
export type { ServiceDatabase } from './database';
export { chooseProvisioning, parseBrokers } from './provisioning';
export type { Provisioner, ProvisioningChoice } from './provisioning';
export { isDockerAvailable } from './docker-detect';
export { provisionInfrastructure } from './provision-infrastructure';
export type { Infrastructure, ProvisionOptions, Purpose } from './types';
export { freePort } from './net';
