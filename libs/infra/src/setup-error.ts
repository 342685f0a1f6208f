/**
 * A problem of this machine or of a setting that the person starting must fix (a taken port, a server
 * account that cannot be created): `npm start` reports its message in one line, without a stack trace.
 */
export class SetupError extends Error {}
