import { clientReferenceType } from '@asw/subgraph';

export const { ClientReference, ClientReferenceResolver } = clientReferenceType();
