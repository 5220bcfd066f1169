'use client';

import { useEffect, useState } from 'react';

/** Milliseconds since this screen appeared, updated once a second (0 in the server render). */
export function useElapsed(): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const startedAt = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - startedAt), 1_000);
    return () => clearInterval(timer);
  }, []);
  return elapsed;
}
