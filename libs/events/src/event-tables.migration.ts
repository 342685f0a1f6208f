import { MigrationInterface, QueryRunner } from 'typeorm';
import { OutboxNotifyDropped1763800000002 } from './outbox-notify-dropped.migration';

/**
 * The event tables every service keeps in its own database: outbox (to publish), inbox (applied
 * event ids), dead_letter (events its handlers gave up on) and parked_event (events it cannot read
 * yet). Each service lists this migration with its own, so the event machinery has one schema everywhere.
 * (Its NOTIFY trigger was dropped again by OutboxNotifyDropped1763800000002.)
 */
export class EventTables1763800000000 implements MigrationInterface {
  name = 'EventTables1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        id           uuid        NOT NULL UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        event_type   text        NOT NULL,
        envelope     jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        sent_at      timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL`);
    // Housekeeping deletes sent rows by age; unsent rows are never in this index, so never pruned.
    await runner.query(`CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await runner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await runner.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await runner.query(`
      CREATE TABLE inbox (
        event_id     uuid        PRIMARY KEY,
        event_type   text        NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX inbox_received ON inbox (received_at)`);
    // One row per Kafka message (topic, partition, offset): a redelivered message is recorded once.
    await runner.query(`
      CREATE TABLE dead_letter (
        id             bigserial   PRIMARY KEY,
        event_id       uuid,
        event_type     text,
        event_version  integer,
        topic          text        NOT NULL,
        partition      integer     NOT NULL,
        kafka_offset   bigint      NOT NULL,
        message_key    text,
        message_value  bytea,
        error          text        NOT NULL,
        attempts       integer     NOT NULL,
        failed_at      timestamptz NOT NULL DEFAULT now(),
        replayed_at    timestamptz,
        replay_error   text,
        UNIQUE (topic, partition, kafka_offset)
      )`);
    await runner.query(`CREATE INDEX dead_letter_unreplayed ON dead_letter (id) WHERE replayed_at IS NULL`);
    await runner.query(`
      CREATE TABLE parked_event (
        id             bigserial   PRIMARY KEY,
        event_id       uuid,
        event_type     text,
        event_version  integer,
        topic          text        NOT NULL,
        partition      integer     NOT NULL,
        kafka_offset   bigint      NOT NULL,
        message_key    text,
        message_value  bytea,
        reason         text        NOT NULL,
        parked_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (topic, partition, kafka_offset)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE parked_event`);
    await runner.query(`DROP TABLE dead_letter`);
    await runner.query(`DROP TABLE inbox`);
    await runner.query(`DROP TRIGGER outbox_notify ON outbox`);
    await runner.query(`DROP FUNCTION outbox_notify`);
    await runner.query(`DROP TABLE outbox`);
  }
}

/** The event tables' migrations, in order: what every service lists before its own. */
export const EVENT_MIGRATIONS: Function[] = [EventTables1763800000000, OutboxNotifyDropped1763800000002];
