import { tracingEnabled, withoutQuery } from './tracing';

describe('tracing: off unless configured by the standard OTEL_* variables', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: 'console' }, true],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }, false],
  ])('%j → %s', (env, enabled) => {
    expect(tracingEnabled(env)).toBe(enabled);
  });

  it('records paths without their query string (a GET request may carry GraphQL variables there)', () => {
    expect(withoutQuery('/graphql?query=%7B%7D&variables=%7B%22code%22%3A1%7D')).toBe('/graphql');
    expect(withoutQuery('/graphql#x')).toBe('/graphql');
    expect(withoutQuery('/graphql')).toBe('/graphql');
    expect(withoutQuery(undefined)).toBe('/');
  });
});
