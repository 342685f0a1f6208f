// Pure domain rules of asumissosiaalinen työ: no framework, no I/O.
export * from './visit-schedule.rules';
export * from './support-period.rules';
export * from './rent-arrears.rules';
export * from './sublease.rules';
