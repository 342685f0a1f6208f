// Pure domain rules of etuuskäsittely (Laki toimeentulotuesta 1412/1997): no framework, no I/O.
export * from './cents.util';
export * from './decision.rules';
export * from './decision-content.rules';
export * from './application.rules';
export * from './kela-notice.rules';
export * from './recovery.rules';
export * from './rates.rules';
export * from './monthly-report.rules';
