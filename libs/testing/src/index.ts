export * from './eventually';
export * from './graphql-client';
export * from './start-subgraph';
export * from './test-database';
export * from './kafka-probe';
export * from './query-counter';
export * from './child-process';
