export * from './local-date';
export * from './finnish-holidays';
export * from './working-days';
export * from './statutory-deadlines';
export * from './time-limit';
export * from './income-support-completion';
export * from './delivery';
export * from './appeal';
