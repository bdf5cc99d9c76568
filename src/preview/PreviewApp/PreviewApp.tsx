/**
 * The preview page: the real task pane (the same components as in Excel) beside the in-memory workbook drawn as
 * plain grids with sheet tabs, finding cells marked, the selection shown, charts drawn, and a cell editor.
 */
import { Button, MessageBar, MessageBarBody, mergeClasses } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Finding } from "../../core/findings";
import { useUi } from "../../taskpane/context";
import { Pane } from "../../taskpane/Root/Root";
import { CellEditor } from "../CellEditor/CellEditor";
import { ChartView } from "../ChartView/ChartView";
import type { GridWorkbook } from "../grid-model";
import { observePort } from "../observed-port";
import { SheetGrid } from "../SheetGrid/SheetGrid";
import { offerDownload } from "../workbook-file";
import type { KeepStatus, PreviewAppProps } from "./PreviewApp.types";
import { usePreviewStyles } from "./PreviewApp.styles";

export function PreviewApp(props: PreviewAppProps): ReactNode {
  const { t, language } = useUi();
  const styles = usePreviewStyles();
  const [grid, setGrid] = useState<GridWorkbook>(() => props.workbook.grid());
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [selection, setSelection] = useState<{ sheet: string; cell: string } | null>(null);
  const [editorCell, setEditorCell] = useState("A1");
  const [findings, setFindings] = useState<Finding[]>([]);
  const [paneKey, setPaneKey] = useState(0);
  const [loading, setLoading] = useState(false);
  const [keepStatus, setKeepStatus] = useState<KeepStatus>(() => props.keeping?.status() ?? "none");
  const [confirmStart, setConfirmStart] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const keeping = props.keeping;

  useEffect(() => keeping?.onStatus(setKeepStatus), [keeping]);
  useEffect(() => {
    keeping?.setLanguage(language);
  }, [keeping, language]);

  useEffect(() => {
    let frame = 0;
    const off = props.workbook.onChange(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setGrid(props.workbook.grid()));
    });
    setGrid(props.workbook.grid());
    return () => {
      cancelAnimationFrame(frame);
      off();
    };
  }, [props.workbook]);

  const select = useCallback((sheet: string, cell: string) => {
    setActiveSheet(sheet);
    setSelection({ sheet, cell });
    setEditorCell(cell);
  }, []);
  const port = useMemo(() => observePort(props.port, { onSelect: select, onHighlight: setFindings }), [props.port, select]);

  const sheetNames = grid.sheets.map((s) => s.name);
  const sheet = grid.sheets.find((s) => s.name === activeSheet) ?? grid.sheets[0] ?? null;
  const marked = useMemo(() => {
    const cells = new Set<string>();
    for (const f of findings) if (sheet && f.location.sheet === sheet.name && f.location.cell) cells.add(f.location.cell.replace(/\$/g, ""));
    return cells;
  }, [findings, sheet]);
  const selectedHere = sheet && selection?.sheet === sheet.name ? selection.cell : null;
  const editorText = sheet ? (sheet.cells[editorCell.trim().toUpperCase()]?.formula ?? sheet.cells[editorCell.trim().toUpperCase()]?.text ?? "") : "";

  const loadExample = async () => {
    setLoading(true);
    try {
      await props.loadExample();
      setPaneKey((k) => k + 1);
    } finally {
      setLoading(false);
    }
  };

  const download = async () => {
    if (!keeping) return;
    setLoading(true);
    setFileProblem(null);
    try {
      offerDownload(await keeping.toXlsx(), t("preview.fileName"));
    } catch (caught) {
      setFileProblem(`${t("preview.downloadFailed")} ${String((caught as Error)?.message ?? caught)}`);
    } finally {
      setLoading(false);
    }
  };
  const open = async (file: File) => {
    if (!keeping) return;
    setLoading(true);
    setFileProblem(null);
    try {
      await keeping.openXlsx(new Uint8Array(await file.arrayBuffer()));
      setActiveSheet(null);
      setPaneKey((k) => k + 1);
    } catch (caught) {
      setFileProblem(`${t("preview.openFailed", { name: file.name })} ${String((caught as Error)?.message ?? caught)}`);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.pane} data-testid="preview-pane">
        <Pane key={`${paneKey}`} mode={{ kind: "preview", port }} initialLanguage={language} asOf={props.asOf} />
      </div>
      <aside className={styles.workbook} aria-labelledby="preview-title" data-testid="preview-workbook">
        <div className={styles.bar}>
          <h2 id="preview-title" className={styles.title}>
            {t("preview.title")}
          </h2>
          <Button onClick={() => void loadExample()} disabled={loading} data-testid="load-example">
            {t("preview.loadExample")}
          </Button>
          {keeping ? (
            <>
              <Button onClick={() => void download()} disabled={loading || grid.sheets.length === 0} data-testid="download-xlsx">
                {t("preview.download")}
              </Button>
              <Button onClick={() => fileInput.current?.click()} disabled={loading} data-testid="open-xlsx">
                {t("preview.open")}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={styles.hiddenInput}
                tabIndex={-1}
                aria-hidden="true"
                data-testid="open-xlsx-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = "";
                  if (file) void open(file);
                }}
              />
              {confirmStart ? (
                <span className={styles.confirm} role="group" aria-label={t("preview.startOverQuestion")}>
                  <span>{t("preview.startOverQuestion")}</span>
                  <Button appearance="primary" data-testid="start-over-confirm" onClick={() => keeping.startOver()}>
                    {t("preview.startOverYes")}
                  </Button>
                  <Button onClick={() => setConfirmStart(false)}>{t("summary.cancel")}</Button>
                </span>
              ) : (
                <Button appearance="subtle" onClick={() => setConfirmStart(true)} data-testid="start-over">
                  {t("preview.startOver")}
                </Button>
              )}
            </>
          ) : null}
        </div>
        <p className={styles.note}>{t("preview.note")}</p>
        {keeping ? (
          <p className={styles.note} role="status" data-testid="keep-status">
            {t(`preview.keep.${keepStatus}`)}
          </p>
        ) : null}
        {fileProblem ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{fileProblem}</MessageBarBody>
          </MessageBar>
        ) : null}
        {sheet ? (
          <>
            {/* Sheet tabs as plain buttons (the current one aria-current): Excel's tab strip is a row of choices, and
                a Fluent TabList's focus mover adds hidden focusable elements that axe rejects. */}
            <nav className={styles.tabs} aria-label={t("preview.sheets")}>
              {sheetNames.map((name) => (
                <Button
                  key={name}
                  size="small"
                  appearance="transparent"
                  aria-current={name === sheet.name ? "true" : undefined}
                  className={mergeClasses(styles.tab, name === sheet.name && styles.tabCurrent)}
                  onClick={() => setActiveSheet(name)}
                  data-testid={`sheet-tab-${name}`}
                >
                  {name}
                </Button>
              ))}
            </nav>
            <SheetGrid
              sheet={sheet}
              marked={marked}
              selected={selectedHere}
              label={`${t("preview.workbook")}: ${sheet.name}`}
              onPick={(cell) => {
                setSelection({ sheet: sheet.name, cell });
                setEditorCell(cell);
              }}
            />
            <CellEditor
              sheets={sheetNames}
              sheet={sheet.name}
              cell={editorCell}
              currentText={editorText}
              onSheetChange={setActiveSheet}
              onCellChange={setEditorCell}
              onEnter={async (sheetName, cell, text, mode) => {
                setSelection({ sheet: sheetName, cell });
                await props.workbook.typeInto(sheetName, cell, text, mode);
              }}
            />
            {sheet.charts.length > 0 ? (
              <section aria-labelledby="charts-heading">
                <h3 id="charts-heading" className={styles.subheading}>
                  {t("preview.charts")}
                </h3>
                <div className={styles.charts}>
                  {sheet.charts.map((chart) => (
                    <ChartView key={chart.name} chart={chart} emptyText={t("preview.chartEmpty")} language={language} />
                  ))}
                </div>
              </section>
            ) : null}
          </>
        ) : (
          <p className={styles.empty}>{t("preview.noSheets")}</p>
        )}
      </aside>
    </div>
  );
}
