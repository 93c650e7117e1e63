/**
 * Shared by the pure assessment rule tests (DOMAIN §6; 002 第六条, 第十一条): every problem is readable in
 * both languages, and finance at the subject's level (区县 /c/d/).
 */
import { OrganizationKind } from '../../src/hierarchy/hierarchy.enums';
import type { Problem } from '../../src/assessment/rules/assessment-rules';

export function expectReadable(problems: Problem[]): void {
  for (const p of problems) {
    expect(p.message.zh.trim()).not.toBe('');
    expect(p.message.en.trim()).not.toBe('');
  }
}

export const FINANCE_HERE = { kind: OrganizationKind.FINANCE_BUREAU, regionPath: '/c/d/' };
