export * from './graph-context';
export * from './subgraph-definition';
export * from './subgraph.app';
export * from './events.runtime';
export * from './tokens';
export * from './client-reference';
export * from './authorization';
export * from './local-date.scalar';
