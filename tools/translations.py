"""Keep the window's translations in step with the source: extract, hand to translators, merge, compile.

    python tools/translations.py update     # pyside6-lupdate: new source texts into every .ts, vanished ones out
    python tools/translations.py todo DIR   # the unfinished messages of each language as DIR/<lang>.json
    python tools/translations.py merge F... # translations from JSON files (same shape as todo's) into the .ts
    python tools/translations.py release    # pyside6-lrelease: every .ts to the .qm the package installs

Run ``update`` after changing a window text, translate what ``todo`` lists,
``merge`` it, then ``release``; tests/test_translations.py fails until every
source text is translated and every .qm is compiled from its .ts. See
docs/translations.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "assets" / "translations"
LANGUAGES = ("zh_CN", "ru")
BIN = Path(sys.executable).parent


def sources() -> list[Path]:
    """Every module whose texts can reach the window: the package without the CLI, which stays English."""
    return sorted(path for path in (ROOT / "digitpad").rglob("*.py") if "cli" not in path.relative_to(ROOT).parts)


def ts_file(code: str) -> Path:
    return FOLDER / f"digitpad_{code}.ts"


def lupdate(target: Path) -> None:
    """Extract every marked text of :func:`sources` into ``target`` (kept translations stay; vanished go)."""
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, sources()), "-locations", "none", "-no-obsolete",
                    "-silent", "-ts", str(target)], check=True, cwd=ROOT)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path):
    """(context, message element) of every message in ``ts``."""
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def todo(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        pending = [{"context": context, "source": message.findtext("source"),
                    "comment": message.findtext("comment") or "", "plural": message.get("numerus") == "yes"}
                   for context, message in messages(ts_file(code))
                   if message.find("translation").get("type") == "unfinished"]
        (folder / f"{code}.json").write_text(json.dumps(pending, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{code}: {len(pending)} to translate → {folder / f'{code}.json'}")


def merge(paths: list[Path]) -> None:
    """Fill the .ts of each JSON file's language (named ``<lang>*.json``) with its entries' "translation"
    (a string, or a list of plural forms)."""
    for code in LANGUAGES:
        entries = {}
        for path in paths:
            if path.name.startswith(code):
                for entry in json.loads(path.read_text(encoding="utf-8")):
                    if entry.get("translation"):
                        entries[entry["context"], entry["source"], entry.get("comment", "")] = entry["translation"]
        if not entries:
            continue
        tree = ET.parse(ts_file(code))
        filled = 0
        for context in tree.getroot().iter("context"):
            for message in context.iter("message"):
                key = context.findtext("name"), message.findtext("source"), message.findtext("comment") or ""
                if key in entries:
                    _set(message.find("translation"), entries[key])
                    filled += 1
        tree.write(ts_file(code), encoding="utf-8", xml_declaration=True)
        _restore_doctype(ts_file(code))
        print(f"{code}: {filled} filled of {len(entries)} given")


def _set(element: ET.Element, translation: str | list[str]) -> None:
    element.attrib.pop("type", None)
    if isinstance(translation, list):
        for child in list(element):
            element.remove(child)
        element.text = None
        for form in translation:
            ET.SubElement(element, "numerusform").text = form
    else:
        element.text = translation


def _restore_doctype(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        head, _, rest = text.partition("\n")
        path.write_text(f"{head}\n<!DOCTYPE TS>\n{rest}\n", encoding="utf-8")


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        target = ts_file(code)
        if not target.exists():
            target.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                              f'<TS version="2.1" language="{code}" sourcelanguage="en"></TS>\n', encoding="utf-8")
        lupdate(target)


def release() -> None:
    for code in LANGUAGES:
        lrelease(ts_file(code), ts_file(code).with_suffix(".qm"))


def main(argv: list[str]) -> int:
    command, *rest = argv or ["help"]
    if command == "update":
        update()
    elif command == "todo" and len(rest) == 1:
        todo(Path(rest[0]))
    elif command == "merge" and rest:
        merge([Path(each) for each in rest])
    elif command == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
