import { at, group } from "../../src/core/indexed";
import { daysInMonth } from "../../src/core/dates";

describe("indexed reads that cannot miss (noUncheckedIndexedAccess)", () => {
  it("at gives the element, also from a typed array", () => {
    expect(at(["a", "b"], 1, "letters")).toBe("b");
    expect(at(Int32Array.of(7, 8), 0, "days")).toBe(7);
  });

  it("at says what was looked for when the index misses", () => {
    expect(() => at(["a"], 3, "sealed row")).toThrow("sealed row: no element 3 (of 1)");
    expect(() => at([], -1, "period")).toThrow(RangeError);
  });

  it("group gives a capture group, and fails loudly for one that did not take part", () => {
    const m = /^(\d+)(x)?$/.exec("12")!;
    expect(group(m, 1)).toBe("12");
    expect(() => group(m, 2)).toThrow(/group 2/);
  });

  it("daysInMonth refuses a month that is not 1 to 12 instead of answering NaN later", () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2024, 12)]).toEqual([29, 28, 31]);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
  });
});
