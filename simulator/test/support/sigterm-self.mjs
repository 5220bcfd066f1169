// Preloaded (`node --import`) into a simulator process by main.test.ts: the process sends itself SIGTERM at the
// worst moment for a start-up race, deterministically instead of by luck on a busy machine.
//   SIGTERM_SELF_AT=listen        right after the HTTP server starts listening (still starting up)
//   SIGTERM_SELF_AT=first-output  right after the start line is written (what a supervisor waits for)
import net from 'node:net';

const at = process.env.SIGTERM_SELF_AT;
const sigterm = () => process.kill(process.pid, 'SIGTERM');

if (at === 'listen') {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    const server = listen.apply(this, args);
    sigterm();
    return server;
  };
} else if (at === 'first-output') {
  const write = process.stdout.write.bind(process.stdout);
  let sent = false;
  process.stdout.write = (...args) => {
    const written = write(...args);
    if (!sent) {
      sent = true;
      sigterm();
    }
    return written;
  };
}
