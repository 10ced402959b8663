// Supervision on the register (domain §5.4, §1.3): 定期考核 results, 暂停执业活动 and 吊销医师执业证书.
export * from './assessment-cycle';
export * from './assessment-results';
export * from './suspension-table';
export * from './supervision-forms';
export * from './results-file';
