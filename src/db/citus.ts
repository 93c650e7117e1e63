import { Client } from 'pg';
import { withDatabase } from './bootstrap';

/**
 * Databases on a Citus cluster (issue 17). Citus keeps its metadata per database and does not create a
 * database on the workers: a database the project uses must exist on the coordinator and on every
 * worker, each with `CREATE EXTENSION citus`, and the coordinator's copy must know its workers.
 */

/** A node of the cluster: its URL on the `postgres` maintenance database. */
export interface CitusNode {
  url: string;
  coordinator: boolean;
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The nodes of the cluster, as the coordinator's database at `adminUrl` knows them (coordinator first). */
export async function citusNodes(adminUrl: string): Promise<CitusNode[]> {
  const rows = await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ nodename: string; nodeport: number; groupid: number }>(
      `SELECT nodename, nodeport, groupid FROM pg_dist_node WHERE noderole = 'primary' ORDER BY groupid`,
    );
    return rows;
  });
  const admin = new URL(adminUrl);
  return rows.map((r) => {
    const u = new URL(admin.toString());
    u.hostname = r.nodename;
    u.port = String(r.nodeport);
    return { url: u.toString(), coordinator: r.groupid === 0 };
  });
}

/**
 * Creates `name` on every node with the extension, and registers the workers in its coordinator copy.
 * With `template`, each node's copy is cloned from that node's copy of the template instead (shards and
 * metadata included: a whole distributed database in seconds); sessions still on the template (Citus's
 * maintenance daemon and cached connections) are ended first, as CREATE DATABASE … TEMPLATE requires.
 */
export async function createCitusDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const nodes = await citusNodes(adminUrl);
  for (const node of nodes) {
    await withClient(node.url, async (c) => {
      await c.query(`SET client_min_messages = warning`);
      if (!template) {
        await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
        return;
      }
      for (let attempt = 0; ; attempt++) {
        await c.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [template],
        );
        try {
          await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
          await copyDatabaseSettings(c, template, name);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error; // in use
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
  }
  if (template) return;
  for (const node of nodes) {
    await withClient(withDatabase(node.url, name), (c) => c.query(`CREATE EXTENSION IF NOT EXISTS citus`));
  }
  const coordinator = nodes.find((n) => n.coordinator)!;
  await withClient(withDatabase(coordinator.url, name), async (c) => {
    const u = new URL(coordinator.url);
    await c.query(`SELECT citus_set_coordinator_host($1, $2)`, [u.hostname, Number(u.port || 5432)]);
    for (const node of nodes.filter((n) => !n.coordinator)) {
      const w = new URL(node.url);
      await c.query(`SELECT citus_add_node($1, $2)`, [w.hostname, Number(w.port || 5432)]);
    }
  });
}

/**
 * A clone does not inherit the template's `ALTER DATABASE … SET` settings (they are kept by database
 * oid): the Citus settings of `distribute` are copied to it.
 */
async function copyDatabaseSettings(c: Client, from: string, to: string): Promise<void> {
  const { rows } = await c.query<{ setting: string }>(
    `SELECT unnest(s.setconfig) AS setting FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
      WHERE d.datname = $1 AND s.setrole = 0`,
    [from],
  );
  for (const { setting } of rows) {
    const [key, ...value] = setting.split('=');
    await c.query(`ALTER DATABASE ${quoteIdent(to)} SET ${key} = '${value.join('=').replace(/'/g, "''")}'`);
  }
}

/** Drops `name` on every node (the coordinator's copy first). */
export async function dropCitusDatabase(adminUrl: string, name: string): Promise<void> {
  for (const node of await citusNodes(adminUrl)) {
    await withClient(node.url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  }
}

/** Whether the server at `url` runs Citus (the extension exists in that database). */
export async function isCitus(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
    return rows.length > 0;
  });
}
