// 资格补改 (domain §2.2 BT-12): the request's workflow and what the authority sends to handle it.
export * from './correction-workflow';
export * from './correction-handling';
// 国家医师资格信息导入: the file's columns and row rules, and the import's workflow.
export * from './import-file';
export * from './import-workflow';
export * from './import-progress';
