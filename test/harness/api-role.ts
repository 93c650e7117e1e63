import { Client } from 'pg';
import { setTenantSql } from '../../src/db/request-db';

/** The API role's view of one tenant: what a test reads and tries to write through row-level security. */
export interface ApiRoleView {
  client: Client;
  /** Rows of `table` with `tenant_id = tenantId` the API role sees (one tenant per statement, as on Citus). */
  count(table: string, tenantId: string): Promise<number>;
}

/**
 * Runs `work` as the API role (`appUrl`) in one transaction with `tenantId` set as the API sets it
 * (`SET LOCAL`, setTenantSql), then rolls it back and closes the connection on every path.
 */
export async function asApiRole<T>(
  appUrl: string,
  tenantId: string,
  work: (view: ApiRoleView) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(setTenantSql(tenantId));
    const count = async (table: string, t: string) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [t]))
        .rows[0].n;
    const result = await work({ client, count });
    await client.query('ROLLBACK');
    return result;
  } finally {
    await client.end();
  }
}
