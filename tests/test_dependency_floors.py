"""Every declared lower bound is a version CI really tests.

pyproject.toml promises ``numpy>=1.26`` and the like; ``.ci/run`` runs the
suite a second time with ``.ci/lowest-versions.txt`` as pip constraints, one
``name==floor`` line per dependency. These tests keep the two in step: a new
dependency without a pin, a floor raised in one file but not the other, or a
pin left behind for a dependency that is gone fails here, before a floor that
nobody tests reaches a user.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPO / ".ci" / "lowest-versions.txt"
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$")


def _normalized(name: str) -> str:
    """The PEP 503 form of a project name, so ``PySide6_Essentials`` is ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _release(version: str) -> tuple[int, ...]:
    """A release number compared as PEP 440 does: ``4`` equals ``4.0.0``."""
    parts = [int(part) for part in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _declared() -> dict[str, str]:
    """Each runtime and extra dependency of pyproject.toml with its requirement text."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    declared: dict[str, str] = {}
    for line in lines:
        name, specifiers = REQUIREMENT.match(line.split(";")[0]).groups()
        declared.setdefault(_normalized(name), specifiers)
    return declared


def _floor(specifiers: str) -> str | None:
    """The version after ``>=`` in a specifier list such as ``>=6.8,<6.12``."""
    for spec in specifiers.split(","):
        if spec.strip().startswith(">="):
            return spec.strip()[2:].strip()
    return None


def _pins() -> dict[str, str]:
    """The ``name==version`` lines of the constraints file (comments and blanks skipped)."""
    pins: dict[str, str] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = (part.strip() for part in line.split("=="))
            pins[_normalized(name)] = version
    return pins


def test_every_dependency_declares_a_floor():
    no_floor = [name for name, specs in _declared().items() if _floor(specs) is None]
    assert not no_floor, f"give these a '>=' lower bound that CI can test: {no_floor}"


def test_every_floor_is_pinned_in_the_lowest_versions_file():
    pins = _pins()
    missing = [name for name in _declared() if name not in pins]
    assert not missing, f"add 'name==floor' lines to {CONSTRAINTS.name} for {missing}"


def test_every_pin_is_the_declared_floor():
    pins = _pins()
    differ = {name: (_floor(specs), pins[name]) for name, specs in _declared().items()
              if name in pins and _floor(specs) is not None
              and _release(_floor(specs)) != _release(pins[name])}
    assert not differ, f"floor in pyproject.toml vs pin in {CONSTRAINTS.name}: {differ}"


def test_no_pin_outlives_its_dependency():
    stale = sorted(set(_pins()) - set(_declared()))
    assert not stale, f"{CONSTRAINTS.name} pins what pyproject.toml no longer declares: {stale}"


def test_ci_runs_the_suite_again_with_the_lowest_versions():
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/lowest-versions.txt" in run and run.count("-m pytest") == 2
