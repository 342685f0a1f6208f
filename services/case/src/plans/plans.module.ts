import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClientPlanCommands } from './client-plan.command';
import { ClientPlanQueries } from './client-plan.queries';
import { CasePlansResolver, ClientPlanResolver } from './client-plan.resolver';

@Module({ imports: [CasesModule], providers: [ClientPlanResolver, CasePlansResolver, ClientPlanCommands, ClientPlanQueries], exports: [ClientPlanQueries] })
export class PlansModule {}
