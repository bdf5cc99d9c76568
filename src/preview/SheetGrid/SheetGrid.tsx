/** One sheet as a plain grid: column letters, row numbers, displayed values; finding cells and the selection marked. */
import { mergeClasses } from "@fluentui/react-components";
import { useEffect, useRef, type CSSProperties, type ReactNode } from "react";
import { columnLetters } from "../grid-model";
import type { SheetGridProps } from "./SheetGrid.types";
import { useSheetGridStyles } from "./SheetGrid.styles";

/** Dark fills get white text, so a header row stays readable (and passes the contrast check). */
export function textColourOn(fill: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(fill);
  if (!m) return "#1f1f1f";
  const n = Number.parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance < 0.25 ? "#ffffff" : "#1f1f1f";
}

export function SheetGrid({ sheet, marked, selected, onPick, label }: SheetGridProps): ReactNode {
  const styles = useSheetGridStyles();
  const scroller = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!selected) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selected, sheet.name]);
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const columns = Array.from({ length: sheet.columnCount }, (_, c) => c)
    .filter((c) => !hidden.has(c))
    .map((c) => columnLetters(c));
  return (
    <div ref={scroller} className={styles.scroller} role="region" aria-label={label} tabIndex={0} data-testid="sheet-grid" data-sheet={sheet.name}>
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
          {Array.from({ length: sheet.rowCount }, (_, r) => (
            <tr key={r}>
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
        </tbody>
      </table>
    </div>
  );
}
