import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  function limiter(perMinute: number, maxCallers?: number) {
    let now = 0;
    const rateLimiter = new RateLimiter(perMinute, () => now, maxCallers);
    return { take: (caller: string) => rateLimiter.take(caller), advance: (ms: number) => (now += ms) };
  }

  it.each([
    // [per minute, requests at once, allowed]
    [60, 60, 60],
    [60, 61, 60],
    [1, 3, 1],
    [600, 1000, 600],
  ])('at %i per minute, of %i requests at once %i pass', (perMinute, requests, allowed) => {
    const { take } = limiter(perMinute);
    const results = Array.from({ length: requests }, () => take('worker-1'));
    expect(results.filter((result) => result.allowed)).toHaveLength(allowed);
  });

  it('refills continuously and says when to retry', () => {
    const { take, advance } = limiter(60);
    for (let i = 0; i < 60; i++) take('worker-1');
    expect(take('worker-1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(999);
    expect(take('worker-1').allowed).toBe(false);
    advance(2);
    expect(take('worker-1')).toEqual({ allowed: true });
    advance(60_000 * 5);
    const burst = Array.from({ length: 61 }, () => take('worker-1')).filter((result) => result.allowed);
    expect(burst).toHaveLength(60); // never more than a minute's allowance saved up
  });

  it('keeps callers apart', () => {
    const { take } = limiter(1);
    expect(take('worker-1').allowed).toBe(true);
    expect(take('worker-1').allowed).toBe(false);
    expect(take('partner:KELA').allowed).toBe(true);
  });

  it('forgets idle callers first when it must bound its memory', () => {
    const { take, advance } = limiter(1, 2);
    take('busy');
    advance(120_000); // 'busy' is full again: nothing to remember
    take('other');
    take('third'); // evicts 'busy', keeps 'other' (still empty)
    expect(take('other').allowed).toBe(false);
  });
});
