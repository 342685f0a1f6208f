import { conflict } from '@asw/platform';

/**
 * Välitystili (payment-intermediary account) and välivuokraus (sublease by the county). DOMAIN.md:
 * subleasing is the last resort and requires the client to have a välitystili, so that rent is paid
 * from the client's income before anything else.
 *
 * Refusals here are CONFLICT, not BAD_USER_INPUT: the request itself is well formed; it is the current
 * state of the client's other records (no account, a running sublease) that stands in the way, and
 * the fix is to change that state first. `details.reason` says which rule refused.
 */

/** Välitystilin tila. */
export enum IntermediaryAccountStatus {
  /** Käytössä. */
  ACTIVE = 'ACTIVE',
  /** Suljettu. */
  CLOSED = 'CLOSED',
}

/** Välivuokrasuhteen tila. */
export enum SubleaseStatus {
  /** Voimassa. */
  ACTIVE = 'ACTIVE',
  /** Päättynyt. */
  ENDED = 'ENDED',
}

/** Stable values of `details.reason` on the refusals below. */
export enum HousingArrangementRefusal {
  ACCOUNT_ALREADY_OPEN = 'ACCOUNT_ALREADY_OPEN',
  NO_ACTIVE_INTERMEDIARY_ACCOUNT = 'NO_ACTIVE_INTERMEDIARY_ACCOUNT',
  SUBLEASE_ALREADY_ACTIVE = 'SUBLEASE_ALREADY_ACTIVE',
  ACCOUNT_NOT_ACTIVE = 'ACCOUNT_NOT_ACTIVE',
  SUBLEASE_RUNNING = 'SUBLEASE_RUNNING',
}

export interface IntermediaryAccount {
  id: string;
  clientId: string;
  status: IntermediaryAccountStatus;
}

export interface Sublease {
  id: string;
  clientId: string;
  status: SubleaseStatus;
}

/** One open välitystili per client: a second one would split where rent is paid from. */
export function assertCanOpenAccount(input: { clientId: string; accounts: readonly IntermediaryAccount[] }): void {
  const open = input.accounts.find((a) => a.clientId === input.clientId && a.status === IntermediaryAccountStatus.ACTIVE);
  if (open) {
    throw conflict('the client already has an open payment-intermediary account (välitystili)', {
      reason: HousingArrangementRefusal.ACCOUNT_ALREADY_OPEN,
      accountId: open.id,
    });
  }
}

/**
 * A sublease starts only with the client's own ACTIVE välitystili, and a client has one sublease at a
 * time (one home).
 */
export function assertCanStartSublease(input: {
  clientId: string;
  account: IntermediaryAccount | null;
  activeSublease: Sublease | null;
}): void {
  const { clientId, account, activeSublease } = input;
  if (!account || account.clientId !== clientId || account.status !== IntermediaryAccountStatus.ACTIVE) {
    throw conflict('a sublease (välivuokraus) requires the client to have an active payment-intermediary account (välitystili)', {
      reason: HousingArrangementRefusal.NO_ACTIVE_INTERMEDIARY_ACCOUNT,
    });
  }
  if (activeSublease && activeSublease.status === SubleaseStatus.ACTIVE) {
    throw conflict('the client already has an active sublease', {
      reason: HousingArrangementRefusal.SUBLEASE_ALREADY_ACTIVE,
      subleaseId: activeSublease.id,
    });
  }
}

/** The välitystili stays open while a sublease runs: rent would otherwise have no source. */
export function assertCanCloseAccount(input: { account: IntermediaryAccount; activeSublease: Sublease | null }): void {
  const { account, activeSublease } = input;
  if (account.status !== IntermediaryAccountStatus.ACTIVE) {
    throw conflict('the payment-intermediary account is already closed', { reason: HousingArrangementRefusal.ACCOUNT_NOT_ACTIVE, accountId: account.id });
  }
  if (activeSublease && activeSublease.status === SubleaseStatus.ACTIVE && activeSublease.clientId === account.clientId) {
    throw conflict('the payment-intermediary account (välitystili) cannot be closed while a sublease runs; end the sublease first', {
      reason: HousingArrangementRefusal.SUBLEASE_RUNNING,
      subleaseId: activeSublease.id,
    });
  }
}
