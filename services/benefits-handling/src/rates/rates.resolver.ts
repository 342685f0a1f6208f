import { Injectable } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { parseLocalDate } from '@asw/calendar';
import { badInput } from '@asw/platform';
import { Ctx, GraphContext, LocalDateScalar, requireUser } from '@asw/subgraph';
import { READ_ROLES } from '../access';
import { RateName, rateOn } from '../domain';
import { IncomeSupportRateEntity } from './income-support-rate.entity';
import { IncomeSupportRate } from './income-support-rate.model';

@Injectable()
export class RateQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The rate in force on a day, read from the table (seeded by migration), never from code. */
  async rateOn(name: RateName, on: string): Promise<IncomeSupportRateEntity> {
    if (!Object.values(RateName).includes(name)) throw badInput('unknown rate name', { field: 'name' });
    const date = parseLocalDate(on, 'on');
    const rows = await this.dataSource.getRepository(IncomeSupportRateEntity).findBy({ name });
    return rateOn(rows, name, date) as IncomeSupportRateEntity;
  }

  async all(): Promise<IncomeSupportRateEntity[]> {
    return this.dataSource.getRepository(IncomeSupportRateEntity).find({ order: { name: 'ASC', validFrom: 'ASC' } });
  }
}

@Resolver(() => IncomeSupportRate)
export class RatesResolver {
  constructor(private readonly queries: RateQueries) {}

  @Query(() => IncomeSupportRate, { description: 'The amount in force on a day (e.g. perusosa on 2026-03-01). NOT_FOUND before the first row.' })
  incomeSupportRate(
    @Args('name', { type: () => RateName }) name: RateName,
    @Args('on', { type: () => LocalDateScalar }) on: string,
    @Ctx() ctx: GraphContext,
  ): Promise<IncomeSupportRate> {
    requireUser(ctx.identity, ...READ_ROLES);
    return this.queries.rateOn(name, on);
  }

  @Query(() => [IncomeSupportRate], { description: 'Every effective-dated amount, by name and start day.' })
  incomeSupportRates(@Ctx() ctx: GraphContext): Promise<IncomeSupportRate[]> {
    requireUser(ctx.identity, ...READ_ROLES);
    return this.queries.all();
  }
}
