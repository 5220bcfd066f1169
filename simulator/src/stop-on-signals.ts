/**
 * A clean stop (exit 0) on SIGINT or SIGTERM, from the moment the process starts listening for them — also
 * while the server is still starting. Node's default action for a signal nobody listens to is to die of it
 * (exit 143 for SIGTERM), which a supervisor or a test reads as a crash; so the entry point installs this
 * before it loads or starts anything slow, and hands over the server's `close` once it listens.
 *
 * A second signal while stopping is ignored rather than fatal: a terminal's Ctrl-C reaches every process of the
 * group, and wrappers (npm, concurrently) pass the same signal on again.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** The part of `process` this needs; tests pass a fake. */
export interface SignalTarget {
  on(signal: (typeof STOP_SIGNALS)[number], listener: () => void): unknown;
  exit(code: number): void;
}

export interface SignalStop {
  /** True once a stop signal arrived (the caller may skip work it was about to start). */
  readonly requested: boolean;
  /** The server is up: stop it on the next signal, or now if one already arrived. */
  started(close: () => Promise<void>): void;
}

export function stopOnSignals(target: SignalTarget = process): SignalStop {
  let requested = false;
  let stopping = false;
  let close: (() => Promise<void>) | undefined;

  const stopIfReady = () => {
    if (!requested || !close || stopping) return;
    stopping = true;
    close().then(
      () => target.exit(0),
      () => target.exit(1),
    );
  };
  for (const signal of STOP_SIGNALS) {
    target.on(signal, () => {
      requested = true;
      stopIfReady();
    });
  }
  return {
    get requested() {
      return requested;
    },
    started(closeServer) {
      close = closeServer;
      stopIfReady();
    },
  };
}
