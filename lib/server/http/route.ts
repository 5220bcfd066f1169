import 'server-only';
import { getLogger } from '../log';
import { problemFromError, problemResponse } from './problem';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler so every failure leaves as one problem+json response. Unexpected errors are logged
 * in full (with Vipps trace ids) and answered without internals or stack traces.
 */
export function withProblems<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      const problem = problemFromError(error);
      if (problem.status >= 500) {
        getLogger().error({ err: error, method: request.method, url: new URL(request.url).pathname }, problem.title);
      }
      return problemResponse(problem);
    }
  };
}
