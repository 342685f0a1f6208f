/**
 * Retries an assertion until it passes or the time is up; for effects that cross Kafka.
 * Polls, never sleeps a fixed time, so a fast path finishes fast and a slow machine still passes.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 20000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
