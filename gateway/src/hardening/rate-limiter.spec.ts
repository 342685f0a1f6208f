import { RateLimiter } from './rate-limiter';

describe('RateLimiter (in memory, one replica)', () => {
  it.each([
    // [per minute, requests at once, allowed]
    [60, 60, 60],
    [60, 61, 60],
    [1, 3, 1],
    [600, 1000, 600],
  ])('at %i per minute, of %i requests at once %i pass', async (perMinute, requests, allowed) => {
    const limiter = new RateLimiter(perMinute);
    const results = await Promise.all(Array.from({ length: requests }, () => limiter.take('worker-1')));
    expect(results.filter((result) => result.allowed)).toHaveLength(allowed);
  });

  it('says when to retry, within the minute', async () => {
    const limiter = new RateLimiter(2);
    await limiter.take('worker-1');
    await limiter.take('worker-1');
    const refused = await limiter.take('worker-1');
    expect(refused.allowed).toBe(false);
    const retryAfter = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('keeps callers apart', async () => {
    const limiter = new RateLimiter(1);
    expect((await limiter.take('worker-1')).allowed).toBe(true);
    expect((await limiter.take('worker-1')).allowed).toBe(false);
    expect((await limiter.take('partner:KELA')).allowed).toBe(true);
  });
});
