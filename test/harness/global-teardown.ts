import { rmSync } from 'node:fs';
import { Client } from 'pg';

/** Drops the template and any test databases of this run, then stops the embedded server and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.JIXIAO_TEST_ADMIN_URL;
  const template = process.env.JIXIAO_TEST_TEMPLATE;
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const suffix = template.replace('jx_tpl_', '');
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `jx_t_${suffix}_%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  }
  const { __jixiaoEmbedded: embedded, __jixiaoEmbeddedDirs: dirs = [] } = globalThis as {
    __jixiaoEmbedded?: { stop: () => Promise<void> };
    __jixiaoEmbeddedDirs?: string[];
  };
  if (embedded) await embedded.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
