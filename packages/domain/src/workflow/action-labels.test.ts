import { describe, expect, it } from 'vitest';
import { actionLabelFor } from './action-labels';

describe('decision names per business', () => {
  it('domain §2.2 BT-05: a filing is 准予备案 / 不予备案, not a registration', () => {
    expect(actionLabelFor('approve', 'multi_site_filing')).toBe('准予备案');
    expect(actionLabelFor('refuse', 'multi_site_filing')).toBe('不予备案');
    expect(actionLabelFor('approve', 'cancellation')).toBe('准予注销');
  });
  it('keeps 准予注册 for registrations and the table labels for the other actions', () => {
    expect(actionLabelFor('approve', 'first_registration')).toBe('准予注册');
    expect(actionLabelFor('approve', 'assistant_upgrade')).toBe('准予注册');
    expect(actionLabelFor('approve', 'change_registration')).toBe('准予变更');
    expect(actionLabelFor('accept', 'multi_site_filing')).toBe('受理');
  });
});
