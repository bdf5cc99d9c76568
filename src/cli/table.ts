/** Plain-text tables for the terminal, aligned by display width (CJK characters take two columns). */
import { at } from "../core/indexed";

function charWidth(codePoint: number): number {
  if (codePoint < 0x1100) return 1;
  if (
    codePoint <= 0x115f ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

export type Align = "left" | "right";

/** Render rows under a header; columns separated by two spaces, a dashed rule under the header. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => {
        const pad = " ".repeat(at(widths, c, "column width") - displayWidth(cell));
        return align[c] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A fraction as a percentage with one decimal ("64.0%"); "—" for empty. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}

/** A number with at most 4 decimals, trailing zeros dropped; "—" for empty. */
export function formatNumber(value: number | null): string {
  if (value === null) return "—";
  return String(Number(value.toFixed(4)));
}
