import { describe, expect, it } from 'vitest';
import { type PackFacts, packChecklist } from './checklist';

const complete: PackFacts = {
  claim: { number: 'C-1', status: 'SUBMITTED' },
  contract: { number: 'Q-1' },
  costLines: 4,
  invoices: 2,
  payments: 1,
  outsideWindow: 0,
  measuredMonths: 2,
  assessmentBefore: { kind: 'INTEGRATOR' },
  assessmentAfter: { kind: 'THIRD_PARTY', nationalLevel: 2 },
  satisfaction: true,
  evidenceRequired: ['CONTRACT', 'INVOICES'],
  evidenceAttached: ['CONTRACT', 'INVOICES', 'PHOTOS'],
  attachmentsTooLarge: false,
};

const open = (f: Partial<PackFacts>) =>
  packChecklist({ ...complete, ...f })
    .items.filter((i) => i.status !== 'ok')
    .map((i) => `${i.key}:${i.status}`);

describe('packChecklist: what is missing, listed before the download', () => {
  it('a complete pack is ready', () => {
    expect(packChecklist(complete)).toMatchObject({ ready: true, missing: 0 });
  });
  it.each([
    [{ claim: null }, ['applicationForm:missing']],
    [{ contract: null, costLines: 0 }, ['contract:missing', 'costList:missing']],
    [{ invoices: 0 }, ['invoices:missing']],
    [{ payments: 0 }, ['payments:missing']],
    [{ outsideWindow: 2 }, ['datesInWindow:problem']],
    [{ measuredMonths: 0 }, ['measuredResults:missing']],
    [{ assessmentBefore: null }, ['assessmentBefore:missing']],
    [{ assessmentAfter: null }, ['assessmentAfter:missing']],
    [{ satisfaction: false }, ['satisfaction:missing']],
    [{ evidenceAttached: ['CONTRACT'] }, ['evidence.INVOICES:missing']],
    [{ attachmentsTooLarge: true }, ['attachmentsSize:problem']],
    // the fund wants assessments as evidence: the one after must be a third party's, on site
    [
      { evidenceRequired: ['ASSESSMENTS'], evidenceAttached: ['ASSESSMENTS'], assessmentAfter: { kind: 'SELF', nationalLevel: null } },
      ['thirdPartyAfter:problem'],
    ],
  ] as [Partial<PackFacts>, string[]][])('%# %j → %j', (f, expected) => {
    expect(open(f)).toEqual(expected);
  });
  it('without a claim there is no window to check (not a false alarm)', () => {
    expect(packChecklist({ ...complete, claim: null, outsideWindow: 3 }).items.some((i) => i.key === 'datesInWindow')).toBe(false);
  });
  it('counts every open item', () => {
    expect(packChecklist({ ...complete, claim: null, invoices: 0, satisfaction: false })).toMatchObject({ ready: false, missing: 3 });
  });
});
