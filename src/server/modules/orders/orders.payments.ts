import { errors } from '../../platform/errors.js';

/**
 * The payment seam (issue 13: "no payment provider is reachable; design the payment seam so one can be added").
 * A provider checks what the buyer hands in and says who confirms the payment:
 *  - `offline_transfer` (the one provider today): a bank transfer made outside the platform, proved by a voucher
 *    (回单, PDF/JPEG/PNG/OFD, content-checked by the files service) and confirmed by the seller by hand;
 *  - an online provider (UnionPay B2B, a bank's API…) would start a payment here and be confirmed by its signed
 *    notification — `confirmedBy: 'provider'` and a webhook route calling the same confirmPayment step.
 * The order's payment status (domain order.ts: unpaid → voucher_submitted → paid) is the same for all providers.
 */
export interface PaymentProvider {
  readonly name: string;
  readonly confirmedBy: 'seller' | 'provider';
  /** Check a buyer's payment record before it is stored: the voucher to keep and the transfer reference. */
  record(input: { amountCny: number; reference?: string; files: Buffer[] }): { voucher: Buffer | null; reference: string | null };
}

export const offlineTransfer: PaymentProvider = {
  name: 'offline_transfer',
  confirmedBy: 'seller',
  record({ reference, files }) {
    if (files.length !== 1) throw errors.field('voucher', '须上传一份银行转账回单（PDF、JPEG、PNG 或 OFD）', 'upload one bank transfer voucher (PDF, JPEG, PNG or OFD)');
    return { voucher: files[0]!, reference: reference ?? null };
  },
};
