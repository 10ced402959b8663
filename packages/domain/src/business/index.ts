// One definition per business type (architecture § Business types as definitions, not branches), and the pure
// functions the server's single path reads them with.
export * from './business-errors';
export * from './form-fields';
export * from './definition';
export * from './recheck-rules';
export * from './review-fields';
export * from './first-registration';
export * from './additional-registration';
export * from './change-registration-form';
export * from './scope-change-evidence';
export * from './change-registration';
export * from './assistant-upgrade';
export * from './multi-site-filing';
export * from './certificate-reissue';
export * from './cancellation';
export * from './re-registration-evidence';
export * from './re-registration';
export * from './registry';
export * from './eligibility';
export * from './parties';
export * from './plan-approval';
export * from './apply-plan';
export * from './review-rows';
export * from './recheck';
