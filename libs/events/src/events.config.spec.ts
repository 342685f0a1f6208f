import { ConfigError, loadConfig } from '@asw/platform';
import { eventsConfigSchema, retentionOf } from './events.config';

describe('eventsConfigSchema', () => {
  it('has production defaults for everything', () => {
    const config = loadConfig(eventsConfigSchema, {});
    expect(config).toMatchObject({ EVENTS_HANDLER_MAX_ATTEMPTS: 5, EVENTS_OUTBOX_RETENTION_DAYS: 7, EVENTS_INBOX_RETENTION_DAYS: 30 });
    expect(retentionOf(config)).toEqual({ outboxRetentionMs: 7 * 86_400_000, inboxRetentionMs: 30 * 86_400_000 });
  });

  it.each([
    [{ EVENTS_INBOX_RETENTION_DAYS: '7' }, 'EVENTS_INBOX_RETENTION_DAYS'],
    [{ EVENTS_HANDLER_MAX_ATTEMPTS: '0' }, 'EVENTS_HANDLER_MAX_ATTEMPTS'],
    [{ EVENTS_RELAY_BATCH_SIZE: 'lots' }, 'EVENTS_RELAY_BATCH_SIZE'],
  ])('refuses %j', (env, key) => {
    expect(() => loadConfig(eventsConfigSchema, env)).toThrow(ConfigError);
    expect(() => loadConfig(eventsConfigSchema, env)).toThrow(key);
  });
});
