import { makeStyles, tokens } from "@fluentui/react-components";

export const useFieldStyles = makeStyles({
  field: { minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  unit: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap", fontSize: tokens.fontSizeBase200 },
  withAfter: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});
