export * from './letter-template';
export * from './decision-letter';
