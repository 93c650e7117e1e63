/*
 * Issue #3: the synthetic city's funds, projects and goals, at a small scale on fresh databases — the same seed
 * gives the same rows, a hierarchy-only run writes no workload, and every allocation set passes the rules.
 */
import { Client } from 'pg';
import { generateSyntheticCity } from '../../seeds';
import { AllocationMethod } from '../../src/funds/fund.enums';
import { validateAllocations } from '../../src/funds/rules/allocation-rules';
import { createTestDatabase } from '../harness/database';
import {
  useSyntheticCity,
  SEED,
  databases,
  clients,
  owner,
  city,
  generate,
  sql,
  digest,
} from './synthetic-goals-fixtures';

useSyntheticCity();

test('the same seed gives the same rows and ids, and the summary counts what was written', async () => {
  const again = await generate();
  expect(again.city).toEqual({
    ...city,
    workload: { ...city.workload!, phaseMs: again.city.workload!.phaseMs },
  });
  const first = await digest(owner, city.tenantId);
  expect(await digest(again.client, again.city.tenantId)).toEqual(first);
  const w = city.workload!;
  expect(first.project.startsWith(`${w.projects}:`)).toBe(true);
  expect(first.performance_goal.startsWith(`${w.goals.total}:`)).toBe(true);
  expect(first.goal_indicator.startsWith(`${w.indicators.total}:`)).toBe(true);
  expect(first.goal_transition.startsWith(`${w.transitions}:`)).toBe(true);
  expect(w.projects).toBe(city.unitCount * 3);
});

test('the hierarchy without the workload is unchanged: a hierarchy-only run writes no workload rows', async () => {
  const db = await createTestDatabase();
  databases.push(db);
  const client = new Client({ connectionString: db.ownerUrl });
  await client.connect();
  clients.push(client);
  const plain = await generateSyntheticCity(client, {
    seed: SEED,
    districts: 2,
    townshipsPerDistrict: 2,
    unitsPerTownship: 4,
    unitsPerDistrict: 2,
  });
  expect(plain.workload).toBeUndefined();
  const { workload: _ignored, ...hierarchy } = city;
  expect(plain).toEqual(hierarchy);
  const hierarchyDigest = `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM (
      SELECT id, parent_id, name, code, path FROM region WHERE tenant_id = $1
      UNION ALL SELECT id, region_id, name, kind, credit_code FROM organization WHERE tenant_id = $1
      UNION ALL SELECT id, organization_id, login, display_name, region_path FROM app_user WHERE tenant_id = $1) x`;
  expect((await client.query(hierarchyDigest, [plain.tenantId])).rows).toEqual(
    (await owner.query(hierarchyDigest, [city.tenantId])).rows,
  );
  expect(
    (await client.query('SELECT count(*)::int AS n FROM project WHERE tenant_id = $1', [plain.tenantId]))
      .rows[0].n,
  ).toBe(0);
});

// DOMAIN §4: allocations go to direct child regions (factor) or projects below (project method), and add up
// within the fund's upper-level + own-level money (DOMAIN §4) — checked with the funds module's own rules.
test('every fund allocation set passes the allocation rules (within ceilings, right targets)', async () => {
  const funds = await sql<{
    id: string;
    method: AllocationMethod;
    region_path: string;
    own: string;
    upper: string;
    upper_fund_id: string | null;
  }>(
    `SELECT id, allocation_method AS method, region_path, own_level_amount::text AS own, upper_level_amount::text AS upper, upper_fund_id FROM fund WHERE tenant_id = $1`,
    [city.tenantId],
  );
  expect(funds.filter((f) => f.method === AllocationMethod.PROJECT).length).toBeGreaterThan(0);
  expect(funds.filter((f) => f.upper_fund_id !== null).length).toBeGreaterThan(0);
  const allocations = await sql<{
    fund_id: string;
    region_path: string;
    project_id: string | null;
    region_id: string | null;
    amount: string;
  }>(
    `SELECT fund_id, region_path, project_id, region_id, amount::text AS amount FROM fund_allocation WHERE tenant_id = $1`,
    [city.tenantId],
  );
  for (const f of funds) {
    const mine = allocations.filter((a) => a.fund_id === f.id);
    expect(mine.length).toBeGreaterThan(0);
    const problems = validateAllocations(
      { method: f.method, regionPath: f.region_path, upperLevel: f.upper, ownLevel: f.own },
      mine.map((a) => ({
        regionPath: a.region_id ? a.region_path : null,
        project: a.project_id ? { id: a.project_id, regionPath: a.region_path } : null,
        amount: a.amount,
      })),
    );
    expect(problems).toEqual([]);
  }
  // The city's factor funds reach every district; district funds reach every township.
  const reached = await sql<{ level: string; n: number }>(
    `SELECT r.level, count(DISTINCT r.id)::int AS n FROM fund_allocation a JOIN region r ON r.tenant_id = a.tenant_id AND r.id = a.region_id WHERE a.tenant_id = $1 GROUP BY r.level ORDER BY r.level`,
    [city.tenantId],
  );
  expect(reached).toEqual([
    { level: 'DISTRICT', n: 2 },
    { level: 'TOWNSHIP', n: 4 },
  ]);
});
