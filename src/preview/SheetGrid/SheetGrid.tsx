/**
 * One sheet as a plain grid: column letters, row numbers, displayed values; finding cells and the selection marked.
 * Only the rows in view (and ROW_OVERSCAN either side) are drawn, with one spacer row above and below standing in
 * for the others (issue 16: a 1,000-row Tracking log is not 1,000 rows of DOM at first paint).
 */
import { mergeClasses } from "@fluentui/react-components";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { columnLetters } from "../grid-model";
import type { SheetGridProps } from "./SheetGrid.types";
import { useSheetGridStyles } from "./SheetGrid.styles";

/** Dark fills get white text, so a header row stays readable (and passes the contrast check). */
export function textColourOn(fill: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(fill)?.[1];
  if (!hex) return "#1f1f1f";
  const n = Number.parseInt(hex, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance < 0.25 ? "#ffffff" : "#1f1f1f";
}

/** Rows drawn beyond the visible ones, above and below; and the row height assumed until one is measured. */
export const ROW_OVERSCAN = 30;
const DEFAULT_ROW_PX = 21;
/** Rows drawn before the scroller has a height (60vh of a tall window is about 50 rows). */
const FIRST_ROWS = 60;

/** The rows [start, end) to draw for a scroll position: those in view and ROW_OVERSCAN either side. */
export function rowWindow(rowCount: number, scrollTop: number, viewportPx: number, rowPx: number): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowPx);
  const inView = viewportPx > 0 ? Math.ceil(viewportPx / rowPx) : FIRST_ROWS;
  const start = Math.max(0, Math.min(first - ROW_OVERSCAN, rowCount - inView - ROW_OVERSCAN));
  return { start, end: Math.min(rowCount, first + inView + ROW_OVERSCAN) };
}

export function SheetGrid({ sheet, marked, selected, onPick, label }: SheetGridProps): ReactNode {
  const styles = useSheetGridStyles();
  const scroller = useRef<HTMLDivElement | null>(null);
  const rowPx = useRef(DEFAULT_ROW_PX);
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>("tbody tr[data-row]");
    if (row && row.offsetHeight > 0) rowPx.current = row.offsetHeight;
    setView((v) => (v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight }));
  }, []);
  useLayoutEffect(measure, [measure, sheet.name]);
  useEffect(() => {
    if (!selected) return;
    const el = scroller.current;
    const found = el?.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    if (found) {
      found.scrollIntoView?.({ block: "nearest", inline: "nearest" });
      return;
    }
    // A selected row outside the drawn window: scroll to it, the window follows, and this effect runs again.
    const row = Number(/\d+$/.exec(selected)?.[0] ?? 0);
    if (el && row > 0 && row <= sheet.rowCount) {
      const scrollTop = Math.max(0, (row - 1) * rowPx.current - el.clientHeight / 2);
      el.scrollTop = scrollTop;
      const height = el.clientHeight;
      setView((v) => (v.scrollTop === scrollTop && v.height === height ? v : { scrollTop, height }));
    }
  }, [selected, sheet.name, sheet.rowCount, view]);
  const { start, end } = rowWindow(sheet.rowCount, view.scrollTop, view.height, rowPx.current);
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const columns = Array.from({ length: sheet.columnCount }, (_, c) => c)
    .filter((c) => !hidden.has(c))
    .map((c) => columnLetters(c));
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid="sheet-grid"
      data-sheet={sheet.name}
      data-rows-drawn={`${start + 1}-${end}`}
      onScroll={measure}
    >
      <table className={styles.table}>
        <thead>
          <tr>
            <td className={styles.head} />
            {columns.map((letters) => (
              <th key={letters} scope="col" className={styles.head}>
                {letters}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 ? <tr aria-hidden="true" style={{ height: `${start * rowPx.current}px` }} /> : null}
          {Array.from({ length: end - start }, (_, i) => start + i).map((r) => (
            <tr key={r} data-row={r + 1}>
              <th scope="row" className={styles.rowHead}>
                {r + 1}
              </th>
              {columns.map((letters) => {
                const address = `${letters}${r + 1}`;
                const cell = sheet.cells[address];
                const isMarked = marked.has(address);
                const isSelected = selected === address;
                const style: CSSProperties | undefined =
                  cell?.fill && !isMarked ? { backgroundColor: cell.fill, color: textColourOn(cell.fill) } : undefined;
                return (
                  <td
                    key={address}
                    data-cell={address}
                    data-finding={isMarked ? "true" : undefined}
                    data-selected={isSelected ? "true" : undefined}
                    aria-current={isSelected ? "true" : undefined}
                    title={cell?.formula}
                    className={mergeClasses(
                      styles.cell,
                      cell?.numeric && styles.numeric,
                      cell?.bold && styles.bold,
                      isMarked && styles.marked,
                      isSelected && styles.selected,
                    )}
                    style={style}
                    onClick={() => onPick(address)}
                  >
                    {cell?.text ?? ""}
                  </td>
                );
              })}
            </tr>
          ))}
          {end < sheet.rowCount ? <tr aria-hidden="true" style={{ height: `${(sheet.rowCount - end) * rowPx.current}px` }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
