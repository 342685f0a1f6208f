import { Module } from '@nestjs/common';
import { HousingArrangementCommands } from './housing-arrangement.command';
import { HousingArrangementQueries } from './housing-arrangement.queries';
import { ClientHousingArrangementResolver, HousingArrangementResolver } from './housing-arrangement.resolver';

@Module({ providers: [HousingArrangementCommands, HousingArrangementQueries, HousingArrangementResolver, ClientHousingArrangementResolver] })
export class HousingArrangementsModule {}
