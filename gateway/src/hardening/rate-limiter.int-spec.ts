import { randomUUID } from 'node:crypto';
import { freePort } from '@asw/infra';
import { RateLimiter } from './rate-limiter';

// A real Redis runs on these machines (REDIS_URL overrides); each test counts under its own key prefix.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RateLimiter across gateway replicas (Redis)', () => {
  const limiters: RateLimiter[] = [];
  const replica = (perMinute: number, keyPrefix: string, redisUrl = REDIS_URL) => {
    const limiter = new RateLimiter(perMinute, { redisUrl, keyPrefix });
    limiters.push(limiter);
    return limiter;
  };
  afterAll(async () => {
    await Promise.all(limiters.map((limiter) => limiter.onApplicationShutdown()));
  });

  it('holds one limit for a caller across two replicas sharing Redis, and keeps callers apart', async () => {
    const prefix = `asw-test:${randomUUID()}`;
    const [a, b] = [replica(5, prefix), replica(5, prefix)];
    // Both connected first: before that each would decide alone (the in-memory fallback).
    expect(await Promise.all([a.connected(), b.connected()])).toEqual([true, true]);
    const results = [];
    for (let index = 0; index < 8; index++) results.push(await (index % 2 === 0 ? a : b).take('user:worker-1'));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
    const refused = results.find((result) => !result.allowed) as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await b.take('user:worker-2')).allowed).toBe(true);
    // Another deployment (another prefix) on the same Redis counts apart.
    expect((await replica(5, `asw-test:${randomUUID()}`).take('user:worker-1')).allowed).toBe(true);
  });

  it('falls back to counting per replica while Redis cannot be reached', async () => {
    const limiter = replica(2, `asw-test:${randomUUID()}`, `redis://127.0.0.1:${await freePort()}`);
    const results = [await limiter.take('user:worker-1'), await limiter.take('user:worker-1'), await limiter.take('user:worker-1')];
    expect(results.map((result) => result.allowed)).toEqual([true, true, false]);
  });
});
