import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from './envelope';
import { applyEvents, EventHandler } from './inbox';

const event = (id: string) => ({ id, type: 'T', version: 1 }) as EventEnvelope;

describe('applyEvents', () => {
  it('handles, in order, only events whose id the inbox did not have, each once even if repeated in the batch', async () => {
    const handled: string[] = [];
    const handler = { event: { type: 'T' }, handle: async (_m: EntityManager, e: EventEnvelope) => void handled.push(e.id) } as unknown as EventHandler;
    // The inbox INSERT ... RETURNING reports a and C (PostgreSQL returns uuids lowercase) as new; b was applied before.
    const manager = { query: jest.fn().mockResolvedValue([{ event_id: 'a' }, { event_id: 'c' }]) } as unknown as EntityManager;
    const result = await applyEvents(manager, [event('a'), event('b'), event('C'), event('a')].map((envelope) => ({ envelope, handler })));
    expect(handled).toEqual(['a', 'C']);
    expect(result).toEqual({ applied: 2, duplicates: 2 });
    expect((manager.query as jest.Mock).mock.calls).toHaveLength(1); // one inbox statement for the batch
  });

  it('does nothing for an empty batch', async () => {
    const manager = { query: jest.fn() } as unknown as EntityManager;
    expect(await applyEvents(manager, [])).toEqual({ applied: 0, duplicates: 0 });
    expect(manager.query).not.toHaveBeenCalled();
  });
});
