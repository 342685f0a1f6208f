import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { WorkersModule } from '../workers/workers.module';
import { CaseCommands } from './case.command';
import { CaseQueries } from './case.queries';
import { CaseResolver, ClientCasesResolver } from './case.resolver';

@Module({
  imports: [ClientsModule, WorkersModule],
  providers: [CaseResolver, ClientCasesResolver, CaseQueries, CaseCommands],
  exports: [CaseQueries, CaseCommands],
})
export class CasesModule {}
