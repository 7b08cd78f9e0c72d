import { describe, expect, it } from 'vitest';
import { ruleFieldRange, ruleFieldSlots, toRules } from '@/components/funds/rule-rows';
import { fundInput, ruleIssues } from './fund-input';

const fund = (rules: unknown[]) => ({
  name: '新昌县改造补贴',
  nameEn: null,
  budgetFen: 100_000_00n,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  sectors: [],
  rules,
  evidenceRequired: [],
  batches: [],
});

describe('ruleIssues', () => {
  it('names the rule and the field of each problem, with the range the schema allows', () => {
    // the reviewer's "usage required" rule: machines 150 %, hours −5 %, days 0 (typed 0 stays 0, not the default 30)
    const rules = toRules([
      { kind: 'DEADLINE', a: '6', b: '', c: '', levels: ['', '', ''] },
      { kind: 'USAGE_REQUIRED', a: '150', b: '-5', c: '0', levels: ['', '', ''], stage: 'APPROVAL' },
    ]);
    const checked = fundInput.safeParse(fund(rules));
    expect(checked.success).toBe(false);
    const issues = ruleIssues(rules, checked.error?.issues ?? []);
    expect(issues).toEqual([
      { rule: 1, kind: 'USAGE_REQUIRED', field: 'minMachinesPercent', min: 0, max: 100 },
      { rule: 1, kind: 'USAGE_REQUIRED', field: 'minHoursPercent', min: 0, max: 100 },
      { rule: 1, kind: 'USAGE_REQUIRED', field: 'days', min: 7, max: 180 },
    ]);
    expect(issues.map((i) => ruleFieldSlots[i.field])).toEqual(['a', 'b', 'c']);
  });

  it('reads a share of spend in percent, and text that is not a number as a problem of its field', () => {
    const rules = toRules([{ kind: 'SPEND_SHARE', a: 'abc', b: '', c: '', levels: ['', '', ''] }]);
    const issues = ruleIssues(rules, fundInput.safeParse(fund(rules)).error?.issues ?? []);
    expect(issues).toEqual([{ rule: 0, kind: 'SPEND_SHARE', field: 'rateBp', min: 0, max: 10_000 }]);
    expect(ruleFieldRange('rateBp', 0, 10_000)).toEqual({ min: 0, max: 100, unit: 'percent' });
    expect(ruleFieldRange('days', 7, 180)).toEqual({ min: 7, max: 180, unit: 'days' });
  });

  it('leaves out problems that are not of a rule, and blank fields take their defaults', () => {
    const rules = toRules([{ kind: 'USAGE_REQUIRED', a: '90', b: '80', c: '', levels: ['', '', ''] }]);
    expect(rules[0]).toMatchObject({ days: 30 });
    const bad = { ...fund(rules), periodStart: '2026-02-31' };
    expect(ruleIssues(rules, fundInput.safeParse(bad).error?.issues ?? [])).toEqual([]);
  });
});
