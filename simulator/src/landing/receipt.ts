/**
 * The receipt's order lines as an HTML table for the landing page and the app screen, as the Vipps app shows a
 * receipt sent with the payment. Amounts are in minor units of the bottom line's currency (else the payment's).
 */
import type { Currency, Payment } from '../epayment/payment';
import type { OrderLine } from '../epayment/receipt-schema';
import { escapeHtml as h, formatAmount } from './format';

const UNIT_LABELS: Record<string, string> = {
  PCS: 'pcs',
  KG: 'kg',
  KM: 'km',
  MINUTE: 'min',
  LITRE: 'l',
  KWH: 'kWh',
};

function quantityOf(line: OrderLine): string {
  if (!line.unitInfo) return '';
  const quantity = line.unitInfo.quantity.replace('.', ',');
  return `${quantity} ${UNIT_LABELS[line.unitInfo.quantityUnit ?? 'PCS'] ?? ''}`.trim();
}

function lineRow(line: OrderLine, currency: Currency): string {
  const money = (value: number) => h(formatAmount({ currency, value }));
  // Amounts in the small print never break between number and "kr" on a 390 px screen.
  const noteMoney = (value: number) => `<span class="money">${money(value)}</span>`;
  const notes = [
    line.isShipping ? 'Shipping' : '',
    line.isReturn ? 'Return' : '',
    line.discount ? `Discount ${noteMoney(line.discount)}` : '',
    `incl. ${line.taxPercentage} % VAT (${noteMoney(line.totalTaxAmount)})`,
  ].filter(Boolean);
  return `<tr><th scope="row">${h(line.name)}<span class="line-notes">${notes.join(' · ')}</span></th>
<td>${h(quantityOf(line))}</td><td class="num">${money(line.totalAmount)}</td></tr>`;
}

export function receiptSection(payment: Payment): string {
  const receipt = payment.receipt;
  if (!receipt) return '';
  const currency = receipt.bottomLine.currency ?? payment.amount.currency;
  const tip = receipt.bottomLine.tipAmount
    ? `<tr><th scope="row">Tip</th><td></td><td class="num">${h(formatAmount({ currency, value: receipt.bottomLine.tipAmount }))}</td></tr>`
    : '';
  const receiptNumber = receipt.bottomLine.receiptNumber
    ? `<p class="muted">Receipt no. ${h(receipt.bottomLine.receiptNumber)}</p>`
    : '';
  return `<section class="receipt" aria-labelledby="receipt-heading">
<h2 id="receipt-heading">Receipt</h2>
<table>
<thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${receipt.orderLines.map((line) => lineRow(line, currency)).join('\n')}
${tip}
</tbody>
</table>
${receiptNumber}
</section>`;
}
