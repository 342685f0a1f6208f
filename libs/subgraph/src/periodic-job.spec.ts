import { createLogger } from '@asw/platform';
import { runPeriodically } from './periodic-job';

describe('runPeriodically', () => {
  const logger = createLogger('test', 'silent');
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once and then every interval until stopped', async () => {
    const work = jest.fn().mockResolvedValue(0);
    const stop = runPeriodically('job', work, logger, 1000);
    await Promise.resolve();
    expect(work).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(work).toHaveBeenCalledTimes(3);
    stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('keeps running after a failed run, and never overlaps two runs', async () => {
    let release: () => void = () => undefined;
    const work = jest
      .fn()
      .mockRejectedValueOnce(new Error('database down'))
      .mockImplementationOnce(() => new Promise<number>((resolve) => (release = () => resolve(1))))
      .mockResolvedValue(0);
    const stop = runPeriodically('job', work, logger, 1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(3000);
    expect(work).toHaveBeenCalledTimes(2);
    release();
    await jest.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(3);
    stop();
  });
});
