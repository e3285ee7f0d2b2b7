"""Digits and counts in words, for the status bar and My digits: "23 sevens", "1 seven"."""

from __future__ import annotations

from digitpad.data.importing import ImportSummary
from digitpad.ui.base.i18n import fill, listed, translate


def how_many(count: int, digit: int) -> str:
    """E.g. "23 sevens", "1 seven" (each with its plural forms for a language that has more than two)."""
    if count == 1:
        return (translate("DigitWords", "%n zero", None, count), translate("DigitWords", "%n one", None, count),
                translate("DigitWords", "%n two", None, count), translate("DigitWords", "%n three", None, count),
                translate("DigitWords", "%n four", None, count), translate("DigitWords", "%n five", None, count),
                translate("DigitWords", "%n six", None, count), translate("DigitWords", "%n seven", None, count),
                translate("DigitWords", "%n eight", None, count), translate("DigitWords", "%n nine", None, count))[digit]
    return (translate("DigitWords", "%n zeros", None, count), translate("DigitWords", "%n ones", None, count),
            translate("DigitWords", "%n twos", None, count), translate("DigitWords", "%n threes", None, count),
            translate("DigitWords", "%n fours", None, count), translate("DigitWords", "%n fives", None, count),
            translate("DigitWords", "%n sixes", None, count), translate("DigitWords", "%n sevens", None, count),
            translate("DigitWords", "%n eights", None, count), translate("DigitWords", "%n nines", None, count))[digit]


def import_note(summary: ImportSummary) -> str:
    """The note after an import, e.g. "Imported 40 digits from digits/ (4 zeros, 4 ones, …); My digits now holds
    52."; one template for one digit and one for more, each with its plural forms."""
    per_digit = listed(how_many(n, d) for d, n in sorted(summary.counts.items()) if n)
    added = summary.added  # a plain name: pyside6-lupdate skips a call whose count is an attribute
    template = (translate("DigitWords", "Imported %n digit from {sources} ({per_digit}); My digits now holds "
                                        "{total}.", None, added) if added == 1 else
                translate("DigitWords", "Imported %n digits from {sources} ({per_digit}); My digits now holds "
                                        "{total}.", None, added))
    return fill(template, sources=", ".join(summary.sources), per_digit=per_digit, total=summary.total)
