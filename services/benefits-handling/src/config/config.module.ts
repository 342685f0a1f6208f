import { Global, Module } from '@nestjs/common';
import { keyringFromEnvironment, PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { BENEFITS_SETTINGS, loadBenefitsSettings } from './benefits.config';

/** The service's own settings and the henkilötunnus key ring, validated once at startup. */
@Global()
@Module({
  providers: [
    { provide: BENEFITS_SETTINGS, useFactory: () => loadBenefitsSettings() },
    { provide: PersonalIdentityCodeProtector, useFactory: () => new PersonalIdentityCodeProtector(keyringFromEnvironment()) },
  ],
  exports: [BENEFITS_SETTINGS, PersonalIdentityCodeProtector],
})
export class BenefitsConfigModule {}
