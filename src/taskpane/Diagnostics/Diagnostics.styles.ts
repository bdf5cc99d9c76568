import { makeStyles, tokens } from "@fluentui/react-components";

export const useDiagnosticsStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  checks: { margin: 0, paddingLeft: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200 },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, minHeight: "10em" },
  status: { margin: 0, fontSize: tokens.fontSizeBase200 },
});
