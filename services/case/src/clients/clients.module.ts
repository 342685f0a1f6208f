import { Module } from '@nestjs/common';
import { ClientQueries } from './client.queries';
import { ClientResolver } from './client.resolver';
import { RegisterClientCommand } from './register-client.command';

@Module({ providers: [ClientResolver, ClientQueries, RegisterClientCommand], exports: [ClientQueries, RegisterClientCommand] })
export class ClientsModule {}
