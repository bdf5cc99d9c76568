"""Break a PIP workbook the way people do in Excel, saved by openpyxl. Usage: break-cells.py IN OUT KIND [ARG]
KIND: asof VALUE (the Overview's as-of cell set to VALUE: text, FALSE, #DIV/0!, 2024-02-30)
      formula TABLE COLUMN_HEADER VALUE (the first data row's formula cell of that column replaced by VALUE)
      shrink TABLE (the table's range loses its last row; the row's cells stay)
      dropcolumn TABLE (the table's last column removed from the table; its cells stay)
      below TABLE N (N rows typed right below the table, the table not extended)
      resave (opened and saved with no edit)
Batch: break-cells.py --batch IN, stdin a JSON list of [OUT, KIND, ARG...], prints the JSON list of what each prints."""
import json
import sys
import openpyxl
from openpyxl.utils import range_boundaries, get_column_letter


def table(wb, name):
    for ws in wb.worksheets:
        if name in ws.tables:
            return ws, ws.tables[name]
    raise SystemExit(f"no table {name}")


def value(text):
    if text == "FALSE":
        return False
    try:
        return float(text)
    except ValueError:
        return text


def set_ref(t, ref):
    t.ref = ref
    if t.autoFilter is not None:
        t.autoFilter.ref = ref


def break_cells(src, out, kind, args):
    """Write OUT: SRC broken as KIND says; returns what the single mode prints (the cell, row or column touched)."""
    wb = openpyxl.load_workbook(src)
    printed = None
    if kind == "asof":
        ws, t = table(wb, "PIP_Summary")
        c1, r1, c2, r2 = range_boundaries(t.ref)
        for r in range(r1 + 1, r2 + 1):
            if isinstance(ws.cell(r, c1 + 1).value, str) and "TODAY" in ws.cell(r, c1 + 1).value.upper():
                cell = ws.cell(r, c1 + 1)
                break
        else:
            raise SystemExit("no =TODAY() cell in PIP_Summary")
        cell.value = value(args[0]) if args[0] != "#DIV/0!" else "=1/0"
        printed = cell.coordinate
    elif kind == "formula":
        ws, t = table(wb, args[0])
        c1, r1, c2, r2 = range_boundaries(t.ref)
        headers = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
        col = c1 + headers.index(args[1])
        cell = ws.cell(r1 + 1, col)
        assert isinstance(cell.value, str) and cell.value.startswith("="), cell.value
        cell.value = value(args[2])
        printed = cell.coordinate
    elif kind == "shrink":
        ws, t = table(wb, args[0])
        c1, r1, c2, r2 = range_boundaries(t.ref)
        set_ref(t, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2 - 1}")
        printed = r2
    elif kind == "dropcolumn":
        ws, t = table(wb, args[0])
        c1, r1, c2, r2 = range_boundaries(t.ref)
        set_ref(t, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2 - 1)}{r2}")
        t.tableColumns = t.tableColumns[:-1]
        if t.autoFilter is not None:
            t.autoFilter.filterColumn = [f for f in t.autoFilter.filterColumn if f.colId < c2 - c1]
        printed = get_column_letter(c2)
    elif kind == "below":
        ws, t = table(wb, args[0])
        c1, r1, c2, r2 = range_boundaries(t.ref)
        for i in range(int(args[1])):
            for j in range(c1, c2 + 1):
                src_cell = ws.cell(r2, j)
                v = src_cell.value
                if isinstance(v, str) and v.startswith("="):
                    continue
                ws.cell(r2 + 1 + i, j, v).number_format = src_cell.number_format
        printed = r2 + 1
    elif kind != "resave":
        raise SystemExit(f"unknown kind {kind}")
    wb.save(out)
    return printed


if sys.argv[1] == "--batch":
    # One interpreter for many files: stdin is a JSON list of [OUT, KIND, ARG...]; stdout the JSON list of results.
    jobs = json.load(sys.stdin)
    print(json.dumps([str(break_cells(sys.argv[2], job[0], job[1], job[2:])) for job in jobs]))
else:
    print(break_cells(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
