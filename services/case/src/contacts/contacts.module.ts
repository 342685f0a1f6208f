import { Module } from '@nestjs/common';
import { ContactCommands } from './contact.command';
import { ContactQueries } from './contact.queries';
import { ClientContactsResolver, ContactResolver } from './contact.resolver';
import { GroupAttendanceRecordedHandler } from './group-attendance-recorded.handler';
import { SupportVisitDoneHandler } from './support-visit-done.handler';

@Module({
  providers: [ContactResolver, ClientContactsResolver, ContactCommands, ContactQueries, SupportVisitDoneHandler, GroupAttendanceRecordedHandler],
  exports: [ContactCommands, ContactQueries, SupportVisitDoneHandler, GroupAttendanceRecordedHandler],
})
export class ContactsModule {}
