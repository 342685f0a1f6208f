import { Module } from '@nestjs/common';
import { ClientHandlingTeamHandler } from './client-handling-team.handler';

/** case's access bases kept from other services' events (benefits handlers' queues). */
@Module({ providers: [ClientHandlingTeamHandler], exports: [ClientHandlingTeamHandler] })
export class AccessModule {}
