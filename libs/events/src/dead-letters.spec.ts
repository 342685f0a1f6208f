import { deadLetterMessage } from './dead-letters';

const where = { topic: 'case.events', partition: 2, offset: '41', key: Buffer.from('k') };
const failedAt = new Date('2026-11-02T09:30:00.000Z');

describe('deadLetterMessage', () => {
  it('carries the original envelope, the error, the consumer and where the message came from', () => {
    const envelope = { id: 'e-1', type: 'ClientRegistered', payload: { clientId: 'c' } };
    expect(deadLetterMessage('group-activity', { ...where, value: Buffer.from(JSON.stringify(envelope)) }, 'Error: boom', 5, failedAt)).toEqual({
      envelope,
      error: 'Error: boom',
      consumer: 'group-activity',
      topic: 'case.events',
      partition: 2,
      offset: '41',
      attempts: 5,
      failedAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('keeps bytes that are not JSON as base64', () => {
    const message = deadLetterMessage('case', { ...where, value: Buffer.from([0xff, 0x00]) }, 'not JSON', 1, failedAt);
    expect(message).toMatchObject({ envelope: null, rawValue: '/wA=' });
  });
});
