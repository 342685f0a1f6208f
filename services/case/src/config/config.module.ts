import { Global, Module } from '@nestjs/common';
import { keyringFromEnvironment, PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { CASE_SETTINGS, loadCaseSettings } from './case.config';

/** The case service's own settings and the henkilötunnus key ring, validated once at startup. */
@Global()
@Module({
  providers: [
    { provide: CASE_SETTINGS, useFactory: () => loadCaseSettings() },
    { provide: PersonalIdentityCodeProtector, useFactory: () => new PersonalIdentityCodeProtector(keyringFromEnvironment()) },
  ],
  exports: [CASE_SETTINGS, PersonalIdentityCodeProtector],
})
export class CaseConfigModule {}
