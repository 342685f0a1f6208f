import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppLogger } from '@asw/platform';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Shared counts in this Redis (`redis://…`): the limit holds for the whole deployment, whatever the replica count. */
  redisUrl?: string;
  /** Prefix of the Redis keys (several deployments, or tests, may share one Redis). */
  keyPrefix?: string;
  logger?: AppLogger;
}

/**
 * Per-caller rate limit of the gateway (rate-limiter-flexible): at most `perMinute` requests in each
 * caller's minute. With REDIS_URL the replicas count together in Redis, so a caller meets one limit
 * for the whole deployment; without it each replica counts on its own, in memory (one replica, local
 * runs, tests). While Redis cannot be reached, each replica falls back to counting in memory (the limit
 * then holds per replica) rather than refusing everyone or letting everyone through.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(perMinute: number, options: RateLimiterOptions = {}) {
    const keyPrefix = options.keyPrefix ?? 'asw:gateway:rate';
    const memory = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix });
    if (!options.redisUrl) {
      this.limiter = memory;
      return;
    }
    // No offline queue: while Redis is away, a request is decided at once by the in-memory fallback.
    this.redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false });
    let reported = false;
    this.redis.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      options.logger?.warn({ err: error.message, code: 'RATE_LIMIT_STORE_UNAVAILABLE' }, 'rate limit store (Redis) unreachable; counting per replica until it is back');
    });
    this.redis.on('ready', () => {
      if (reported) options.logger?.info({}, 'rate limit store (Redis) reachable again');
      reported = false;
    });
    this.limiter = new RateLimiterRedis({ storeClient: this.redis, points: perMinute, duration: 60, keyPrefix, insuranceLimiter: memory, rejectIfRedisNotReady: true });
  }

  /** Takes one request from the caller's allowance; when none is left, says when the next one is. */
  async take(caller: string): Promise<RateLimitDecision> {
    try {
      await this.limiter.consume(caller, 1);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      // The store and its fallback both failed: let the request through rather than fail it on our account.
      return { allowed: true };
    }
  }

  /** Resolves once the shared store is ready (true), or false without one or after `timeoutMs`. */
  async connected(timeoutMs = 5_000): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return false;
    if (redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Closes the Redis connection (Nest calls this when the app shuts down). */
  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
