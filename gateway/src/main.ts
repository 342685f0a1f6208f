import './tracing';
import 'reflect-metadata';
import { createLogger, loadConfig } from '@asw/platform';
import { createGatewayApp } from './gateway.app';
import { gatewayConfigSchema } from './gateway.config';

const log = createLogger('gateway');

async function start(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  const app = await createGatewayApp(config);
  await app.listen(config.PORT);
  log.info({ port: config.PORT }, 'gateway listening');
}

start().catch((error: unknown) => {
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, 'gateway failed to start');
  process.exit(1);
});
