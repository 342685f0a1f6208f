// Pure domain rules of ryhmätoiminta (sosiaalinen kuntoutus, SHL §17): no framework, no I/O.
export * from './group.rules';
export * from './rehabilitation-eligibility.rules';
export * from './enrollment.rules';
export * from './attendance.rules';
