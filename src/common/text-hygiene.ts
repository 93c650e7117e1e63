import { msg, type Message } from './errors';

/**
 * Input hygiene for every text a client sends (issue 8 item 9): what is refused, what is cleaned.
 *
 * - `line` — names, codes, logins, units, ids, filters: a single line. Refused: every C0 control
 *   (U+0000–U+001F, tab and newline included), DEL and the C1 controls (U+007F–U+009F).
 * - `multiline` — long texts (reasons, comments, explanations, conclusions, report bodies, objectives,
 *   summaries, measures, deviation causes): as `line`, but newline and tab are allowed; a CR-LF pair is
 *   read as one newline, a lone CR is refused.
 * - `identifier` — codes (division code, credit code), logins and ids: checked as `line`, but never
 *   rewritten — their own format rules refuse surrounding spaces (an id or code is what it is).
 * - `secret` — passwords: refused are controls and lone surrogates only (they could not be hashed
 *   faithfully); never trimmed nor normalised, so the password is exactly what was typed.
 *
 * `line` and `multiline` also refuse the bidirectional embedding/override/isolate controls
 * U+202A–U+202E and U+2066–U+2069 (they make text display differently from what it stores —
 * "Trojan Source"), and lone surrogates (not Unicode; PostgreSQL cannot store them). Accepted text is
 * normalised to NFC (so "e" + U+0301 and "é" are the same name, and uniqueness holds) and trimmed
 * (Unicode white space, including the ideographic space U+3000).
 *
 * Which kind a field is: an explicit `textKind` extension on the input field wins; otherwise a field
 * named like a password is `secret`, one named like a code, login or id (see `IDENTIFIER_NAME`; every
 * `ID` too) is `identifier`, one named like a long text (see `MULTILINE_NAME`) is `multiline`, and
 * everything else is `line`. Strict by default: a new field is single-line until it is named or marked
 * as a long text.
 */
export type TextKind = 'line' | 'multiline' | 'identifier' | 'secret';

const MULTILINE_NAME =
  /(^text$|^body$|reason$|comment$|explanation$|conclusion$|summary$|measures$|objective$|description$|remark$|note$)/i;
const SECRET_NAME = /password/i;
const IDENTIFIER_NAME = /(^code$|Code$|^login$|^id$|Id$)/;

export function textKindOf(
  fieldName: string,
  extensions?: Readonly<Record<string, unknown>> | null,
): TextKind {
  const marked = extensions?.textKind;
  if (marked === 'line' || marked === 'multiline' || marked === 'identifier' || marked === 'secret')
    return marked;
  if (SECRET_NAME.test(fieldName)) return 'secret';
  if (IDENTIFIER_NAME.test(fieldName)) return 'identifier';
  return MULTILINE_NAME.test(fieldName) ? 'multiline' : 'line';
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const isControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
const isBidiControl = (c: number): boolean => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/** Why `value` cannot be accepted as a text of `kind`, or null when it can. */
export function textProblem(value: string, kind: TextKind): Message | null {
  for (let k = 0; k < value.length; k += 1) {
    const c = value.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        k += 1;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff)
      return msg(
        `文本包含无效的 Unicode 字符（孤立代理项 ${hex(c)}）`,
        `The text contains an invalid Unicode character (lone surrogate ${hex(c)})`,
      );
    if (c === 0)
      return msg('文本不能包含空字符（U+0000）', 'The text must not contain a NUL character (U+0000)');
    if (isControl(c)) {
      if (kind === 'multiline' && (c === 0x0a || c === 0x09)) continue;
      if (kind === 'multiline' && c === 0x0d && value.charCodeAt(k + 1) === 0x0a) continue;
      if (kind !== 'secret' && (c === 0x0a || c === 0x09 || c === 0x0d))
        return msg(
          `此处须为单行文本，不能包含换行或制表符（${hex(c)}）`,
          `This must be a single line, without line breaks or tabs (${hex(c)})`,
        );
      return msg(
        `文本不能包含控制字符（${hex(c)}）`,
        `The text must not contain control characters (${hex(c)})`,
      );
    }
    if (kind !== 'secret' && isBidiControl(c))
      return msg(
        `文本不能包含双向文字控制符（${hex(c)}）`,
        `The text must not contain bidirectional override or isolate characters (${hex(c)})`,
      );
  }
  return null;
}

/** The accepted form of a text: NFC, trimmed, CR-LF as LF; an identifier or secret exactly as given. */
export function cleanText(value: string, kind: TextKind): string {
  if (kind === 'secret' || kind === 'identifier') return value;
  const unified = kind === 'multiline' ? value.replace(/\r\n/g, '\n') : value;
  return unified.normalize('NFC').trim();
}
