/**
 * Late-bound constructors, so that modules that refer to each other (range ↔ table) don't need each other
 * while they load. api-table.ts fills this in.
 */
import type { MemoryRequestContext } from "./proxy";

export const tableApiHook: {
  tableProxyWhere: (ctx: MemoryRequestContext, path: string, find: () => { id: string } | null, orNull: boolean) => unknown;
} = {
  tableProxyWhere: () => {
    throw new Error("api-table.ts is not loaded");
  },
};
