/**
 * W2 of issue 18: a paginated nested list three levels deep, the fetch frontends and reports do all day —
 * 20 townships of the city (its descendants at TOWNSHIP level, by code) → 10 implementing units each
 * (by name) → their goals of the year (oldest first) with indicators and the self-evaluation's score.
 * One request; `Organization.goals` and `PerformanceGoal.selfEvaluation` exist for it (issue 18).
 * Imported by bench/peers (PostGraphile side) and test/perf: keep the export names stable.
 */
export const W2_QUERY = /* GraphQL */ `
  query W2($cityCode: String!, $year: Int!, $townships: Int!, $units: Int!, $goals: Int!) {
    region(code: $cityCode) {
      id
      code
      name
      descendants(first: $townships, level: [TOWNSHIP]) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          code
          name
          organizations(first: $units, kind: [IMPLEMENTING_UNIT]) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              name
              goals(first: $goals, filter: { year: $year }) {
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  id
                  name
                  status
                  annualAmount
                  indicators {
                    id
                    category
                    name
                    target
                    unit
                    points
                  }
                  selfEvaluation {
                    id
                    status
                    total
                    grade
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export interface W2Variables {
  cityCode: string;
  year: number;
  townships: number;
  units: number;
  goals: number;
}

/** The variables of W2: the synthetic city (code 379900 for seed 42), its workload year 2026, 20 × 10 × 10. */
export function w2Variables(
  cityCode: string,
  overrides: Partial<Omit<W2Variables, 'cityCode'>> = {},
): W2Variables {
  return { cityCode, year: 2026, townships: 20, units: 10, goals: 10, ...overrides };
}

/** The response shape of W2 (`data`). */
export interface W2Data {
  region: {
    id: string;
    code: string;
    name: string;
    descendants: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: {
        id: string;
        code: string;
        name: string;
        organizations: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: {
            id: string;
            name: string;
            goals: {
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              nodes: {
                id: string;
                name: string;
                status: string;
                annualAmount: string | null;
                indicators: {
                  id: string;
                  category: string;
                  name: string;
                  target: string | null;
                  unit: string | null;
                  points: string | null;
                }[];
                selfEvaluation: {
                  id: string;
                  status: string;
                  total: string | null;
                  grade: string | null;
                } | null;
              }[];
            };
          }[];
        };
      }[];
    };
  } | null;
}
