/**
 * Shared arrangement of the disclosure tests (DOMAIN §14, P5): the demo's issued goals and evaluations,
 * found by name and kind in the database, and the three disclosure mutations.
 */
import { toGlobalId } from '../../src/common/global-id';
import type { TestApp } from '../harness/app';
import { uuidOf } from '../harness/ids';

export { uuidOf };

export const ERRORS = 'userErrors { code field message messageEn principle }';
const D =
  'disclosure { subjectId subjectType classified classifiedReason publishedOn withdrawnOn responsibleOrganization { id } subject { id } }';
export const CLASSIFY = `mutation($input: ClassifyInput!) { classifyForDisclosure(input: $input) { ${D} ${ERRORS} } }`;
export const PUBLISH = `mutation($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { ${D} ${ERRORS} } }`;
export const WITHDRAW = `mutation($input: WithdrawDisclosureInput!) { withdrawDisclosure(input: $input) { ${D} ${ERRORS} } }`;

export interface Payload {
  disclosure: {
    subjectId: string;
    publishedOn: string | null;
    withdrawnOn: string | null;
    classified: boolean;
  } | null;
  userErrors: { code: string; field: string[]; message: string; principle: string | null }[];
}

/** The one issued goal whose name starts so (demo, 淄博). */
export async function goalGid(app: TestApp, name: string): Promise<string> {
  const rows = await app.sql<{ id: string }>(
    `SELECT id FROM performance_goal WHERE starts_with(name, $1) AND status = 'ISSUED'`,
    [name],
  );
  if (rows.length !== 1) throw new Error(`expected one issued goal ${name}, found ${rows.length}`);
  return toGlobalId('PerformanceGoal', rows[0].id);
}

/** The demo's only evaluation of that kind and status. */
export async function evaluationGid(app: TestApp, kind: string, status: string): Promise<string> {
  const rows = await app.sql<{ id: string }>(`SELECT id FROM evaluation WHERE kind = $1 AND status = $2`, [
    kind,
    status,
  ]);
  if (rows.length !== 1) throw new Error(`expected one ${kind} ${status} evaluation, found ${rows.length}`);
  return toGlobalId('Evaluation', rows[0].id);
}

/** The disclosure row of an item (owner view), or undefined. */
export async function disclosureRow(app: TestApp, gid: string) {
  const [row] = await app.sql<{
    classified: boolean;
    published_on: string | null;
    withdrawn_on: string | null;
  }>(
    `SELECT classified, to_char(published_on, 'YYYY-MM-DD') AS published_on, to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on
       FROM disclosure WHERE subject_id = $1`,
    [uuidOf(gid)],
  );
  return row;
}

/** Runs one disclosure mutation and returns its payload (or the top-level errors' codes). */
export async function disclose(
  app: TestApp,
  mutation: string,
  input: Record<string, unknown>,
  as?: string,
): Promise<{ payload: Payload | null; errors: string[] }> {
  const res = await app.gql<Record<string, Payload>>(mutation, { input }, as ? { as } : {});
  const payload = res.data ? Object.values(res.data)[0] : null;
  const errors = (res.errors ?? []).map((e) =>
    String((e as { extensions?: { code?: string } }).extensions?.code),
  );
  return { payload, errors };
}

export const PROJECT_GOAL = '张店区农村公路安全生命防护工程绩效目标';
export const OVERALL_GOAL = '农村公路提档升级专项资金整体绩效目标';
export const ZICHUAN_DEPT_GOAL = '淄川区农业农村局2025年度部门整体绩效';
export const CHEZHAN_REGIONAL_GOAL = '农村公路提档升级专项资金车站街道区域绩效';
export const GONGYUAN_REGIONAL_GOAL = '农村公路提档升级专项资金公园街道区域绩效';

/**
 * Arranged (owner): the finance evaluation answered by the evaluated body, with an internal comment, and
 * finalized (002 第二十六条(二)); that workflow itself is tested in test/evaluation.
 */
export async function finalizeFinanceEvaluation(app: TestApp, id: string): Promise<void> {
  await app.sql(
    `UPDATE evaluation SET status = 'RESPONDED', response_decision = 'DISAGREE', response_text = $2,
            responded_at = now(), responded_by_organization_id = evaluator_organization_id WHERE id = $1`,
    [id, INTERNAL_RESPONSE],
  );
  await app.sql(`UPDATE evaluation SET status = 'FINALIZED', finalized_at = now() WHERE id = $1`, [id]);
}

export const INTERNAL_RESPONSE = '内部意见：资金拨付滞后，绩效目标偏低，不同意评价结论';
