import type { BusinessApplication, BusinessOptions } from '../business-api';

/** What every business form gets from the page: the application, the physician's records, and the step. */
export interface BusinessFormProps {
  app: BusinessApplication;
  options: BusinessOptions;
  step: number;
  goTo: (step: number, extra?: Record<string, string>) => void;
  /** Extra choices of the first step kept in the address (变更事项, 备案操作). */
  params: URLSearchParams;
}
