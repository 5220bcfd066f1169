// The words staff read for what the shop's own processing did. The stored values stay short codes (the inbox
// and timeline rows, the tests, the logs); only the pages translate them. Isomorphic: pure functions.

const WEBHOOK_RESULT_WORDS: Record<string, string> = {
  synced: 'order brought up to date',
  nothing_new: 'nothing new',
  unknown_reference: 'not one of our payments',
  duplicate: 'a repeat, not processed again',
  processed: 'processed',
  received: 'received, waiting to be processed',
};

/** What processing a webhook did, in words: "order brought up to date", "nothing new", "failed: …". */
export function webhookResultWords(result: string): string {
  if (result.startsWith('failed: ')) return `could not be processed: ${result.slice('failed: '.length)}`;
  return WEBHOOK_RESULT_WORDS[result] ?? result.replaceAll('_', ' ');
}

const STAFF_RESULT_WORDS: Record<string, string> = {
  succeeded: 'done',
  rejected: 'refused by Vipps',
  unknown: 'outcome unknown',
  pending: 'waiting for Vipps',
  refused: 'refused by the shop',
};

/** What came of a staff action or one of our operations, in words. */
export function staffResultWords(result: string): string {
  return STAFF_RESULT_WORDS[result] ?? result.replaceAll('_', ' ');
}
