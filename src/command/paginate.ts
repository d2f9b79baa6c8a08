import type { CommandCall, Paging } from "../reply/reply.ts";
import { UsageError } from "./usage-error.ts";

/** Items a page holds: about what fits one Discord embed or Slack message comfortably. */
export const PAGE_SIZE = 8;

/** The `page` option every paged command declares; by name only, so bare words never fill it. */
export const PAGE_OPTION = {
  name: "page",
  description: "Which page of results",
  type: "integer",
  min: 1,
  max: 1000,
  positional: false,
  // Page 1 exists for every list, so an example built from it always runs.
  example: "1",
} as const;

export interface Page<T> {
  slice: T[];
  page: number;
  pages: number;
  total: number;
}

/**
 * One page of a list; asking past the last page is a usage error that says how many there are.
 * `size` is for lists of one-line entries, which fit more to a page than events do.
 */
export function paginate<T>(
  list: readonly T[],
  page = 1,
  example = "page:1",
  size = PAGE_SIZE,
): Page<T> {
  const { start, pages } = pageOf(list.length, page, example, size);
  return { slice: list.slice(start, start + size), page, pages, total: list.length };
}

/**
 * Where page `page` of `total` items starts, for a list only the page of which is ever made;
 * asking past the last page is a usage error that says how many there are.
 */
export function pageOf(
  total: number,
  page = 1,
  example = "page:1",
  size = PAGE_SIZE,
): { start: number; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  if (!Number.isInteger(page) || page < 1) {
    throw new UsageError(`Pages are counted from 1; ${page} is not a page.`, example);
  }
  if (page > pages) {
    throw new UsageError(
      `There ${pages === 1 ? "is only 1 page" : `are only ${pages} pages`}, not ${page}.`,
      example,
    );
  }
  return { start: (page - 1) * size, page, pages, total };
}

/** A page as a reply carries it, with the call that replays it at any other page. */
export function pagingOf(
  shown: { page: number; pages: number; total: number },
  call: CommandCall,
): Paging {
  return { page: shown.page, pages: shown.pages, total: shown.total, call };
}
