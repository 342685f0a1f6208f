import type { Infrastructure } from '@asw/infra';

/** Stops what jest-global-setup.ts started (same process, so it is found on globalThis). */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as typeof globalThis & { __aswInfrastructure?: Infrastructure };
  const infra = holder.__aswInfrastructure;
  holder.__aswInfrastructure = undefined;
  await infra?.stop();
}
