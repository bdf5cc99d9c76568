import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: "300px",
    maxWidth: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    rowGap: tokens.spacingVerticalS,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  nav: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  navItem: {
    minWidth: 0,
    borderRadius: 0,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  navCurrent: { borderBottomColor: tokens.colorBrandStroke1, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  status: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  busy: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  main: { minWidth: 0 },
  feedback: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  /** The size of the small subtle language Button (min-width 64px, 24px high) while its chunk loads. */
  switchPlaceholder: { display: "inline-block", minWidth: "64px", height: "24px" },
  tabsPlaceholder: { height: "32px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
});
