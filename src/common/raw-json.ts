import { randomBytes } from 'node:crypto';

/**
 * JSON text computed elsewhere — by PostgreSQL (src/reporting/aggregate-table.sql.ts) — that a GraphQL
 * response embeds as it is, instead of parsing it into values only to serialise them again (issue 18).
 *
 * `stringifyResponse` (Apollo Server's `stringifyResult`) serialises the response with JSON.stringify;
 * each RawJson's toJSON() then answers a placeholder, a string no data can contain (a NUL, which
 * PostgreSQL text cannot hold, and a random nonce of this process), and the placeholders are replaced by
 * the texts afterwards. Any other serialisation (a log line, incremental delivery, a test calling
 * JSON.stringify) gets the parsed value from toJSON(): the same JSON, only slower.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (collecting === null) return JSON.parse(this.text) as unknown;
    collecting.push(this.text);
    return `${MARK}${collecting.length - 1}`;
  }
}

const NONCE = randomBytes(12).toString('hex');
const MARK = `\u0000${NONCE}:`;
/** The placeholder as JSON.stringify writes it (the NUL escaped), with the text's index. */
const PLACEHOLDER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)"`, 'g');

/** The texts of the RawJson values met by the JSON.stringify running now (it is synchronous). */
let collecting: string[] | null = null;

/** The response as JSON, with every RawJson's text in place (Apollo Server's `stringifyResult`). */
export function stringifyResponse(value: unknown): string {
  const texts: string[] = [];
  collecting = texts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    collecting = null;
  }
  // Apollo's own stringify ends the body with a newline; so does this one.
  if (texts.length === 0) return `${json}\n`;
  return `${json.replace(PLACEHOLDER, (_m, i: string) => texts[Number(i)])}\n`;
}
