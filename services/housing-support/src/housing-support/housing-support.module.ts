import { Module } from '@nestjs/common';
import { ClientReferenceResolver } from '../client-reference';
import { ClientHousingSupportResolver, HousingSupportQueries } from './housing-support.resolver';

@Module({ providers: [ClientReferenceResolver, ClientHousingSupportResolver, HousingSupportQueries] })
export class HousingSupportModule {}
