export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SUBGRAPH_DEFINITION = Symbol('SUBGRAPH_DEFINITION');
export const LOGGER = Symbol('LOGGER');
export const APP_METRICS = Symbol('APP_METRICS');
