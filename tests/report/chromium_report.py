#!/usr/bin/python3
"""The annual bulletin's page in a real browser (issue 12 §3): headless Chromium
renders the HTML of `cadre report annual` on the synthetic province to PNG and
to A4 PDF.

Checks: the PNG is a real, non-blank image of the window's size; the PDF has
pages (counted from its /Type /Page objects); no console error (Chromium's log
on stderr: "Uncaught", any "CONSOLE" message, a refused or failed load);
and, in the DOM Chromium built, every <svg> chart has a <title> and a <table>
whose data-chart names it, with as many rows as the chart draws bars.

Usage: chromium_report.py CADRE WORKDIR [--screenshot-to FILE]
Exits 77 (ctest SKIP_RETURN_CODE) with a message when no Chromium is installed
(scripts/setup-debian.sh installs it). Standard library only.
"""

from __future__ import annotations

import argparse
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

SKIP = 77
WINDOW = (1280, 2200)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                          check=False)


def chromium(browser: str, profile: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
           "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}",
           "--enable-logging=stderr", "--v=0", *args, page.as_uri()]
    result = run(cmd, timeout=45)
    return result


def console_errors(log: str) -> list[str]:
    """The console messages in Chromium's log. The page has no script, so any
    console message at all (an error, a refused or failed load) is a fault:
    Chromium 156 logs console.error() as "INFO:CONSOLE" like any other."""
    bad = []
    for line in log.splitlines():
        if ("Uncaught" in line or ":CONSOLE" in line or re.search(r"CONSOLE\(\d+\)", line)
                or "Refused to" in line or "net::ERR_" in line):
            bad.append(line)
    return bad


def check_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == WINDOW, f"the screenshot is {width}x{height}, not {WINDOW}"
    assert len(data) > 20_000, f"the screenshot is {len(data)} bytes: blank?"
    # Non-trivial: the pixels are not all one colour.
    idat = b""
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    pixels = zlib.decompress(idat)
    distinct = len(set(pixels[::7]))
    assert distinct > 16, f"the screenshot has {distinct} distinct byte values: blank?"


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    assert data[:5] == b"%PDF-", "not a PDF"
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


class Charts(html.parser.HTMLParser):
    """The charts of a page: each <svg>'s id, whether its first child is a
    <title> with text, the number of bars (<rect>); and each table's
    data-chart with its body rows."""

    def __init__(self) -> None:
        super().__init__()
        self.svgs: list[dict] = []
        self.tables: dict[str, int] = {}
        self._svg: dict | None = None
        self._in_title = False
        self._table: str | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "svg":
            self._svg = {"id": a.get("id"), "title": "", "first": None, "bars": 0,
                         "role": a.get("role")}
            self.svgs.append(self._svg)
        elif self._svg is not None:
            if self._svg["first"] is None:
                self._svg["first"] = tag
            if tag == "title" and self._svg["first"] == "title" and not self._svg["title"]:
                self._in_title = True
            if tag == "rect":
                self._svg["bars"] += 1
        if tag == "table" and a.get("data-chart"):
            self._table = a["data-chart"]
            self.tables[self._table] = 0
        if tag == "tbody":
            self._in_body = True
        if tag == "tr" and self._table and self._in_body:
            self.tables[self._table] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg = None
        if tag == "title":
            self._in_title = False
        if tag == "table":
            self._table = None
        if tag == "tbody":
            self._in_body = False

    def handle_data(self, data: str) -> None:
        if self._in_title and self._svg is not None:
            self._svg["title"] += data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("cadre")
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--screenshot-to", type=Path)
    args = parser.parse_args()

    browser = find_chromium()
    if browser is None:
        print("SKIP: no Chromium (chromium) on PATH; scripts/setup-debian.sh installs it")
        return SKIP
    start = time.monotonic()
    work: Path = args.workdir
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    roster = work / "province.cadres"
    page = work / "annual.html"
    for cmd in ([args.cadre, "generate", "--seed", "11", "--cadres", "1500", "--out", str(roster)],
                [args.cadre, "report", "annual", "--year", "2024", str(roster), "--format", "html",
                 "-o", str(page)]):
        result = run(cmd, timeout=60)
        if result.returncode != 0:
            print(" ".join(cmd), "failed:", result.stderr.decode(errors="replace"))
            return 1

    profile = work / "profile"
    shot = work / "annual.png"
    pdf = work / "annual.pdf"
    failures: list[str] = []

    r = chromium(browser, profile, page, f"--screenshot={shot}",
                 f"--window-size={WINDOW[0]},{WINDOW[1]}")
    log = r.stderr.decode(errors="replace")
    if not shot.exists():
        print("no screenshot; Chromium said:\n" + log)
        return 1
    check_png(shot)
    failures += [f"console (screenshot): {line}" for line in console_errors(log)]

    r = chromium(browser, profile, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    log = r.stderr.decode(errors="replace")
    if not pdf.exists():
        print("no PDF; Chromium said:\n" + log)
        return 1
    pages = pdf_pages(pdf)
    if not 2 <= pages <= 40:
        failures.append(f"the PDF has {pages} pages; expected 2 to 40 A4 pages (790 units and 113 regions: 25)")
    failures += [f"console (pdf): {line}" for line in console_errors(log)]

    r = chromium(browser, profile, page, "--dump-dom")
    log = r.stderr.decode(errors="replace")
    dom = r.stdout.decode(errors="replace")
    failures += [f"console (dom): {line}" for line in console_errors(log)]
    charts = Charts()
    charts.feed(dom)
    if len(charts.svgs) != 5:
        failures.append(f"{len(charts.svgs)} charts in the DOM; the annual bulletin has 5")
    for svg in charts.svgs:
        if svg["first"] != "title" or not svg["title"].strip():
            failures.append(f"chart {svg['id']} has no <title> first")
        if svg["role"] != "img":
            failures.append(f"chart {svg['id']} is not role=img")
        rows = charts.tables.get(svg["id"])
        if rows is None:
            failures.append(f"chart {svg['id']} has no <table data-chart>")
        elif svg["bars"] and rows != svg["bars"]:
            failures.append(f"chart {svg['id']} draws {svg['bars']} bars, its table has {rows} rows")
    if "<script" in dom:
        failures.append("the DOM has a script")

    if args.screenshot_to:
        args.screenshot_to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, args.screenshot_to)
    elapsed = time.monotonic() - start
    print(f"chromium: {browser}; PNG {shot.stat().st_size} bytes; PDF {pages} pages; "
          f"{len(charts.svgs)} charts; {elapsed:.1f} s")
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
