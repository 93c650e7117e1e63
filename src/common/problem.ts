import type { ErrorCode, Message } from './errors';

/**
 * One thing wrong with an input, as the pure rules report it: the stable code (becomes the user error's
 * `code`), the input field's path, a sentence in Chinese and English, and optionally the rule-specific
 * reason (e.g. `TARGET_NOT_MET`) for callers and tests that need to tell findings apart.
 */
export interface Problem {
  code: ErrorCode;
  field: string[];
  message: Message;
  reason?: string;
}
