export * from './decision-time';
export * from './dashboard-tables';
