// pg_dump / pg_restore for the PostgreSQL engine. PG_BIN names their directory when they are not on PATH
// (e.g. /usr/lib/postgresql/15/bin); they should be of the server's major version or newer.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BackupError } from './manifest';

function tool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

function run(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool(name), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(new BackupError(error.code === 'ENOENT' ? `找不到 ${name}：请安装 PostgreSQL 客户端工具，或用 PG_BIN 指明其目录` : `${name} 无法启动：${error.message}`));
    });
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${name} 失败（退出码 ${code}）：${stderr.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}

/** A consistent snapshot of the database in pg_dump's custom format. */
export function pgDump(databaseUrl: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${databaseUrl}`]);
}

/** Restores a custom-format dump into an empty database; stops at the first error. */
export function pgRestore(databaseUrl: string, file: string): Promise<void> {
  return run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
}

/** Whether pg_dump can be run at all (tests skip the PostgreSQL backup without it). */
export function pgDumpAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(tool('pg_dump'), ['--version'], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
