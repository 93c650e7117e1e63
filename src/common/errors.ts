/**
 * The error vocabulary in one import: codes and bilingual messages (error-code.ts). An expected failure is
 * raised one way only — `throw refusal(...)` / `abort(problems)` (refusal.ts; issue 10 item 5).
 */
export { ErrorCode, msg, PAYLOAD_CODES, type Message, type Principle } from './error-code';
