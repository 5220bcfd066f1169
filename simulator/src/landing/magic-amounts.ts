/**
 * Special amounts of the Vipps test app (BRIEF §9), in minor units. They only apply when the shopper approves in
 * the (simulated) app; force approve and the control API ignore them, as in the real test environment.
 */
export const DECLINED_TEST_AMOUNTS: Readonly<Record<number, string>> = {
  151: 'Insufficient funds',
  182: 'Refused by issuer',
  183: 'Suspected fraud',
  184: 'Withdrawal limit exceeded',
  186: 'Expired card',
  187: 'Invalid card',
  197: '3-D Secure denied',
};

/** "Unknown result for 1 hour": the payment stays CREATED (processing), then expires. */
export const UNKNOWN_RESULT_AMOUNT = 201;

/** "SCA required": the app asks for an extra confirmation, then approves. */
export const SCA_REQUIRED_AMOUNT = 202;

export const declineReasonFor = (value: number): string | undefined => DECLINED_TEST_AMOUNTS[value];
