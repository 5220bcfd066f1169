// `receipt` is validated as the Order Management 2.3.24 `Receipt` schema says (a bad one is a
// schema-validation 400 naming the field, BRIEF §7), kept with the payment, and shown in the landing page and app.
// Every bad variant is also checked against the spec file itself (ajv), so simulator and spec agree.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectRequestMatchesSpec } from '../support/openapi';
import { errorCodeOf, paymentBody, problemOf, startTestSimulator, type SimApi } from '../support/sim-client';

let api: SimApi;
beforeAll(async () => {
  api = await startTestSimulator();
});
afterAll(() => api.running.close());
beforeEach(() => api.reset());

/** The spec's own `ReceiptExample` and `OrderLineExample` lines, made to add up to 249,00 kr. */
const receipt = () => ({
  orderLines: [
    {
      name: 'Ullsokker',
      id: 'line_item_1',
      totalAmount: 19900,
      totalAmountExcludingTax: 15920,
      totalTaxAmount: 3980,
      taxPercentage: 25,
      unitInfo: { unitPrice: 9950, quantity: '2', quantityUnit: 'PCS' },
      discount: 0,
      productUrl: 'https://example.com/store/socks',
      isReturn: false,
      isShipping: false,
    },
    {
      name: 'Frakt',
      id: 'shipping',
      totalAmount: 5000,
      totalAmountExcludingTax: 4000,
      totalTaxAmount: 1000,
      taxPercentage: 25,
      isShipping: true,
    },
  ],
  bottomLine: {
    currency: 'NOK',
    tipAmount: 0,
    posId: 'vipps_pos_122',
    paymentSources: { card: 24900, giftCard: 0 },
    barcode: { format: 'EAN-13', data: '123456' },
    receiptNumber: '1234567',
  },
});

type Receipt = ReturnType<typeof receipt>;
const withReceipt = (change: (r: Receipt) => void) => {
  const r = receipt();
  change(r);
  return paymentBody({ receipt: r });
};

describe('receipt validation', () => {
  it('accepts the spec-shaped receipt', async () => {
    const body = withReceipt(() => undefined);
    expectRequestMatchesSpec('epayment', 'POST', '/epayment/v1/payments', body);
    expect((await api.create(body)).status).toBe(201);
  });

  it.each<[string, (r: Receipt) => void, string]>([
    ['no order lines', (r) => void (r.orderLines = []), 'receipt.orderLines'],
    [
      'an order line without name',
      (r) => void delete (r.orderLines[0] as Partial<Receipt['orderLines'][0]>).name,
      'receipt.orderLines.0.name',
    ],
    [
      'taxPercentage above 100',
      (r) => void (r.orderLines[0]!.taxPercentage = 101),
      'receipt.orderLines.0.taxPercentage',
    ],
    ['a decimal totalAmount', (r) => void (r.orderLines[0]!.totalAmount = 199.5), 'receipt.orderLines.0.totalAmount'],
    [
      'unitInfo without unitPrice',
      (r) => void delete (r.orderLines[0]!.unitInfo as { unitPrice?: number }).unitPrice,
      'receipt.orderLines.0.unitInfo.unitPrice',
    ],
    [
      'a quantity with a comma',
      (r) => void (r.orderLines[0]!.unitInfo!.quantity = '2,5'),
      'receipt.orderLines.0.unitInfo.quantity',
    ],
    [
      'an unknown quantityUnit',
      (r) => void (r.orderLines[0]!.unitInfo!.quantityUnit = 'BOXES'),
      'receipt.orderLines.0.unitInfo.quantityUnit',
    ],
    ['a negative discount', (r) => void (r.orderLines[0]!.discount = -1), 'receipt.orderLines.0.discount'],
    [
      'no bottomLine.currency',
      (r) => void delete (r.bottomLine as Partial<Receipt['bottomLine']>).currency,
      'receipt.bottomLine.currency',
    ],
    [
      'a text paymentSources.card',
      (r) => void ((r.bottomLine.paymentSources as Record<string, unknown>).card = 'all'),
      'receipt.bottomLine.paymentSources.card',
    ],
    [
      'an unknown barcode format',
      (r) => void (r.bottomLine.barcode.format = 'QR'),
      'receipt.bottomLine.barcode.format',
    ],
    [
      'a barcode without data',
      (r) => void delete (r.bottomLine.barcode as { data?: string }).data,
      'receipt.bottomLine.barcode.data',
    ],
  ])('refuses %s with a 400 naming the field, as the spec does', async (_label, change, field) => {
    const body = withReceipt(change);
    expect(() => expectRequestMatchesSpec('epayment', 'POST', '/epayment/v1/payments', body)).toThrow();
    const res = await api.create(body);
    expect(res.status).toBe(400);
    expect(errorCodeOf(res.body)).toBeUndefined();
    expect(problemOf(res.body).extraDetails?.map((d) => d.name)).toContain(field);
    expect((await api.get(body.reference as string)).status).toBe(404);
  });
});

describe('receipt on the landing page and in the app', () => {
  const page = async (path: string) => (await fetch(api.url + path)).text();

  it('shows each order line with quantity, amount and VAT, in a section labelled by its heading', async () => {
    const created = await api.create(paymentBody({ receipt: receipt(), customer: { phoneNumber: '4791234567' } }));
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token') ?? '';
    for (const html of [await page(`/landing?token=${token}`), await page(`/app/4791234567/payments/${token}`)]) {
      expect(html).toMatch(
        /<section class="receipt" aria-labelledby="receipt-heading">\s*<h2 id="receipt-heading">Receipt<\/h2>/,
      );
      expect(html).toMatch(
        /<th scope="row">Ullsokker<span class="line-notes">incl\. 25 % VAT \(<span class="money">39,80 kr<\/span>\)<\/span><\/th>\s*<td>2 pcs<\/td><td class="num">199,00 kr<\/td>/,
      );
      expect(html).toMatch(
        /<th scope="row">Frakt<span class="line-notes">Shipping · incl\. 25 % VAT \(<span class="money">10,00 kr<\/span>\)<\/span>/,
      );
      expect(html).toContain('Receipt no. 1234567');
    }
  });

  it('a payment without a receipt shows no receipt section', async () => {
    const created = await api.create(paymentBody());
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token') ?? '';
    expect(await page(`/landing?token=${token}`)).not.toContain('receipt-heading');
  });

  it('order line text is HTML-escaped', async () => {
    const r = receipt();
    r.orderLines[0]!.name = '<img src=x onerror=alert(1)>';
    const created = await api.create(paymentBody({ receipt: r }));
    const token = new URL(created.body.redirectUrl ?? '').searchParams.get('token') ?? '';
    const html = await page(`/landing?token=${token}`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
