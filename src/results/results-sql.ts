/**
 * SQL shared by the results queries (DOMAIN §13): which evaluations are complete results, and the order
 * in which a subject's latest result is chosen — the key (FINANCE) evaluation first (003 转移支付 第三十一条
 * names the key evaluation), then DEPARTMENT, SPOT_CHECK, SELF, then the latest completion.
 */

/** A completed evaluation with a result (alias `e`), as finding.service.ts completedAt says. */
export const COMPLETED_RESULT = `e.grade IS NOT NULL
     AND ((e.kind IN ('DEPARTMENT', 'FINANCE') AND e.status IN ('FINALIZED', 'REPORTED', 'ACKNOWLEDGED'))
       OR (e.kind = 'SELF' AND e.status = 'REVIEWED') OR (e.kind = 'SPOT_CHECK' AND e.status = 'SUBMITTED'))`;

/** ORDER BY tail picking a subject's latest result (alias `e`). */
export const RESULT_PRECEDENCE = `CASE e.kind WHEN 'FINANCE' THEN 0 WHEN 'DEPARTMENT' THEN 1 WHEN 'SPOT_CHECK' THEN 2 ELSE 3 END,
         coalesce(e.finalized_at, e.reviewed_at, e.submitted_at) DESC`;
