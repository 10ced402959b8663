import type { StatusColor } from '../../components/status-tag';

/** Tag colours of the states the authority sees. */
const COLORS: Record<string, StatusColor> = {
  pending_authority: 'processing',
  accepted: 'blue',
  returned_for_correction: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

export function stateColor(state: string): StatusColor {
  return COLORS[state] ?? 'default';
}
