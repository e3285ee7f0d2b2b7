"""Digits and counts in words, for the status bar and My digits: "23 sevens", "1 seven"."""

from __future__ import annotations

from digitpad.data.importing import ImportSummary

PLURALS = ("zeros", "ones", "twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines")
NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def how_many(count: int, digit: int) -> str:
    """E.g. "23 sevens", "1 seven"."""
    return f"{count} {NAMES[digit] if count == 1 else PLURALS[digit]}"


def import_note(summary: ImportSummary) -> str:
    """E.g. "Imported 40 digits from digits/ (4 zeros, 4 ones, …); My digits now holds 52." """
    per_digit = ", ".join(how_many(n, d) for d, n in sorted(summary.counts.items()) if n)
    return (f"Imported {summary.added} digit{'s' if summary.added != 1 else ''} from {', '.join(summary.sources)} "
            f"({per_digit}); My digits now holds {summary.total}.")
