#!/usr/bin/env python3
"""Runs axe-core over every XHTML content document of the EPUBs given, in headless Debian Chromium.

axe-core is the axe.min.js that PyPI axe-playwright-python 0.1.8 bundles (axe-core 4.12.1); Selenium drives
Debian's chromium through /usr/bin/chromedriver, named explicitly so Selenium Manager downloads nothing.
Rules: WCAG 2.0, 2.1 and 2.2 levels A and AA, plus axe's best practices; none is disabled.
Prints each violation; exit 1 if any (or if nothing was checked). Usage: check_axe.py FILE.epub ...
"""
import json
import os
import pathlib
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
AXE = pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js")


def content_documents(epub, into):
    """Extracts the EPUB and returns its XHTML content documents (manifest order), as paths under `into`."""
    with zipfile.ZipFile(epub) as z:
        z.extractall(into)
        container = ET.fromstring(z.read("META-INF/container.xml"))
        ns = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "opf": "http://www.idpf.org/2007/opf"}
        opf_path = container.find(".//c:rootfile", ns).get("full-path")
        opf = ET.fromstring(z.read(opf_path))
        base = pathlib.Path(into, opf_path).parent
        return [base / item.get("href") for item in opf.iterfind(".//opf:manifest/opf:item", ns)
                if item.get("media-type") == "application/xhtml+xml"]


def browser():
    for path in (CHROMEDRIVER, CHROMIUM):
        if not os.access(path, os.X_OK):
            sys.exit(f"check_axe: {path} is missing (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def main(epubs):
    if not epubs:
        print("usage: check_axe.py FILE.epub ...", file=sys.stderr)
        return 2
    if not AXE.is_file():
        sys.exit(f"check_axe: {AXE} is missing (pip install axe-playwright-python==0.1.8)")
    axe = AXE.read_text(encoding="utf-8")
    driver = browser()
    driver.set_script_timeout(60)
    # Handed to the browser once, run in every document it loads: sending 600 kB per document is slow.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe})
    violations, documents, version = 0, 0, "?"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n, epub in enumerate(epubs):
                for doc in content_documents(epub, os.path.join(tmp, str(n))):
                    driver.get(doc.as_uri())
                    if not driver.execute_script("return typeof axe !== 'undefined'"):
                        driver.execute_script(axe)
                    result = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        ".then(r => done(JSON.stringify({v: axe.version, violations: r.violations})),"
                        " e => done(JSON.stringify({error: String(e)})));", TAGS)
                    r = json.loads(result)
                    if "error" in r:
                        print(f"{epub}: {doc.name}: axe failed: {r['error']}")
                        violations += 1
                        continue
                    version = r["v"]
                    documents += 1
                    for v in r["violations"]:
                        violations += 1
                        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
                        print(f"{epub}: {doc.name}: {v['id']} ({v['impact']}): {v['help']} [{targets}]")
    finally:
        driver.quit()
    print(f"check_axe: axe-core {version}, {len(epubs)} EPUBs, {documents} XHTML documents, {violations} violations")
    return 1 if violations or documents == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
