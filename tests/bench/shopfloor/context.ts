import type postgres from 'postgres';
import type { Person } from '../../helpers/people.ts';
import type { StackInfo } from '../../helpers/stack-info.ts';

/** What a shop-floor bench section gets from the driver (tests/bench/shopfloor-bench.ts). */
export interface ShopFloorBenchContext {
  /** The running stack (server, zero-cache, Postgres). */
  stack: StackInfo;
  /** The owner of `orgID`, signed in: REST calls and Zero clients act as them. */
  owner: Person;
  /** A fresh organization for this section alone. */
  orgID: string;
  /** The superuser pool: bulk loads and checks. */
  adminSql: postgres.Sql;
  log: (line: string) => void;
}

/** A section: runs its measurements and answers the JSON figures to store under its name. */
export type ShopFloorBenchSection = (ctx: ShopFloorBenchContext) => Promise<Record<string, unknown>>;
