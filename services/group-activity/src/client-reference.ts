import { Module } from '@nestjs/common';
import { clientReferenceType } from '@asw/subgraph';

export const { ClientReference, ClientReferenceResolver } = clientReferenceType();

/** The `Client` stub this service extends (owned by case); the features add their fields to it. */
@Module({ providers: [ClientReferenceResolver] })
export class ClientReferenceModule {}
