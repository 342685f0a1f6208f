import { Module } from '@nestjs/common';
import { RentArrearsCommands } from './rent-arrears.command';
import { RentArrearsQueries } from './rent-arrears.queries';
import { ClientRentArrearsResolver, RentArrearsResolver } from './rent-arrears.resolver';

@Module({ providers: [RentArrearsCommands, RentArrearsQueries, RentArrearsResolver, ClientRentArrearsResolver] })
export class RentArrearsModule {}
