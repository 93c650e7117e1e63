import { InputType, ObjectType, type ClassType } from 'type-graphql';

/**
 * Issue 11 item 7, STYLE principle 9: every mutation takes one `input` of its own input type and returns
 * its own payload type, so a client can add a field to one mutation without changing another, and codegen
 * names match the operation. Mutations that shared a type get a named subclass of it: same fields, same
 * runtime shape (services keep taking the base class), a type of their own in the schema.
 */
function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `approveGoal` → `ApproveGoalPayload`, with the fields of `base`. */
export function ownPayload<T extends object>(base: ClassType<T>, mutation: string, zh: string): ClassType<T> {
  const name = `${upperFirst(mutation)}Payload`;
  @ObjectType(name, {
    description: `${zh}结果 — what ${mutation} returns: the object after the change, or userErrors`,
  })
  class OwnPayload extends (base as ClassType<object>) {}
  Object.defineProperty(OwnPayload, 'name', { value: name });
  return OwnPayload as ClassType<T>;
}

/** `approveGoal` → `ApproveGoalInput`, with the fields of `base`. */
export function ownInput<T extends object>(base: ClassType<T>, mutation: string, zh: string): ClassType<T> {
  const name = `${upperFirst(mutation)}Input`;
  @InputType(name, { description: `${zh}参数 — the input of ${mutation}` })
  class OwnInput extends (base as ClassType<object>) {}
  Object.defineProperty(OwnInput, 'name', { value: name });
  return OwnInput as ClassType<T>;
}
