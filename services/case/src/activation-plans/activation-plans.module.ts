import { Module } from '@nestjs/common';
import { ActivationPlanCommands } from './activation-plan.command';
import { ActivationPlanQueries } from './activation-plan.queries';
import { ClientActivationPlansResolver, CountyActivationPlanResolver, EmploymentServicesActivationPlanResolver } from './activation-plan.resolver';

/** Aktivointisuunnitelma (189/2001): the county drafts, shares and signs; employment services read and co-sign. */
@Module({ providers: [CountyActivationPlanResolver, ClientActivationPlansResolver, EmploymentServicesActivationPlanResolver, ActivationPlanCommands, ActivationPlanQueries] })
export class ActivationPlansModule {}
