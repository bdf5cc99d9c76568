#!/usr/bin/python3
"""Dump what openpyxl (a reader PIPbook did not write) reads from .xlsx files, as JSON on stdout.

Usage: /usr/bin/python3 test/support/openpyxl-dump.py a.xlsx [b.xlsx ...]
(Debian's python3-openpyxl; the pyenv python3 on PATH does not have it.)

Per file, per sheet: every data-validation rule (type, operator, formula1, formula2, sqref, errorStyle,
showErrorMessage, allowBlank, errorTitle, error, prompt), every conditional-format rule (sqref, type, formulas,
priority), every table (name, ref, column names), and every non-empty cell (value, number format, data type).
Dates are given as Excel serials (1900 date system), so the test compares numbers, not Python datetimes.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import to_excel


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return to_excel(value)
    if isinstance(value, datetime.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def dump(path):
    # keep_links and the default data_only=False: formulas stay formulas (PIPbook writes no cached values)
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        validations = []
        for dv in ws.data_validations.dataValidation:
            validations.append({
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "sqref": str(dv.sqref),
                "errorStyle": dv.errorStyle,
                "showErrorMessage": bool(dv.showErrorMessage),
                "allowBlank": bool(dv.allowBlank),
                "errorTitle": dv.errorTitle,
                "error": dv.error,
                "promptTitle": dv.promptTitle,
                "prompt": dv.prompt,
            })
        conditional = []
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                conditional.append({
                    "sqref": str(cf.sqref),
                    "type": rule.type,
                    "operator": rule.operator,
                    "formula": list(rule.formula or []),
                    "priority": rule.priority,
                    "fill": (rule.dxf.fill.bgColor.rgb if rule.dxf is not None and rule.dxf.fill is not None and rule.dxf.fill.bgColor is not None else None),
                })
        tables = []
        for table in ws.tables.values():
            tables.append({"name": table.name, "ref": table.ref, "columns": [c.name for c in table.tableColumns]})
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and cell.number_format == "General":
                    continue
                cells[cell.coordinate] = {"v": plain(cell.value), "fmt": cell.number_format, "t": cell.data_type}
        sheets[ws.title] = {"validations": validations, "conditional": conditional, "tables": tables, "cells": cells}
    return {"file": path, "sheets": sheets}


if __name__ == "__main__":
    json.dump([dump(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False)
