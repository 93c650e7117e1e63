import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import { Node } from '../../common/node';
import { UserError } from '../../common/user-error';
import type { ReportingLoginEntity } from '../reporting-login.entity';

@ObjectType('ReportingLogin', {
  implements: Node,
  description:
    '报表只读登录 — a read-only PostgreSQL login for a BI tool (Metabase, Superset, Excel): reads only the views of schema `reporting`, confined to the tenant or one region’s subtree (DOMAIN §16); the password is shown once when issued and never stored',
})
export class ReportingLoginType extends Node {
  @Field({ description: '登录名 — the database user name to enter in the BI tool' })
  roleName!: string;

  @Field(() => Int, { description: '连接数上限 — most simultaneous connections the login may open' })
  connectionLimit!: number;

  @Field({ description: '是否有效 — false once revoked: the login can no longer connect or read' })
  isActive!: boolean;

  @Field(() => DateTime, { description: '签发时间 — issued at' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: '吊销时间 — revoked at; null while active' })
  revokedAt!: Date | null;
}

export const ReportingLoginConnection = connectionType(ReportingLoginType, 'ReportingLogin', '报表只读登录');

@ObjectType({
  description:
    '数据库连接参数 — what to enter in the BI tool besides host and port (the operator knows those): database, user, schema',
})
export class ReportingConnectionInfo {
  @Field({ description: '数据库 — database name' })
  database!: string;

  @Field({ description: '用户名 — the login' })
  user!: string;

  @Field({ description: '模式 — the schema holding the views: always `reporting`' })
  schema!: string;
}

@ObjectType({
  description:
    '签发报表登录结果 — what createReportingLogin returns: the login and its password, shown this once, or userErrors',
})
export class CreateReportingLoginPayload {
  @Field(() => ReportingLoginType, {
    nullable: true,
    description: '报表只读登录 — as issued; null when refused',
  })
  reportingLogin?: ReportingLoginEntity | null;

  @Field(() => String, {
    nullable: true,
    description:
      '密码 — the login’s password, shown only in this answer: store it now; PostgreSQL keeps only its SCRAM-SHA-256 verifier',
  })
  password?: string | null;

  @Field(() => ReportingConnectionInfo, {
    nullable: true,
    description: '连接参数 — database, user and schema',
  })
  connection?: ReportingConnectionInfo | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({
  description: '吊销报表登录结果 — what revokeReportingLogin returns: the login as revoked, or userErrors',
})
export class RevokeReportingLoginPayload {
  @Field(() => ReportingLoginType, {
    nullable: true,
    description: '报表只读登录 — as revoked (its database role dropped); null when refused',
  })
  reportingLogin?: ReportingLoginEntity | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
