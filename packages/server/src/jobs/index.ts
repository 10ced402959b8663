import type { Deps } from '../context';
import { dispatchOutbox, type MessageSender } from '../modules/notifications/sender';
import { blobGarbageJob } from './blob-garbage';
import { CLEANUP_JOBS } from './cleanup';
import { deemedAcceptanceJob } from './deemed-acceptance';
import { dueDateRecomputeJob } from './due-date-recompute';
import { dueAlertsJob } from './due-alerts';
import { filedLapseJob } from './filed-lapse';
import { filingExpiryJob } from './filing-expiry';
import { JobRunner, type JobLog } from './runner';
import { staleImportsJob } from './stale-imports';
import { suspensionEndJob } from './suspension-end';
import { dashboardRefreshJob } from '../modules/dashboard/refresh';

export { JobRunner, type Job, type JobOutcome } from './runner';

/** Every scheduled job of the server. Adding one is one `register` line. */
export function createJobRunner(deps: Deps, log: JobLog, sender: MessageSender): JobRunner {
  const runner = new JobRunner(deps, log);
  runner.register({ name: 'outbox.dispatch', intervalMs: 5000, run: (c) => dispatchOutbox(c, sender) });
  for (const job of CLEANUP_JOBS) runner.register(job);
  runner.register(blobGarbageJob(deps.config.BLOB_GC_GRACE_HOURS));
  runner.register(filingExpiryJob());
  runner.register(suspensionEndJob());
  runner.register(deemedAcceptanceJob());
  runner.register(dueAlertsJob());
  runner.register(dueDateRecomputeJob());
  runner.register(filedLapseJob());
  runner.register(dashboardRefreshJob());
  runner.register(staleImportsJob());
  return runner;
}
