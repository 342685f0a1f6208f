export * from './letter-template';
export * from './decision-letter';
export * from './issuing.config';
export * from './access-log-letter';
