import { describe, expect, it } from "vitest";
import { PAGE_SIZE, paginate } from "../../src/command/paginate.ts";
import { UsageError } from "../../src/command/usage-error.ts";

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("holds eight items a page", () => {
    expect(PAGE_SIZE).toBe(8);
    expect(paginate(numbers(20)).slice).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("counts the pages, the last one holding what is left", () => {
    const last = paginate(numbers(17), 3);
    expect(last).toEqual({ slice: [17], page: 3, pages: 3, total: 17 });
    expect(paginate(numbers(16), 2)).toMatchObject({ slice: numbers(16).slice(8), pages: 2 });
  });

  it("starts at page 1 when none is asked for", () => {
    expect(paginate(numbers(9))).toMatchObject({ page: 1, pages: 2, total: 9 });
  });

  it("gives an empty list one empty page", () => {
    expect(paginate([])).toEqual({ slice: [], page: 1, pages: 1, total: 0 });
  });

  it("refuses a page past the end, saying how many pages there are", () => {
    expect(() => paginate(numbers(17), 4)).toThrow(UsageError);
    expect(() => paginate(numbers(17), 4)).toThrow("There are only 3 pages, not 4.");
    expect(() => paginate(numbers(5), 2)).toThrow("There is only 1 page, not 2.");
  });

  it("gives the refusal an example that works", () => {
    try {
      paginate(numbers(5), 2, "/timeline page:1");
      expect.unreachable("page 2 of 1 should be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).example).toBe("/timeline page:1");
    }
  });

  it("refuses page 0 and negative pages rather than showing an empty page", () => {
    expect(() => paginate([1, 2, 3], 0)).toThrow("Pages are counted from 1; 0 is not a page.");
    expect(() => paginate([1, 2, 3], -2)).toThrow(UsageError);
  });

  it("does not change the list it pages", () => {
    const list = numbers(10);
    paginate(list, 2);
    expect(list).toEqual(numbers(10));
  });
});
