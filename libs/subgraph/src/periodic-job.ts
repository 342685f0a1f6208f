import type { AppLogger } from '@asw/platform';

export const HOURLY = 60 * 60 * 1000;

/**
 * Runs `work` now and then every `intervalMs` (date-driven housekeeping, e.g. ending what ran out
 * yesterday), one run at a time; a failed run is logged and the next one tries again. Returns the stop
 * function for the owner's shutdown hook. The timer never keeps the process alive.
 */
export function runPeriodically(name: string, work: () => Promise<number>, logger: AppLogger, intervalMs = HOURLY): () => void {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const changed = await work();
      if (changed > 0) logger.info({ job: name, changed }, 'periodic job changed records');
    } catch (error) {
      if (!stopped) logger.error({ job: name, err: error instanceof Error ? error.message : String(error) }, 'periodic job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
