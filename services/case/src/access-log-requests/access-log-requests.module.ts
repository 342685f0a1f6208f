import { Module } from '@nestjs/common';
import { loadDecisionIssuingSettings } from '@asw/documents';
import { ACCESS_LOG_LETTER_ISSUING, AccessLogRequestCommands } from './access-log-request.commands';
import { ClientAccessLogAnswerResolver, ClientAccessLogRequestResolver } from './access-log-request.resolver';

/** Lokitietopyynnöt: a client's requests for their access log, and the answers (laki 703/2023 11 §). */
@Module({
  providers: [
    // The county named on the letter: the same setting as on decision letters.
    { provide: ACCESS_LOG_LETTER_ISSUING, useFactory: () => loadDecisionIssuingSettings() },
    AccessLogRequestCommands,
    ClientAccessLogRequestResolver,
    ClientAccessLogAnswerResolver,
  ],
})
export class AccessLogRequestsModule {}
