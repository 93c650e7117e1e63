/**
 * Issue 10 item 5: one way to raise an expected failure, mapped once. A refusal carries the rule's
 * reason and principle (DOMAIN §8) to `userErrors` and to `extensions`; the old spellings (AppError,
 * abortWith, UserErrorsAbort, userError) are gone (one-mechanism.unit.test.ts keeps them out).
 */
import { GraphQLError } from 'graphql';
import { ErrorCode, msg } from '../../src/common/error-code';
import { problem, under } from '../../src/common/problem';
import { abort, extensionsOf, refusal, refusalIn, RefusalError } from '../../src/common/refusal';
import { userErrorsOf } from '../../src/common/user-error';

const frozen = msg('评价已提交，不能再修改（P8）', 'The evaluation is submitted and frozen (P8)');
const CJK = /[\u4e00-\u9fff]/;

test('refusal(): code, field, both languages, reason and principle reach userErrors and extensions', () => {
  const r = refusal(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], frozen, {
    principle: 'P8',
    reason: 'FROZEN',
  });
  expect(r).toBeInstanceOf(RefusalError);
  expect(r).toBeInstanceOf(GraphQLError);
  expect(userErrorsOf(r.problems)).toEqual([
    {
      code: 'WORKFLOW_VIOLATION',
      field: ['input', 'id'],
      message: frozen.zh,
      messageEn: frozen.en,
      principle: 'P8',
      reason: 'FROZEN',
    },
  ]);
  expect(r.extensions).toEqual({
    code: 'WORKFLOW_VIOLATION',
    messageZh: frozen.zh,
    messageEn: frozen.en,
    field: ['input', 'id'],
    principle: 'P8',
    reason: 'FROZEN',
  });
  // no message mixes languages (issue 11 item 4)
  expect(r.message).toBe(frozen.en);
  expect(r.message).not.toMatch(CJK);
});

test('abort(problems): all findings at once, under the input, with an overriding code', () => {
  const findings = [
    problem(ErrorCode.BAD_USER_INPUT, ['entries', '1', 'explanation'], msg('须说明理由', 'Explain'), {
      reason: 'EXPLANATION_REQUIRED',
    }),
    problem(ErrorCode.BAD_USER_INPUT, ['basis'], msg('口径无效', 'Bad basis')),
  ];
  let caught: unknown;
  try {
    abort(findings, { under: ['input'], code: ErrorCode.WORKFLOW_VIOLATION });
  } catch (error) {
    caught = error;
  }
  const r = refusalIn(caught)!;
  expect(r.problems.map((p) => [p.code, p.field, p.reason])).toEqual([
    ['WORKFLOW_VIOLATION', ['input', 'entries', '1', 'explanation'], 'EXPLANATION_REQUIRED'],
    ['WORKFLOW_VIOLATION', ['input', 'basis'], undefined],
  ]);
  expect((r.extensions.problems as unknown[]).length).toBe(2);
  expect(under(['input'], findings)[0].field).toEqual(['input', 'entries', '1', 'explanation']);
});

test('details become user errors of their own on the same field (a form lists them)', () => {
  const p = problem(ErrorCode.WORKFLOW_VIOLATION, ['input', 'id'], msg('不能提交', 'Cannot submit'), {
    details: [msg('缺少指标', 'No indicators'), msg('缺少金额', 'No amount')],
  });
  expect(userErrorsOf([p]).map((e) => e.messageEn)).toEqual(['Cannot submit', 'No indicators', 'No amount']);
  expect(extensionsOf(p).details).toEqual(p.details);
});

test('shorthands: forbidden names its principle; notFound reads like a missing id (P6); unauthenticated is 401', () => {
  expect(refusal.forbidden('P4', frozen).extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P4' });
  expect(refusal.forbidden().extensions.messageZh).toMatch(CJK);
  expect(refusal.notFound(msg('未找到该评价', 'Evaluation not found')).problems[0].field).toEqual([
    'input',
    'id',
  ]);
  const u = refusal.unauthenticated();
  expect(u.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  expect(u.belongsInPayload).toBe(false);
  expect(refusal.forbidden('P1').belongsInPayload).toBe(true);
});

test('refusalIn unwraps what GraphQL wraps around a thrown refusal', () => {
  const r = refusal.forbidden('P7');
  const wrapped = new GraphQLError(r.message, { originalError: r });
  expect(refusalIn(wrapped)).toBe(r);
  expect(refusalIn(new Error('bug'))).toBeNull();
});

test('what the removed spellings did, the one mechanism does with the same shapes', () => {
  // was `new AppError(code, message, { field, principle })`
  const app = refusal(ErrorCode.BAD_USER_INPUT, ['year'], frozen, { principle: 'P6' });
  expect(app).toBeInstanceOf(RefusalError);
  expect(app.message).toBe(frozen.en);
  expect(app.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['year'], principle: 'P6' });
  // was `AppError.forbidden('P3')`
  expect(refusal.forbidden('P3').extensions).toMatchObject({ code: 'FORBIDDEN', principle: 'P3' });

  // was `new UserErrorsAbort([userError(CONFLICT, field, message, 'P2')])`
  const conflict = refusal(ErrorCode.CONFLICT, ['input', 'code'], frozen, { principle: 'P2' });
  expect(refusalIn(conflict)).toBe(conflict);
  expect(userErrorsOf(conflict.problems)).toEqual([
    {
      code: 'CONFLICT',
      field: ['input', 'code'],
      message: frozen.zh,
      messageEn: frozen.en,
      principle: 'P2',
      reason: null,
    },
  ]);
  // was `abortWith(NOT_FOUND, field, message)`
  expect(() => {
    throw refusal.notFound(frozen);
  }).toThrow(RefusalError);

  // was `new AppError(TIMEOUT, message, { retryAfterSeconds, httpStatus })`: the transport is the fifth argument
  const timeout = refusal(ErrorCode.TIMEOUT, [], frozen, {}, { retryAfterSeconds: 2, httpStatus: 503 });
  expect(timeout.extensions).toMatchObject({ code: 'TIMEOUT', retryAfterSeconds: 2, http: { status: 503 } });
  expect(timeout.belongsInPayload).toBe(false);
});
