/**
 * The composition of the domain modules (STYLE "arrows point inward", issue 10 item 1): `common/` holds
 * the scoping core and the request context but imports no module; each module registers how its
 * entities are scoped (`<module>.scope.ts`) and which loaders it adds to a request (`*.loaders.ts`),
 * and this file — imported by the schema assembly — loads every registration before the first request.
 * A module missing here reads nothing: its scoped reads and loaders fail closed.
 * test/architecture/imports.unit.test.ts checks that every registering file is listed here.
 */
import '../hierarchy/hierarchy.scope';
import '../audit/audit.scope';
import '../policy/policy.scope';
import '../funds/funds.scope';
import '../assessment/assessment.scope';
import '../goals/goals.scope';
import '../monitoring/monitoring.scope';
import '../evaluation/evaluation.scope';
import '../spot-check/spot-check.scope';
import '../service-accounts/service-accounts.scope';
import '../bi-access/bi-access.scope';

import '../hierarchy/hierarchy.loaders';
import '../funds/funds.loaders';
import '../assessment/assessment.loaders';
import '../goals/goals.loaders';
