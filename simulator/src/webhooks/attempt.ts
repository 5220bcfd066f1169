// One delivery attempt: an HTTP POST with a deadline. Vipps counts any non-2xx answer, a network
// error, or no answer within 10 s as a failure (BRIEF §8); redirects are not followed (the
// registered URL "can not be a URL that redirects"), so a 3xx is a failure too.

export interface AttemptOutcome {
  ok: boolean;
  status?: number;
  error?: string;
  ms: number;
}

export async function postWebhook(opts: {
  fetchFn: typeof fetch;
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborted by reset()/close() and by the deadline. */
  controller: AbortController;
}): Promise<AttemptOutcome> {
  const { fetchFn, url, body, headers, timeoutMs, controller } = opts;
  const started = performance.now();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  deadline.unref();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: controller.signal,
    });
    // The whole answer must arrive within the deadline; draining also frees the connection.
    await res.arrayBuffer();
    return { ok: res.status >= 200 && res.status < 300, status: res.status, ms: ms() };
  } catch (err) {
    if (timedOut) return { ok: false, error: `timeout: no answer within ${timeoutMs} ms`, ms: ms() };
    return { ok: false, error: describe(err), ms: ms() };
  } finally {
    clearTimeout(deadline);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
