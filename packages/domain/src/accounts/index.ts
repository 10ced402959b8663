export * from './staff-authority';
export * from './staff-account-workflow';
export * from './authority-staff-schemas';
