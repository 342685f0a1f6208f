import { Module } from '@nestjs/common';
import { IncomeSupportModule } from '../income-support/income-support.module';
import { KnownClientsModule } from '../known-clients/known-clients.module';
import { KelaIntakeCommands } from './kela-intake.commands';
import { ClientKelaNoticesResolver, KelaIntakeResolver } from './kela-intake.resolver';
import { KelaNoticeQueries } from './kela-notice.queries';

@Module({
  imports: [KnownClientsModule, IncomeSupportModule],
  providers: [KelaIntakeCommands, KelaIntakeResolver, KelaNoticeQueries, ClientKelaNoticesResolver],
})
export class KelaIntakeModule {}
