// What the decision is called for each business: a filing is 准予备案, not 准予注册 (domain §2.2 BT-05: a filing is not
// a licence); the workflow table's labels are those of a registration.
import type { BusinessType } from '../business-types';
import { WORKFLOW_TABLE, type WorkflowAction } from './workflow-table';

const DECISION_NOUN: Partial<Record<BusinessType, string>> = {
  change_registration: '变更',
  multi_site_filing: '备案',
  certificate_reissue: '补发/换领',
  cancellation: '注销',
};

export function actionLabelFor(action: WorkflowAction, businessType: string): string {
  const noun = DECISION_NOUN[businessType as BusinessType];
  if (noun && action === 'approve') return `准予${noun}`;
  if (noun && action === 'refuse') return `不予${noun}`;
  return WORKFLOW_TABLE[action].label;
}
