import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Who holds a lock: the process id plus what tells a reused pid apart — the process start time
 * (field 22 of /proc/<pid>/stat, clock ticks since boot) and the boot id. Off Linux only the pid is known.
 */
export interface ProcessIdentity {
  pid: number;
  host: string;
  bootId: string | null;
  startTicks: string | null;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The start time of a process; null when it does not exist or /proc is not available. */
export function processStartTicks(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may contain spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // field 22 overall; fields[0] is field 3
}

export function currentProcessIdentity(pid = process.pid): ProcessIdentity {
  return { pid, host: os.hostname(), bootId: readOrNull('/proc/sys/kernel/random/boot_id')?.trim() ?? null, startTicks: processStartTicks(pid) };
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the recorded process is certainly gone: same machine, and the pid is free or now belongs
 * to another process (different start time or another boot). Unknown (another host) counts as alive.
 */
export function isProcessGone(holder: ProcessIdentity): boolean {
  const here = currentProcessIdentity();
  if (holder.host !== here.host) return false;
  if (holder.bootId && here.bootId && holder.bootId !== here.bootId) return true;
  if (holder.pid === process.pid) return holder.startTicks !== here.startTicks;
  if (!pidExists(holder.pid)) return true;
  const now = processStartTicks(holder.pid);
  return holder.startTicks !== null && now !== null && now !== holder.startTicks;
}
