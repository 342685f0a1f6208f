import { DomainError } from '@asw/platform';
import { applyToCourt, CourtOutcome, draftRecoveryClaim, GROUNDS_DECIDED_WHEN_GRANTING, RecoveryClaimStatus, RecoveryDebtor, RecoveryGround, recordCourtDecision } from './recovery.rules';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const flagged = { id: 'dec-1', grantedCents: 50_000, recoveryDecidedWhenGranting: true };
const plain = { ...flagged, recoveryDecidedWhenGranting: false };
const G = RecoveryGround;

describe('draftRecoveryClaim', () => {
  it.each([
    { name: 'assets ground on a flagged decision', decision: flagged, ground: G.ASSETS_NOT_YET_AVAILABLE, amountCents: 50_000, other: 0 },
    { name: 'false information recorded later', decision: plain, ground: G.FALSE_INFORMATION, amountCents: 10_000, other: 0 },
    { name: 'strike, decided when granting', decision: flagged, ground: G.STRIKE, amountCents: 1, other: 0 },
    { name: 'up to what remains after other claims', decision: flagged, ground: G.WILFUL_NEGLECT_OF_SELF_SUPPORT, amountCents: 20_000, other: 30_000 },
  ])('accepts: $name', ({ decision, ground, amountCents, other }) => {
    expect(draftRecoveryClaim({ decision, ground, amountCents, otherClaimsCents: other })).toMatchObject({
      decisionId: 'dec-1',
      ground,
      recoveredFrom: RecoveryDebtor.CLIENT,
      liablePersonName: null,
      amountCents,
      status: RecoveryClaimStatus.DRAFT,
    });
  });

  // Toimeentulotukilaki 1412/1997 20 § 1 mom: recovery on grounds 1–4 (assets not yet available, wilful
  // neglect of self-support, strike, a maintenance-liable person's wilful neglect) must be decided when
  // the support is granted; 20 § 2 mom: false information is recoverable without such a decision.
  it.each([
    { ground: G.ASSETS_NOT_YET_AVAILABLE, needsGrantingDecision: true },
    { ground: G.WILFUL_NEGLECT_OF_SELF_SUPPORT, needsGrantingDecision: true },
    { ground: G.STRIKE, needsGrantingDecision: true },
    { ground: G.MAINTENANCE_LIABLE_NEGLECT, needsGrantingDecision: true },
    { ground: G.FALSE_INFORMATION, needsGrantingDecision: false },
  ])('$ground needs a recovery decision made when granting: $needsGrantingDecision', ({ ground, needsGrantingDecision }) => {
    expect(GROUNDS_DECIDED_WHEN_GRANTING.has(ground)).toBe(needsGrantingDecision);
    const liablePersonName = ground === G.MAINTENANCE_LIABLE_NEGLECT ? 'Matti Meikäläinen' : null;
    const onPlain = () => draftRecoveryClaim({ decision: plain, ground, amountCents: 100, liablePersonName });
    if (needsGrantingDecision) expect(caught(onPlain)).toMatchObject({ code: 'CONFLICT', details: { reason: 'RECOVERY_NOT_DECIDED_WHEN_GRANTING', field: 'ground' } });
    else expect(onPlain().ground).toBe(ground);
    expect(draftRecoveryClaim({ decision: flagged, ground, amountCents: 100, liablePersonName }).ground).toBe(ground);
  });

  // 20 § 1 mom: a maintenance-liable person's wilful neglect is recovered from that person, not the client.
  it.each([
    { name: 'maintenance ground, named person', ground: G.MAINTENANCE_LIABLE_NEGLECT, liablePersonName: '  Matti  Meikäläinen ', from: RecoveryDebtor.MAINTENANCE_LIABLE_PERSON, stored: 'Matti Meikäläinen', reason: null },
    { name: 'maintenance ground, no one named', ground: G.MAINTENANCE_LIABLE_NEGLECT, liablePersonName: '  ', from: null, stored: null, reason: 'LIABLE_PERSON_REQUIRED' },
    { name: 'another ground with a person named', ground: G.FALSE_INFORMATION, liablePersonName: 'Matti Meikäläinen', from: null, stored: null, reason: 'LIABLE_PERSON_ONLY_FOR_MAINTENANCE_GROUND' },
    { name: 'overlong name', ground: G.MAINTENANCE_LIABLE_NEGLECT, liablePersonName: 'x'.repeat(201), from: null, stored: null, reason: 'LIABLE_PERSON_NAME_TOO_LONG' },
  ])('from whom: $name', ({ ground, liablePersonName, from, stored, reason }) => {
    const draft = () => draftRecoveryClaim({ decision: flagged, ground, amountCents: 100, liablePersonName });
    if (reason) expect(caught(draft)).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason, field: 'liablePersonName' } });
    else expect(draft()).toMatchObject({ recoveredFrom: from, liablePersonName: stored });
  });

  it.each([
    { name: 'assets ground not decided when granting', decision: plain, ground: G.ASSETS_NOT_YET_AVAILABLE, amountCents: 100, other: 0, code: 'CONFLICT', field: 'ground' },
    { name: 'more than granted', decision: plain, ground: G.FALSE_INFORMATION, amountCents: 50_001, other: 0, code: 'BAD_USER_INPUT', field: 'amountCents' },
    { name: 'over what remains', decision: plain, ground: G.FALSE_INFORMATION, amountCents: 20_001, other: 30_000, code: 'BAD_USER_INPUT', field: 'amountCents' },
    { name: 'zero', decision: plain, ground: G.FALSE_INFORMATION, amountCents: 0, other: 0, code: 'BAD_USER_INPUT', field: 'amountCents' },
    { name: 'fraction', decision: plain, ground: G.FALSE_INFORMATION, amountCents: 10.5, other: 0, code: 'BAD_USER_INPUT', field: 'amountCents' },
    { name: 'unknown ground', decision: plain, ground: 'DEBT' as RecoveryGround, amountCents: 100, other: 0, code: 'BAD_USER_INPUT', field: 'ground' },
  ])('refuses: $name', ({ decision, ground, amountCents, other, code, field }) => {
    expect(caught(() => draftRecoveryClaim({ decision, ground, amountCents, otherClaimsCents: other }))).toMatchObject({ code, details: { field } });
  });
});

