import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../../domain/notifications/kinds';
import { renderNotification } from './render';

const links = { item: 'https://rp.example.test/claims/c1', account: 'https://rp.example.test/account' };

describe('notification messages', () => {
  it('a claim to decide, in Chinese and in English, names the claim, the firm and the amount in the reader’s units', () => {
    const facts = { object: 'C-2026-0007', party: '万丰轴承有限公司', amountFen: 7_500_000n };
    const zh = renderNotification('claimToDecide', 'zh-CN', { name: '李主任' }, facts, links);
    expect(zh.subject).toBe('有一份补贴申请待审批：C-2026-0007（7.50 万元）');
    expect(zh.text).toContain('李主任，您好：');
    expect(zh.text).toContain('万丰轴承有限公司');
    expect(zh.text).toContain('点此办理：https://rp.example.test/claims/c1');
    expect(zh.text).toContain('https://rp.example.test/account');
    const en = renderNotification('claimToDecide', 'en', { name: 'Li Wei' }, facts, links);
    expect(en.subject).toBe('A claim to decide: C-2026-0007 (¥75,000.00)');
    expect(en.text).toMatch(/^Hello Li Wei,/);
    expect(en.text).not.toContain('您好');
  });

  it('an answered quote says which answer; a returned claim carries the county’s reason or says none was given', () => {
    const f = { object: 'P-2026-001 数控车床联网', party: '万丰轴承' };
    expect(renderNotification('quoteAnswered', 'zh-CN', { name: 'x' }, { ...f, accepted: true }, links).subject).toBe('报价已接受：P-2026-001 数控车床联网');
    expect(renderNotification('quoteAnswered', 'en', { name: 'x' }, { ...f, accepted: false }, links).subject).toBe('Quote declined: P-2026-001 数控车床联网');
    expect(renderNotification('claimReturned', 'en', { name: 'x' }, { ...f, reason: 'Invoice missing' }, links).text).toContain('Reason: Invoice missing');
    expect(renderNotification('claimReturned', 'zh-CN', { name: 'x' }, { ...f, reason: '  ' }, links).text).toContain('原因：（未填写原因）');
  });

  it.each(notificationKinds.flatMap((k) => [[k, 'zh-CN'] as const, [k, 'en'] as const]))('%s in %s renders every placeholder', (kind, locale) => {
    const m = renderNotification(kind, locale, { name: 'N' }, { object: 'OBJ', party: 'PARTY', amountFen: 12_345n, accepted: true, reason: 'R' }, links);
    expect(m.subject.length).toBeGreaterThan(3);
    expect(`${m.subject}\n${m.text}`).not.toMatch(/[{}]/);
    expect(m.subject).toContain(kind === 'invitationAccepted' ? 'PARTY' : 'OBJ');
    expect(m.link).toBe(links.item);
  });
});
