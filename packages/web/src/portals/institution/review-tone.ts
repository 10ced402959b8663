import type { StatusColor } from '../../components/status-tag';
import type { ReviewStatus } from './institution-api';

/** Tag colours of the application states the institution sees. */
const STATE_COLORS: Record<string, StatusColor> = {
  pending_institution: 'processing',
  returned_by_institution: 'warning',
  refused_by_institution: 'error',
  pending_authority: 'blue',
  accepted: 'blue',
  returned_for_correction: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

export function stateColor(state: string): StatusColor {
  return STATE_COLORS[state] ?? 'default';
}

export function toneColor(status: ReviewStatus): StatusColor {
  return status.tone;
}
