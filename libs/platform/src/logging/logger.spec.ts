import { createLogger, startupLogLevel } from './logger';

describe('startupLogLevel (the logger that reports a bad configuration must itself start)', () => {
  it.each([
    [undefined, 'info'],
    ['debug', 'debug'],
    ['silent', 'silent'],
    ['verbose', 'info'], // not a pino level: loadConfig reports it in its one line
    ['INFO', 'info'],
    ['', 'info'],
  ])('LOG_LEVEL=%j → %s', (value, expected) => {
    expect(startupLogLevel(value)).toBe(expected);
  });

  it('createLogger does not throw on a bad level (pino would)', () => {
    expect(createLogger('test', 'loud').level).toBe('info');
  });
});
