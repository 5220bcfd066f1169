import { checkoutKeySchema, checkoutRequestSchema } from '@/lib/shop-api';
import { ProblemError, parseJsonBody } from '@/lib/server/http/problem';
import { limitCheckouts } from '@/lib/server/http/checkout-limit';
import { withProblems } from '@/lib/server/http/route';
import { checkout } from '@/lib/server/orders';

export const dynamic = 'force-dynamic';

export const POST = withProblems(async (request) => {
  const key = checkoutKeySchema.safeParse(request.headers.get('idempotency-key'));
  if (!key.success) {
    throw new ProblemError({
      status: 400,
      code: 'validation_failed',
      title: 'Missing checkout key',
      errors: [{ path: 'Idempotency-Key', message: 'Send a UUID v4 in the Idempotency-Key header.' }],
    });
  }
  const body = await parseJsonBody(request, checkoutRequestSchema);
  await limitCheckouts(request.headers);
  const started = await checkout({
    checkoutKey: key.data,
    items: body.items,
    phoneNumber: body.phoneNumber,
    shareProfile: body.shareProfile,
  });
  return Response.json(started, { status: 201, headers: { 'cache-control': 'no-store' } });
});
