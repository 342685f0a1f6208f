export * from './local-date';
export * from './finnish-holidays';
export * from './working-days';
export * from './statutory-deadlines';
export * from './delivery';
