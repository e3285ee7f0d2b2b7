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
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
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


def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    """(context, message element) of every message in ``ts``."""
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def todo(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        pending = [{"context": context, "source": message.findtext("source"),
                    "comment": message.findtext("comment") or "", "plural": "%n" in message.findtext("source"),
                    "forms": PLURAL_FORMS[code] if "%n" in message.findtext("source") else 1}
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
                if key in entries and _set(message.find("translation"), entries[key]):
                    filled += 1
        _write(tree.getroot(), ts_file(code))
        print(f"{code}: {filled} filled of {len(entries)} given")


def _set(element: ET.Element, translation: str | list[str]) -> bool:
    """Put ``translation`` in; a plural message needs a list of all its forms (a string fills a one-form
    language's). False when it did not fit (a string for Russian's three forms)."""
    forms = element.findall("numerusform")
    if forms and isinstance(translation, str):
        if len(forms) != 1:
            return False
        translation = [translation]
    element.attrib.pop("type", None)
    if isinstance(translation, list):
        for child in list(element):
            element.remove(child)
        element.text = None
        for form in translation:
            ET.SubElement(element, "numerusform").text = form
    else:
        element.text = translation
    return True


def update() -> None:
    """Every .ts holds exactly the messages the code marks now, with the translations it had.

    lupdate extracts into a fresh file and this merges: its Python parser marks a message as a plural
    one (``numerus``) only when the count is a literal number, and its own merge then drops the plural
    forms a translator wrote. Here every source with ``%n`` is a plural message, as the code calls it.
    """
    FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        fresh.write_text(_EMPTY.format(code="en"), encoding="utf-8")
        lupdate(fresh)
        found = list(messages(fresh))
    for code in LANGUAGES:
        kept = {_key(context, message): message.find("translation") for context, message in messages(ts_file(code))} \
            if ts_file(code).exists() else {}
        root = ET.Element("TS", version="2.1", language=code, sourcelanguage="en")
        contexts: dict[str, ET.Element] = {}
        for context, message in found:
            if context not in contexts:
                contexts[context] = ET.SubElement(root, "context")
                ET.SubElement(contexts[context], "name").text = context
            contexts[context].append(_message(message, kept.get(_key(context, message)), PLURAL_FORMS[code]))
        _write(root, ts_file(code))


def _write(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', encoding="utf-8")


_EMPTY = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="{code}"></TS>\n'
PLURAL_FORMS = {"zh_CN": 1, "ru": 3}


def _key(context: str, message: ET.Element) -> tuple[str, str, str]:
    return context, message.findtext("source"), message.findtext("comment") or ""


def _message(found: ET.Element, kept: ET.Element | None, forms: int) -> ET.Element:
    """The message of ``found`` with the translation ``kept`` (if any): plural forms when its source has %n."""
    message = ET.Element("message")
    source = found.findtext("source")
    plural = "%n" in source
    if plural:
        message.set("numerus", "yes")
    ET.SubElement(message, "source").text = source
    if found.findtext("comment"):
        ET.SubElement(message, "comment").text = found.findtext("comment")
    translation = ET.SubElement(message, "translation")
    old = [form.text or "" for form in kept.iter("numerusform")] if kept is not None else []
    if kept is not None and not old and (kept.text or "").strip():
        old = [kept.text]
    finished = kept is not None and kept.get("type") is None and len(old) == (forms if plural else 1)
    if not finished:
        translation.set("type", "unfinished")
    if plural:
        for form in (old + old[-1:] * forms)[:forms] if old else [""] * forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = old[0] if old else ""
    return message


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
