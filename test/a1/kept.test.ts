import { kept } from "../../src/a1";

describe("kept: the bounded memo of the hot paths", () => {
  test("makes a value once per key and gives it back after; null is a value kept like any other", () => {
    const map = new Map<string, number | null>();
    let made = 0;
    const make = (v: number | null) => () => (made++, v);
    expect([kept(map, "a", 10, make(1)), kept(map, "a", 10, make(2)), kept(map, "n", 10, make(null)), kept(map, "n", 10, make(3))]).toEqual([1, 1, null, null]);
    expect(made).toBe(2);
  });

  test("holds at most `limit` entries: the map is emptied when full, then the new key is kept", () => {
    const map = new Map<number, number>();
    for (let i = 0; i < 5; i++) kept(map, i, 3, () => i * 10);
    expect([...map.entries()]).toEqual([
      [3, 30],
      [4, 40],
    ]);
  });
});
