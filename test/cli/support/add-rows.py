"""Type rows into a PIP workbook the way a manager does in Excel: below the Tracking log and the Adjustments
tables, each table extended over its new rows (Excel's AutoCorrect "include new rows in table"). Saved by openpyxl,
a writer PIPbook did not write. Usage: add-rows.py IN OUT CHECKINS ADJUSTMENTS [--no-extend]"""
import datetime
import sys

import openpyxl
from openpyxl.utils import range_boundaries, get_column_letter

src, out, checkins, adjustments = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
extend = "--no-extend" not in sys.argv
wb = openpyxl.load_workbook(src)


def table(name):
    for ws in wb.worksheets:
        if name in ws.tables:
            return ws, ws.tables[name]
    raise SystemExit(f"no table {name}")


def append(name, rows):
    ws, t = table(name)
    min_col, min_row, max_col, max_row = range_boundaries(t.ref)
    for i, values in enumerate(rows):
        r = max_row + 1 + i
        for j, v in enumerate(values):
            cell = ws.cell(row=r, column=min_col + j, value=v)
            if isinstance(v, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    if extend:
        t.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row + len(rows)}"
        if t.autoFilter is not None:
            t.autoFilter.ref = t.ref


day = datetime.datetime(2024, 6, 7)
append("PIP_Tracking", [[day + datetime.timedelta(days=7 * (i // 2)), "G1" if i % 2 == 0 else "G2", 4.0 + i / 10 if i % 2 == 0 else 0.03, f"manager check-in {i + 1}", "typed in Excel", "王强"] for i in range(checkins)])
append("PIP_Adjustments", [[datetime.datetime(2024, 6, 3 + i), f"adjustment {i + 1} typed in Excel", "reason", "王强"] for i in range(adjustments)])
wb.save(out)
