// 个人信息修改 (domain §2.2 BT-11): the request's workflow, the form and its rules.
export * from './info-edit-workflow';
export * from './info-edit-form';
