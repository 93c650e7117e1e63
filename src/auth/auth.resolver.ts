import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { login } from './auth.service';
import { LoginInput, LoginPayload } from './dto/auth.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: '登录 — sign in; returns a bearer token that expires' })
  login(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LoginInput, { description: '输入 — the mutation input' }) input: LoginInput,
  ): Promise<LoginPayload> {
    return login(ctx, input);
  }
}
