// 资格补改 (domain §2.2 BT-12): the request's workflow and what the authority sends to handle it.
export * from './correction-workflow';
export * from './correction-handling';
