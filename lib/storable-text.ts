// Text the database can store. PostgreSQL's `text` and `jsonb` cannot hold U+0000 ("invalid byte sequence for
// encoding UTF8: 0x00"), and a lone UTF-16 surrogate has no UTF-8 form at all (drivers silently turn it into
// U+FFFD, so what is stored is not what was sent). Every string from outside that may reach a query is checked
// with `storableText()` at the boundary, so bad input is a 400 problem instead of a failed query (a 500).
import { z } from 'zod';

const UNSTORABLE = /[\u0000\p{Cs}]/u;
const UNSTORABLE_ALL = /[\u0000\p{Cs}]/gu;

export const UNSTORABLE_TEXT_MESSAGE = 'Contains a character that is not allowed (NUL or a broken Unicode sequence).';

export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/** `z.string()` that refuses NUL and lone surrogates; chain `.trim()`, `.min()`, `.max()` on it as usual. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/**
 * For text we keep although it is not valid input (a refused webhook's body, shown to staff): every NUL and
 * lone surrogate becomes U+FFFD, the replacement character, so the row can be written and the rest still read.
 */
export const toStorableText = (value: string): string => value.replace(UNSTORABLE_ALL, '\uFFFD');
