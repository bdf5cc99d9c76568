import { makeStyles, tokens } from "@fluentui/react-components";

export const useSheetGridStyles = makeStyles({
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: "12px", fontFamily: "Calibri, 'Segoe UI', 'Microsoft YaHei', sans-serif" },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: "#f3f3f3",
    color: "#242424",
    fontWeight: "normal",
    border: "1px solid #d4d4d4",
    padding: "1px 4px",
    minWidth: "28px",
  },
  rowHead: { position: "sticky", left: 0, backgroundColor: "#f3f3f3", color: "#242424", fontWeight: "normal", border: "1px solid #d4d4d4", padding: "1px 4px", textAlign: "end" },
  cell: {
    border: "1px solid #e1e1e1",
    padding: "1px 4px",
    whiteSpace: "nowrap",
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: "#1f1f1f",
    cursor: "cell",
    height: "18px",
  },
  numeric: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  bold: { fontWeight: "bold" },
  marked: { outline: "2px solid #c50f1f", outlineOffset: "-2px", backgroundColor: "#fde7e9", color: "#1f1f1f" },
  selected: { outline: "3px solid #107c10", outlineOffset: "-3px" },
});
