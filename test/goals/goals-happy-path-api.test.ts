/**
 * A PROJECT goal drafted by the implementing unit, reviewed by its competent department and finance at its
 * region, and issued through GraphQL (DOMAIN §5, §7, §15): each step, the chain, the history and audit rows.
 */
import { uuidOf } from '../harness/ids';
import {
  app,
  ok,
  CREATE,
  SUBMIT,
  APPROVE,
  ISSUE,
  newProject,
  goalInput,
  actions,
  useGoalsApi,
} from './goals-api-fixtures';

useGoalsApi();

describe('happy path: unit drafts → 车站街道建设办公室 approves → finance.chezhan approves (final) → issued', () => {
  test('each step, the chain, the history and the audit trail', async () => {
    const project = await newProject('车站街道2025年道路养护');
    let g = await ok(CREATE, goalInput(project), 'unit.chezhan');
    expect(g).toMatchObject({ status: 'DRAFT', currentStep: 0, rowVersion: 1 });
    expect(g.reviewChain.map((s) => [s.index, s.role, s.final])).toEqual([
      [1, 'SUPERVISING_DEPARTMENT', false],
      [2, 'BUDGET_FINANCE', true],
    ]);
    const drafterActions = await actions(g.id, 'unit.chezhan');
    expect(drafterActions.SUBMIT.allowed).toBe(true);
    expect(drafterActions.EDIT.allowed).toBe(true);
    expect(drafterActions.APPROVE).toMatchObject({ allowed: false, code: 'FORBIDDEN', principle: 'P3' });

    g = await ok(SUBMIT, { id: g.id, expectedVersion: 1 }, 'unit.chezhan');
    expect(g).toMatchObject({ status: 'SUBMITTED', currentStep: 1, rowVersion: 2 });
    expect(g.reviewChain[0].current).toBe(true);
    const reviewerActions = await actions(g.id, 'transport.chezhan');
    expect(reviewerActions.APPROVE.allowed).toBe(true);
    expect(reviewerActions.RETURN).toMatchObject({ allowed: true, requires: 'comment' });
    expect((await actions(g.id, 'finance.chezhan')).APPROVE).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      principle: 'P3',
    });

    g = await ok(APPROVE, { id: g.id, expectedVersion: 2, comment: '同意' }, 'transport.chezhan');
    expect(g).toMatchObject({ status: 'IN_REVIEW', currentStep: 2 });
    g = await ok(APPROVE, { id: g.id, expectedVersion: 3 }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'APPROVED', currentStep: 0 });
    g = await ok(ISSUE, { id: g.id, expectedVersion: 4 }, 'finance.chezhan');
    expect(g).toMatchObject({ status: 'ISSUED', rowVersion: 5 });

    // The chain is read first, then its organizations by id: a correlated jsonb_array_elements subquery
    // joined to a distributed table fails on Citus 13.2 ("invalid attnum"), and npm run test:citus runs this.
    const [row] = await app.sql<{
      status: string;
      annual: string;
      review_chain: { organizationId: string; index: number }[];
      tenant_id: string;
      n: number;
      region_ok: boolean;
    }>(
      `SELECT g.status, g.annual_amount::text AS annual, g.review_chain, g.tenant_id,
              (SELECT count(*)::int FROM goal_indicator i WHERE i.tenant_id = g.tenant_id AND i.goal_id = g.id) AS n,
              g.region_path = p.region_path AS region_ok
         FROM performance_goal g JOIN project p ON p.tenant_id = g.tenant_id AND p.id = g.project_id WHERE g.id = $1`,
      [uuidOf(g.id)],
    );
    const steps = [...row.review_chain].sort((a, b) => a.index - b.index);
    const names = await app.sql<{ id: string; name: string }>(
      'SELECT id, name FROM organization WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [row.tenant_id, steps.map((s) => s.organizationId)],
    );
    const { review_chain: reviewChain, tenant_id: tenantId, ...rest } = row;
    expect(tenantId).toBeTruthy();
    expect(reviewChain).toHaveLength(2);
    expect({ ...rest, chain: steps.map((s) => names.find((o) => o.id === s.organizationId)?.name) }).toEqual({
      status: 'ISSUED',
      annual: '850000.00',
      chain: ['车站街道建设办公室', '车站街道财政所'],
      n: 4,
      region_ok: true,
    });
    const history = await app.sql<{
      action: string;
      from_status: string;
      to_status: string;
      role: string | null;
      actor: string;
      comment: string | null;
    }>(
      `SELECT t.action, t.from_status, t.to_status, t.role, o.name AS actor, t.comment
         FROM goal_transition t JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.actor_organization_id
        WHERE t.goal_id = $1 ORDER BY t.at`,
      [uuidOf(g.id)],
    );
    expect(history).toEqual([
      {
        action: 'SUBMIT',
        from_status: 'DRAFT',
        to_status: 'SUBMITTED',
        role: null,
        actor: '车站街道市政道路养护站',
        comment: null,
      },
      {
        action: 'APPROVE',
        from_status: 'SUBMITTED',
        to_status: 'IN_REVIEW',
        role: 'SUPERVISING_DEPARTMENT',
        actor: '车站街道建设办公室',
        comment: '同意',
      },
      {
        action: 'APPROVE',
        from_status: 'IN_REVIEW',
        to_status: 'APPROVED',
        role: 'BUDGET_FINANCE',
        actor: '车站街道财政所',
        comment: null,
      },
      {
        action: 'ISSUE',
        from_status: 'APPROVED',
        to_status: 'ISSUED',
        role: 'BUDGET_FINANCE',
        actor: '车站街道财政所',
        comment: null,
      },
    ]);
    const audit = await app.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE entity_type = 'PerformanceGoal' AND entity_id = $1 ORDER BY action`,
      [uuidOf(g.id)],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['APPROVE', 'APPROVE', 'CREATE', 'ISSUE', 'SUBMIT']);

    // The history is visible on the goal, and the issued goal offers no edit (P8).
    const res = await app.gql<{
      goal: { transitions: { action: string; actorOrganization: { name: string } | null }[] };
    }>(
      `query($id: ID!) { goal(id: $id) { transitions { action actorOrganization { name } } } }`,
      { id: g.id },
      { as: 'unit.chezhan' },
    );
    expect(res.data!.goal.transitions.map((t) => t.action)).toEqual([
      'SUBMIT',
      'APPROVE',
      'APPROVE',
      'ISSUE',
    ]);
    expect((await actions(g.id, 'unit.chezhan')).EDIT).toMatchObject({
      allowed: false,
      code: 'WORKFLOW_VIOLATION',
    });
  });
});
