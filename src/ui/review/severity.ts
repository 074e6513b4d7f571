import type { Severity } from '../../core/lint';

/** Most severe first: the order of the filters and of the groups. */
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};
