import type { Ctx } from '../context';
import type { Executor } from './engine';

/**
 * A statement built once per connection pool and sent as a named prepared statement: drizzle does not rebuild
 * the SQL per request and PostgreSQL parses it once per connection (and moves to a generic plan after a few
 * executions). Inside a transaction the statement is built for that transaction and not kept.
 */
export function preparedOn<P>(build: (tx: Executor) => P): (c: Ctx) => P {
  const byPool = new WeakMap<Executor, P>();
  return (c) => {
    if (c.tx !== c.db) return build(c.tx);
    let prepared = byPool.get(c.tx);
    if (!prepared) {
      prepared = build(c.tx);
      byPool.set(c.tx, prepared);
    }
    return prepared;
  };
}
