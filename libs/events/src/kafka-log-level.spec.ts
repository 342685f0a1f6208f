import { logLevel } from 'kafkajs';
import { kafkaLogLevel } from './kafka';

// Issue 21 / 20: a normal start must log no error-level lines, while real errors still reach error level.
describe('kafkaLogLevel', () => {
  const response = 'Response Metadata(key: 3, version: 6)';
  it.each([
    // kafkajs level   message                                                         error                                                   → level
    [logLevel.ERROR, response, 'There is no leader for this topic-partition as we are in the middle of a leadership election', 'debug'],
    [logLevel.ERROR, response, 'This server does not host this topic-partition', 'debug'],
    [logLevel.ERROR, 'Response FindCoordinator(key: 10, version: 2)', 'The group coordinator is not available', 'debug'],
    [logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic with this name already exists', 'debug'],
    [logLevel.ERROR, 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors', 'debug'], // seen on every start: services create the same topics
    [logLevel.ERROR, 'Response JoinGroup(key: 11, version: 5)', 'The group is rebalancing, so a rejoin is needed', 'debug'],
    [logLevel.ERROR, 'The coordinator is not aware of this member, re-joining the group', 'The coordinator is not aware of this member', 'info'],
    [logLevel.ERROR, 'The group is rebalancing, re-joining', 'The group is rebalancing, so a rejoin is needed', 'info'],
    // real errors stay errors
    [logLevel.ERROR, 'Response Produce(key: 0, version: 7)', 'Not authorized to access topics: [Topic authorization failed]', 'error'],
    [logLevel.ERROR, 'Response SaslAuthenticate(key: 36, version: 1)', 'Authentication failed', 'error'],
    [logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', undefined, 'error'],
    [logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded: This server does not host this topic-partition', 'This server does not host this topic-partition', 'error'],
    [logLevel.ERROR, 'Error when calling eachMessage', 'boom', 'error'],
    // other levels pass through
    [logLevel.WARN, 'KafkaJS v2.0.0 switched default partitioner', undefined, 'warn'],
    [logLevel.INFO, 'Consumer has joined the group', undefined, 'info'],
    [logLevel.DEBUG, response, undefined, 'debug'],
  ])('%s %s (%s) → %s', (level, message, error, expected) => {
    expect(kafkaLogLevel(level, message, error)).toBe(expected);
  });
});
