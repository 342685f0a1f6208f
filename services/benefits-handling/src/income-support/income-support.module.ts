import { Module } from '@nestjs/common';
import { ClientReferenceResolver } from '../client-reference';
import { ClientIncomeSupportResolver, IncomeSupportQueries } from './income-support.resolver';

@Module({ providers: [ClientReferenceResolver, ClientIncomeSupportResolver, IncomeSupportQueries] })
export class IncomeSupportModule {}
