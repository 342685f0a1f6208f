import { Module } from '@nestjs/common';
import { ClientRegisteredHandler } from './client-registered.handler';
import { KnownClients } from './known-clients';

@Module({
  providers: [KnownClients, ClientRegisteredHandler],
  exports: [KnownClients, ClientRegisteredHandler],
})
export class KnownClientsModule {}
