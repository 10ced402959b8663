import { useState } from 'react';

/** Key-based (keyset) pages: the cursors of the pages seen so far, so 上一页 goes back without offsets. */
export interface KeysetPages {
  /** 0 = the first page. */
  page: number;
  /** The cursor to ask the server for the current page with (undefined on the first page). */
  cursor: string | undefined;
  /** Back to the first page (after a new search or filter). */
  reset: () => void;
  back: () => void;
  forward: (nextCursor: string) => void;
}

export function useKeysetPages(): KeysetPages {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  return {
    page,
    cursor: cursors[page],
    reset: () => setCursors([undefined]),
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (nextCursor) => setCursors((c) => [...c, nextCursor]),
  };
}
