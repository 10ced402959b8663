// 医疗机构端 rules (domain §1.2, §3.3, seed 第四步 and question 四).
export * from './activation-code';
export * from './review-status';
export * from './practice-location';
export * from './account-status';
