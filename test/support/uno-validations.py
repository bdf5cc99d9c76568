#!/usr/bin/python3
"""Read data-validation rules of .xlsx files through LibreOffice's own import (the Python-UNO bridge).

Usage: echo '[{"file": "/abs/a.xlsx", "cells": [["Sheet", "A4"], ...]}]' | /usr/bin/python3 test/support/uno-validations.py
(Debian packages libreoffice-calc and python3-uno; the pyenv python3 on PATH has no uno module.)

Starts a private headless soffice (its own profile, a named pipe), opens each file hidden and read-only, and
prints, per requested cell, the validation LibreOffice applies there: type, operator, both formulas as LibreOffice
shows them, the alert style, whether the alert is shown, whether blanks are allowed, and the alert's title and
message. Exits non-zero with a message when soffice cannot be started.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def enum_name(value):
    return getattr(value, "value", str(value))


def main():
    requests = json.load(sys.stdin)
    profile = tempfile.mkdtemp(prefix="pipbook-uno-")
    pipe = "pipbook_uno_%d" % os.getpid()
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if proc.poll() is not None:
                    break
                time.sleep(0.25)
        if ctx is None:
            sys.stderr.write("could not connect to soffice (apt-get install -y libreoffice-calc python3-uno)\n")
            sys.exit(2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        out = []
        for request in requests:
            url = uno.systemPathToFileUrl(os.path.abspath(request["file"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            try:
                sheets = doc.Sheets
                # Each attribute read is a call over the pipe to soffice: a sheet is looked up once per file.
                by_name = {}
                cells = []
                for sheet_name, address in request["cells"]:
                    if sheet_name not in by_name:
                        by_name[sheet_name] = sheets.getByName(sheet_name)
                    v = by_name[sheet_name].getCellRangeByName(address).Validation
                    cells.append({
                        "sheet": sheet_name,
                        "cell": address,
                        "type": enum_name(v.Type),
                        "operator": enum_name(v.getOperator()),
                        "formula1": v.getFormula1(),
                        "formula2": v.getFormula2(),
                        "errorAlertStyle": enum_name(v.ErrorAlertStyle),
                        "showErrorMessage": bool(v.ShowErrorMessage),
                        "ignoreBlankCells": bool(v.IgnoreBlankCells),
                        "errorTitle": v.ErrorTitle,
                        "errorMessage": v.ErrorMessage,
                    })
                out.append({"file": request["file"], "cells": cells})
            finally:
                doc.close(True)
        json.dump(out, sys.stdout, ensure_ascii=False)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
