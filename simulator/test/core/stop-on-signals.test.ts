// The simulator's stop on SIGINT/SIGTERM, with a fake process: a signal that arrives while the server is still
// starting stops it as soon as it listens, with exit 0; a second signal while stopping is not fatal.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { stopOnSignals, type SignalTarget } from '../../src/stop-on-signals';

function fakeProcess() {
  const events = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const exitedOnce = new Promise<number>((resolve) => (exited = resolve));
  const target: SignalTarget = {
    on: (signal, listener) => events.on(signal, listener),
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
  };
  return { target, exits, exitedOnce, send: (signal: string) => events.emit(signal) };
}

describe('stopOnSignals', () => {
  it('listens for SIGINT and SIGTERM as soon as it is called', () => {
    const fake = fakeProcess();
    stopOnSignals(fake.target);
    expect(fake.send('SIGINT')).toBe(true);
    expect(fake.send('SIGTERM')).toBe(true);
  });

  it.each(['SIGINT', 'SIGTERM'])('%s after start closes the server, then exits 0', async (signal) => {
    const fake = fakeProcess();
    const close = vi.fn(() => Promise.resolve());
    stopOnSignals(fake.target).started(close);
    expect(close).not.toHaveBeenCalled();
    fake.send(signal);
    expect(await fake.exitedOnce).toBe(0);
    expect(close).toHaveBeenCalledOnce();
  });

  it('a SIGTERM during start-up is remembered: the server is closed as soon as it has started, exit 0', async () => {
    const fake = fakeProcess();
    const stop = stopOnSignals(fake.target);
    fake.send('SIGTERM');
    expect(stop.requested).toBe(true);
    expect(fake.exits).toEqual([]);
    const close = vi.fn(() => Promise.resolve());
    stop.started(close);
    expect(await fake.exitedOnce).toBe(0);
    expect(close).toHaveBeenCalledOnce();
  });

  it('a second signal while closing neither closes twice nor exits early', async () => {
    const fake = fakeProcess();
    let finishClose: () => void = () => {};
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    stopOnSignals(fake.target).started(close);
    fake.send('SIGTERM');
    fake.send('SIGINT');
    fake.send('SIGTERM');
    expect(close).toHaveBeenCalledOnce();
    expect(fake.exits).toEqual([]);
    finishClose();
    expect(await fake.exitedOnce).toBe(0);
    expect(fake.exits).toEqual([0]);
  });

  it('a close that fails exits 1', async () => {
    const fake = fakeProcess();
    stopOnSignals(fake.target).started(() => Promise.reject(new Error('port stuck')));
    fake.send('SIGTERM');
    expect(await fake.exitedOnce).toBe(1);
  });
});
