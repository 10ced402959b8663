import pino from 'pino';

/**
 * Where the server's log lines go: standard output, written asynchronously in 4 kB batches, so a request
 * never waits for a write(2) of its log line. `flush` writes out what is buffered; it is called on shutdown
 * and on a fatal error so the last lines are not lost.
 */
export function asyncLogDestination(fd = 1): { stream: ReturnType<typeof pino.destination>; flush: () => void } {
  const stream = pino.destination({ dest: fd, sync: false, minLength: 4096 });
  return {
    stream,
    flush: () => {
      try {
        stream.flushSync();
      } catch {
        // not open yet, or already closed: nothing buffered to lose
      }
    },
  };
}
