import type { DataSource } from 'typeorm';
import { createTestDatabase, eventually, startTsProcess, testKafkaBrokers, TsProcess, uniqueSuffix } from '@asw/testing';
import { topicOf } from '@asw/events';
import { applied, ensureTestTopics, openDataSource, publishThings, testKafka, testRelay } from './test-events';

const FIXTURE = 'libs/events/test/fixtures/event-process.fixture.ts';

async function committedOffsets(groupId: string, topic: string): Promise<number> {
  const admin = testKafka(testKafkaBrokers()).admin();
  await admin.connect();
  try {
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return partitions.reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** A consumer process SIGKILLed in the middle of a batch, twice, then restarted: every event applied exactly once. */
describe('event consumer killed mid-batch (real PostgreSQL, Kafka and processes)', () => {
  const total = 4000;
  let url: string;
  let dataSource: DataSource;
  let prefix: string;
  let current: TsProcess | undefined;

  beforeAll(async () => {
    url = await createTestDatabase('events_crash');
    dataSource = await openDataSource(url);
    prefix = `t${uniqueSuffix()}.`;
    const kafka = testKafka(testKafkaBrokers());
    await ensureTestTopics(kafka, prefix);
  });
  afterAll(async () => {
    await current?.stop();
    await dataSource?.destroy();
  });

  it('applies every event exactly once', async () => {
    const sent = await publishThings(dataSource, prefix, total, { perTransaction: 50 });
    const relay = testRelay(dataSource, testKafka(testKafkaBrokers()));
    await relay.start();
    await relay.flush();
    await relay.stop();

    // Slow handler, small chunks: each chunk's transaction is open for a while, so a kill lands inside one.
    const env = { DATABASE_URL: url, KAFKA_BROKERS: testKafkaBrokers().join(','), TOPIC_PREFIX: prefix, HANDLER_DELAY_MS: '2', CHUNK_SIZE: '100' };
    // Kill it mid-stream, again and again (up to six times), until one kill has landed after a chunk was
    // applied and before its offsets were committed: that chunk is redelivered and the inbox must skip it.
    let kills = 0;
    let redeliveryForced = false;
    while (kills < 6 && !(redeliveryForced && kills >= 2)) {
      const before = (await applied(dataSource)).rows;
      current = startTsProcess(FIXTURE, ['consume'], env);
      await current.waitFor('ready');
      await eventually(async () => expect((await applied(dataSource)).rows).toBeGreaterThanOrEqual(before + 300), 60_000, 10);
      await current.stop();
      kills++;
      const appliedAtKill = (await applied(dataSource)).rows;
      expect(appliedAtKill).toBeLessThan(total); // really killed mid-stream
      if (appliedAtKill > (await committedOffsets(`${prefix}events-test`, topicOf('case', prefix)))) redeliveryForced = true;
    }
    expect(redeliveryForced).toBe(true);

    current = startTsProcess(FIXTURE, ['consume'], env);
    await current.waitFor('ready');
    await eventually(async () => expect((await applied(dataSource)).ids.size).toBe(total), 90_000, 200);
    const result = await applied(dataSource);
    expect(result.ids).toEqual(new Set(sent));
    expect(result.rows).toBe(total);
  });
});
