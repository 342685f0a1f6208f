import { Module } from '@nestjs/common';
import { RateQueries, RatesResolver } from './rates.resolver';

@Module({ providers: [RateQueries, RatesResolver] })
export class RatesModule {}
