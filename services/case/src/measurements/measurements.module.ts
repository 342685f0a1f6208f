import { Module } from '@nestjs/common';
import { MeasurementCommands } from './measurement.command';
import { MeasurementQueries } from './measurement.queries';
import { ClientMeasurementsResolver, MeasurementResolver } from './measurement.resolver';

@Module({ providers: [MeasurementResolver, ClientMeasurementsResolver, MeasurementCommands, MeasurementQueries], exports: [MeasurementQueries] })
export class MeasurementsModule {}
