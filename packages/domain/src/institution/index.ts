// 医疗机构端 rules (domain §1.2, §3.3, seed 第四步 and question 四).
export * from './activation-code';
export * from './review-status';
export * from './practice-location';
export * from './account-status';
// 医疗机构 register kept by the authority: status table and form (domain §4.5–4.8)
export * from './institution-status';
export * from './institution-form';
export * from './institution-import';
