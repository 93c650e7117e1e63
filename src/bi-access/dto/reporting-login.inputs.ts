import { Field, ID, InputType, Int } from 'type-graphql';
import { DEFAULT_CONNECTIONS, MAX_CONNECTIONS, MIN_CONNECTIONS } from '../rules/login-name';

@InputType({ description: '签发报表登录参数 — the input of createReportingLogin' })
export class CreateReportingLoginInput {
  @Field(() => ID, {
    nullable: true,
    description:
      '行政区划 — confine the login to this region’s subtree (of your jurisdiction, P6); default: your own region (the whole tenant for the city’s administrators)',
  })
  regionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '登录名 — optional name: the login becomes `bi_<name>` (lower-case letters, digits, _; ≤ 40); default `bi_<region code>_<random>`',
  })
  name?: string | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_CONNECTIONS,
    description: `连接数上限 — most simultaneous connections: ${MIN_CONNECTIONS}–${MAX_CONNECTIONS}, default ${DEFAULT_CONNECTIONS}`,
  })
  connectionLimit!: number;
}

@InputType({ description: '吊销报表登录参数 — the input of revokeReportingLogin' })
export class RevokeReportingLoginInput {
  @Field(() => ID, { description: '报表只读登录 — the login to revoke (its global id)' })
  reportingLoginId!: string;
}

@InputType({ description: '报表登录筛选 — filters on reporting logins' })
export class ReportingLoginFilter {
  @Field({ nullable: true, description: '是否有效 — only active (true) or only revoked (false) logins' })
  isActive?: boolean;
}
