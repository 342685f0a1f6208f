import { DomainError } from '@asw/platform';
import {
  assertCanCloseAccount,
  assertCanOpenAccount,
  assertCanStartSublease,
  HousingArrangementRefusal,
  IntermediaryAccount,
  IntermediaryAccountStatus,
  Sublease,
  SubleaseStatus,
} from './sublease.rules';

function caught(fn: () => unknown): DomainError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

const account: IntermediaryAccount = { id: 'acc-1', clientId: 'c-1', status: IntermediaryAccountStatus.ACTIVE };
const closedAccount: IntermediaryAccount = { ...account, status: IntermediaryAccountStatus.CLOSED };
const otherClientsAccount: IntermediaryAccount = { ...account, clientId: 'c-2' };
const sublease: Sublease = { id: 'sub-1', clientId: 'c-1', status: SubleaseStatus.ACTIVE };
const endedSublease: Sublease = { ...sublease, status: SubleaseStatus.ENDED };
const R = HousingArrangementRefusal;

describe('assertCanOpenAccount', () => {
  it.each([
    { name: 'no accounts', accounts: [], reason: null },
    { name: 'only a closed one', accounts: [closedAccount], reason: null },
    { name: 'another client has one', accounts: [otherClientsAccount], reason: null },
    { name: 'already open', accounts: [closedAccount, account], reason: R.ACCOUNT_ALREADY_OPEN },
  ])('$name → $reason', ({ accounts, reason }) => {
    const error = caught(() => assertCanOpenAccount({ clientId: 'c-1', accounts }));
    if (reason === null) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: 'CONFLICT', details: { reason } });
  });
});

describe('assertCanStartSublease', () => {
  it.each([
    { name: 'active account, no sublease', account, activeSublease: null, reason: null },
    { name: 'active account, earlier sublease ended', account, activeSublease: endedSublease, reason: null },
    { name: 'no account', account: null, activeSublease: null, reason: R.NO_ACTIVE_INTERMEDIARY_ACCOUNT },
    { name: 'closed account', account: closedAccount, activeSublease: null, reason: R.NO_ACTIVE_INTERMEDIARY_ACCOUNT },
    { name: "someone else's account", account: otherClientsAccount, activeSublease: null, reason: R.NO_ACTIVE_INTERMEDIARY_ACCOUNT },
    { name: 'sublease already running', account, activeSublease: sublease, reason: R.SUBLEASE_ALREADY_ACTIVE },
  ])('$name → $reason', ({ account, activeSublease, reason }) => {
    const error = caught(() => assertCanStartSublease({ clientId: 'c-1', account, activeSublease }));
    if (reason === null) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: 'CONFLICT', details: { reason } });
  });

  it('says why in words a caseworker recognises', () => {
    expect(caught(() => assertCanStartSublease({ clientId: 'c-1', account: null, activeSublease: null }))?.message).toContain('välitystili');
  });
});

describe('assertCanCloseAccount', () => {
  it.each([
    { name: 'no sublease', account, activeSublease: null, reason: null },
    { name: 'sublease ended', account, activeSublease: endedSublease, reason: null },
    { name: 'sublease running', account, activeSublease: sublease, reason: R.SUBLEASE_RUNNING },
    { name: 'already closed', account: closedAccount, activeSublease: null, reason: R.ACCOUNT_NOT_ACTIVE },
  ])('$name → $reason', ({ account, activeSublease, reason }) => {
    const error = caught(() => assertCanCloseAccount({ account, activeSublease }));
    if (reason === null) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: 'CONFLICT', details: { reason } });
  });
});
