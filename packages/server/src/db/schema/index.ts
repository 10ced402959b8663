// The drizzle schema: row types are inferred from here. The DDL is the SQL migrations in ../migrations.
export * from './reference';
export * from './organizations';
export * from './accounts';
export * from './physicians';
export * from './applications';
export * from './system';
export * from './authority';
export * from './signup';
export * from './login-failures';
export * from './jobs';
export * from './lifecycle';
export * from './corrections';
export * from './info-edits';
export * from './cancellations';
export * from './supervision';
export * from './qualification-imports';
