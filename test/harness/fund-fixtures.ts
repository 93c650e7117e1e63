import type { TestApp } from './app';

/**
 * The `createFund` input of a 2025 special transfer fund of the general public budget, allocated by
 * factor (DOMAIN §4): `amounts` by level (upper and lower default to 0.00); `over` adds or replaces fields.
 */
export const transferFundInput = (
  name: string,
  amounts: { ownLevel: string; upperLevel?: string; lowerLevel?: string },
  over: Record<string, unknown> = {},
) => ({
  name,
  year: 2025,
  budgetBook: 'GENERAL_PUBLIC',
  category: 'SPECIAL_TRANSFER',
  allocationMethod: 'FACTOR',
  amounts: { upperLevel: '0.00', lowerLevel: '0.00', ...amounts },
  ...over,
});

/**
 * Arranges, through the API, a 2025 special transfer fund of the general public budget, allocated by
 * factor (DOMAIN §4), with `ownLevel` at its own level (other fields of `input` replace the defaults),
 * and its allocations to child regions (region global id → amount). Returns the fund's global id; throws
 * when a step is refused: arranging must not fail silently.
 */
export async function arrangeTransferFund(
  app: TestApp,
  input: { name: string; ownLevel: string } & Record<string, unknown>,
  allocations: Record<string, string>,
  as = 'transport.zhangdian',
): Promise<string> {
  const { name, ownLevel, ...rest } = input;
  const fund = await app.gql<{ createFund: { fund: { id: string } | null } }>(
    `mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { code messageEn } } }`,
    { input: transferFundInput(name, { ownLevel }, rest) },
    { as },
  );
  const fundId = fund.data?.createFund.fund?.id;
  if (!fundId) throw new Error(`arranging the fund failed: ${JSON.stringify(fund)}`);
  const alloc = await app.gql<{ setAllocations: { userErrors: unknown[] } }>(
    `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { userErrors { code messageEn } } }`,
    {
      input: {
        fundId,
        expectedVersion: 1,
        allocations: Object.entries(allocations).map(([regionId, amount]) => ({ regionId, amount })),
      },
    },
    { as },
  );
  if (alloc.errors || alloc.data?.setAllocations.userErrors.length) {
    throw new Error(`arranging the allocations failed: ${JSON.stringify(alloc)}`);
  }
  return fundId;
}
