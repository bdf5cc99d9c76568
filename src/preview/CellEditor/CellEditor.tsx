/**
 * Type into a cell as a manager would in Excel: pick the sheet, give the address (or click a cell), type a value,
 * Enter. The in-memory Excel coerces the text as Excel does and raises the table change events.
 */
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useUi } from "../../taskpane/context";
import { parseCellAddress } from "../grid-model";

export interface CellEditorProps {
  sheets: string[];
  sheet: string;
  cell: string;
  /** The selected cell's current text, shown to edit. */
  currentText: string;
  onSheetChange: (sheet: string) => void;
  onCellChange: (cell: string) => void;
  /** Rejects with the data-validation message when Excel would refuse a typed value. */
  onEnter: (sheet: string, cell: string, text: string, mode: "type" | "paste") => Promise<void>;
}

const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  cell: { width: "90px" },
  value: { minWidth: "160px", flexGrow: 1 },
  sheet: { minWidth: "140px" },
});

export function CellEditor(props: CellEditorProps): ReactNode {
  const { t } = useUi();
  const styles = useStyles();
  const [text, setText] = useState(props.currentText);
  const [problem, setProblem] = useState(false);
  const [paste, setPaste] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setText(props.currentText), [props.currentText, props.sheet, props.cell]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parseCellAddress(props.cell)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setRefusal(null);
    try {
      await props.onEnter(props.sheet, props.cell.trim().toUpperCase(), text, paste ? "paste" : "type");
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t("preview.edit")} data-testid="cell-editor">
      <Field label={t("preview.sheets")} className={styles.sheet}>
        <Select value={props.sheet} onChange={(_, d) => props.onSheetChange(d.value)} data-testid="editor-sheet">
          {props.sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("preview.cell")} className={styles.cell} validationState={problem ? "error" : "none"} validationMessage={problem ? t("preview.badCell") : undefined}>
        <Input value={props.cell} onChange={(_, d) => props.onCellChange(d.value)} data-testid="editor-cell" />
      </Field>
      <Field
        label={t("preview.value")}
        className={styles.value}
        validationState={refusal ? "error" : "none"}
        validationMessage={refusal ? t("preview.refused", { message: refusal }) : undefined}
      >
        <Input value={text} onChange={(_, d) => setText(d.value)} data-testid="editor-value" />
      </Field>
      <Checkbox label={t("preview.paste")} checked={paste} onChange={(_, d) => setPaste(d.checked === true)} data-testid="editor-paste" />
      <Button type="submit" appearance="primary" data-testid="editor-enter">
        {t("preview.enter")}
      </Button>
    </form>
  );
}
