// The registration as a record with its own lifecycle (architecture § Business types as definitions), with the
// lifecycles of its multi-site filings and its certificate, and the plain data the business rules read.
export * from './lifecycle-causes';
export * from './state-table';
export * from './registration-status';
export * from './registration-table';
export * from './registration-transition';
export * from './filing-lifecycle';
export * from './certificate-lifecycle';
export * from './physician-snapshot';
export * from './seniority';
export * from './fingerprint';
export * from './practice-check';
export * from './departure-reasons';
export * from './departure-report';
export * from './registration-bars';
export * from './cancellation-grounds';
export * from './cancellation-report';
export * from './filed-lapse';
