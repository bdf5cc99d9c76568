"""Lists every chart openpyxl finds in an .xlsx: its sheet, type and each series' value and category references.

openpyxl reads the chart parts of a workbook it loads (openpyxl.chart.reader); used by
test/evaluation/xlsx-charts.test.ts as a reader of the .xlsx that PIPbook did not write.
Usage: python3 chart-refs.py file.xlsx  → JSON on stdout.
"""
import json
import sys

import openpyxl


def ref(data):
    if data is None:
        return None
    for attr in ("numRef", "strRef"):
        r = getattr(data, attr, None)
        if r is not None and r.f:
            return r.f
    return None


def main(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for chart in getattr(ws, "_charts", []):
            charts = [chart] + list(getattr(chart, "_charts", []) or [])
            for c in charts:
                out.append({
                    "sheet": ws.title,
                    "type": type(c).__name__,
                    "series": [{"values": ref(s.val), "categories": ref(s.cat)} for s in c.series],
                })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
