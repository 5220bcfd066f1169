import type { CreatePaymentRequest } from '../vipps/types';
import type { PricedLine } from './pricing';

export interface CreatePaymentInput {
  reference: string;
  orderNumber: string;
  currency: string;
  totalOre: number;
  lines: PricedLine[];
  /** MSISDN, pre-fills the Vipps landing page. */
  phoneNumber?: string;
  /** `profile.scope` when the shopper chose to share their profile (BRIEF §4.1); absent, the body has no `profile`. */
  profileScope?: string;
  publicBaseUrl: string;
}

export function returnUrlFor(publicBaseUrl: string, reference: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/return?reference=${encodeURIComponent(reference)}`;
}

/**
 * The create-payment body (BRIEF §4.1). `receipt` makes the Vipps app show the order lines; its amounts are the
 * same integers the order was priced with, so the lines add up to `amount` exactly.
 */
export function createPaymentBody(input: CreatePaymentInput): CreatePaymentRequest {
  const currency = input.currency as CreatePaymentRequest['amount']['currency'];
  return {
    amount: { currency, value: input.totalOre },
    paymentMethod: { type: 'WALLET' },
    reference: input.reference,
    userFlow: 'WEB_REDIRECT',
    returnUrl: returnUrlFor(input.publicBaseUrl, input.reference),
    paymentDescription: `Fjellbutikken order ${input.orderNumber}`,
    ...(input.phoneNumber && { customer: { phoneNumber: input.phoneNumber } }),
    ...(input.profileScope && { profile: { scope: input.profileScope } }),
    receipt: {
      orderLines: input.lines.map((line) => ({
        name: line.name,
        id: line.sku,
        totalAmount: line.totalOre,
        totalAmountExcludingTax: line.totalOre - line.vatOre,
        totalTaxAmount: line.vatOre,
        taxPercentage: line.vatPercent,
        unitInfo: { unitPrice: line.unitPriceOre, quantity: String(line.quantity), quantityUnit: 'PCS' },
      })),
      bottomLine: { currency, receiptNumber: input.orderNumber },
    },
  };
}
