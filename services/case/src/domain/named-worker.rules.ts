import { badInput, conflict } from '@asw/platform';

/** Työntekijän rooli: what a worker does in adult social work (DOMAIN.md, roles). */
export enum WorkerRole {
  /** Sosiaalityöntekijä: named worker for clients with special support needs; makes service decisions. */
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  /** Sosiaaliohjaaja: named worker for clients needing less support; intensive guidance, home visits. */
  SOCIAL_INSTRUCTOR = 'SOCIAL_INSTRUCTOR',
  /** Lähihoitaja: home-based daily-living support in social rehabilitation. */
  PRACTICAL_NURSE = 'PRACTICAL_NURSE',
  /** Etuuskäsittelijä: processes income-support applications. */
  BENEFITS_HANDLER = 'BENEFITS_HANDLER',
  /** Asiakasopastaja: front desk, first guidance. */
  CLIENT_ADVISOR = 'CLIENT_ADVISOR',
  /** Johtava sosiaalityöntekijä: team lead. */
  SUPERVISOR = 'SUPERVISOR',
  /** Tietosuojavastaava: reads access and disclosure logs. */
  AUDITOR = 'AUDITOR',
}

/** Only social welfare professionals who carry a client's process can be the omatyöntekijä (SHL §42). */
export const NAMED_WORKER_ROLES: readonly WorkerRole[] = [WorkerRole.SOCIAL_WORKER, WorkerRole.SOCIAL_INSTRUCTOR];

export interface NamedWorkerCheck {
  /** Erityistä tukea tarvitseva (SHL §3, §42) */
  specialSupportNeeded: boolean;
  namedWorkerRole: WorkerRole;
  /** Roles of the others working with the named worker on the case. */
  coWorkerRoles: readonly WorkerRole[];
}

/**
 * SHL §42: a named worker must be a social worker or social instructor (BAD_USER_INPUT otherwise), and
 * when the client needs special support the named worker or a co-worker on the case must be a social
 * worker (CONFLICT: the case's team, not the input alone, is what falls short).
 */
export function assertNamedWorkerQualified({ specialSupportNeeded, namedWorkerRole, coWorkerRoles }: NamedWorkerCheck): void {
  if (!NAMED_WORKER_ROLES.includes(namedWorkerRole)) {
    throw badInput(`A ${namedWorkerRole} cannot be a named worker (omatyöntekijä): only a SOCIAL_WORKER or SOCIAL_INSTRUCTOR can (SHL §42)`, {
      field: 'namedWorkerRole',
      role: namedWorkerRole,
    });
  }
  if (specialSupportNeeded && namedWorkerRole !== WorkerRole.SOCIAL_WORKER && !coWorkerRoles.includes(WorkerRole.SOCIAL_WORKER)) {
    throw conflict(
      'The client needs special support, so the named worker or a co-worker on the case must be a SOCIAL_WORKER (sosiaalityöntekijä, SHL §42)',
      { specialSupportNeeded, role: namedWorkerRole },
    );
  }
}