describe('recovery claim lifecycle', () => {
  const draft = draftRecoveryClaim({ decision: plain, ground: G.FALSE_INFORMATION, amountCents: 10_000 });
  const applied = applyToCourt(draft, '2026-04-01');

  it.each([CourtOutcome.ORDERED, CourtOutcome.REJECTED])('court decides %s', (outcome) => {
    expect(recordCourtDecision(applied, { decidedOn: '2026-09-01', outcome })).toMatchObject({
      status: RecoveryClaimStatus.DECIDED_BY_COURT,
      courtOutcome: outcome,
      appliedOn: '2026-04-01',
      courtDecidedOn: '2026-09-01',
    });
  });

  it.each<{ name: string; run: () => unknown; code: string }>([
    { name: 'apply twice', run: () => applyToCourt(applied, '2026-04-02'), code: 'CONFLICT' },
    { name: 'court decides a draft', run: () => recordCourtDecision(draft, { decidedOn: '2026-09-01', outcome: CourtOutcome.ORDERED }), code: 'CONFLICT' },
    {
      name: 'court decides twice',
      run: () => recordCourtDecision(recordCourtDecision(applied, { decidedOn: '2026-09-01', outcome: CourtOutcome.ORDERED }), { decidedOn: '2026-09-02', outcome: CourtOutcome.REJECTED }),
      code: 'CONFLICT',
    },
    { name: 'decided before applied', run: () => recordCourtDecision(applied, { decidedOn: '2026-03-31', outcome: CourtOutcome.ORDERED }), code: 'BAD_USER_INPUT' },
    { name: 'unknown outcome', run: () => recordCourtDecision(applied, { decidedOn: '2026-09-01', outcome: 'MAYBE' as CourtOutcome }), code: 'BAD_USER_INPUT' },
  ])('refuses: $name', ({ run, code }) => {
    expect(caught(run).code).toBe(code);
  });
});
