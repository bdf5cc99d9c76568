import { makeStyles, tokens } from "@fluentui/react-components";

export const usePreviewStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  pane: {
    width: "340px",
    flexShrink: 0,
    maxHeight: "calc(100vh - 24px)",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
  workbook: { flexGrow: 1, flexBasis: "480px", minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tabs: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  tab: { minWidth: 0, borderRadius: 0, borderBottom: `${tokens.strokeWidthThicker} solid transparent` },
  tabCurrent: { borderBottomColor: tokens.colorBrandStroke1, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground1 },
  charts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))", gap: tokens.spacingHorizontalM },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  empty: { margin: 0 },
});
