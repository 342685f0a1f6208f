import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClientsModule } from '../clients/clients.module';
import { KelaNoticeReceivedHandler } from './kela-notice-received.handler';

@Module({ imports: [CasesModule, ClientsModule], providers: [KelaNoticeReceivedHandler], exports: [KelaNoticeReceivedHandler] })
export class KelaNoticesModule {}
