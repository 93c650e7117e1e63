import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { OrganizationResolver } from '../hierarchy/organization.resolver';
import { RegionResolver } from '../hierarchy/region.resolver';
import { UserResolver } from '../hierarchy/user.resolver';
import { NodeResolver } from './node.resolver';
import { withPermissions } from './permissions';

export const resolvers = [AuthResolver, NodeResolver, RegionResolver, OrganizationResolver, UserResolver] as const;

/** The schema as type-graphql builds it, before permissions (emitted to schema/schema.graphql). */
export function buildBareSchema(): GraphQLSchema {
  return buildSchemaSync({ resolvers: [...resolvers], validate: false });
}

/** The executable schema: built, then guarded by the shield (DOMAIN §8). */
export function buildSchema(): GraphQLSchema {
  return withPermissions(buildBareSchema());
}

/** The committed SDL: sorted, so diffs show only real changes. */
export function schemaSdl(schema: GraphQLSchema = buildBareSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
