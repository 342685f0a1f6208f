import { Module } from '@nestjs/common';
import { ClientTimelineResolver } from './timeline.resolver';
import { TimelineQueries } from './timeline.queries';

@Module({ providers: [ClientTimelineResolver, TimelineQueries] })
export class TimelineModule {}
