import type { QueryRunner } from 'typeorm';

/**
 * A tenant table's row-level security as every tenant table has it (DOMAIN §3, §8 P6; test/migrations.test.ts):
 * enabled and forced, the API role limited to the tenant its transaction set, the owner (migrations,
 * maintenance) unrestricted, and the API role granted `privileges`. For migrations written from here on;
 * the earlier ones spell the same statements out and stay as they ran.
 */
export async function secureTenantTable(q: QueryRunner, table: string, privileges: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(
    `CREATE POLICY tenant_isolation ON ${table} TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
  );
  await q.query(`CREATE POLICY owner_maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
  await q.query(`GRANT ${privileges} ON ${table} TO jixiao_app`);
}
