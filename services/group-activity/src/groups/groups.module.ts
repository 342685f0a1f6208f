import { Module } from '@nestjs/common';
import { GroupCommands } from './group.command';
import { GroupQueries } from './group.queries';
import { GroupResolver } from './group.resolver';

@Module({ providers: [GroupCommands, GroupQueries, GroupResolver], exports: [GroupQueries] })
export class GroupsModule {}
