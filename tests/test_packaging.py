"""The bundled files reach every install: a wheel, an sdist and a wheel built from that sdist.

The files live at the repository's top level in ``assets/`` and are mapped into
the package as ``digitpad.assets`` (pyproject.toml). The builds run setuptools'
PEP 517 backend in a subprocess, on a copy of the tracked files in a temporary
folder, so the working tree never gets a build/ or egg-info folder; nothing is
downloaded. The icon renders through the SVG plugins PySide6-Essentials ships.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import as_file, files
from pathlib import Path
from xml.etree import ElementTree

import pytest

REPO = Path(__file__).resolve().parents[1]
ASSETS = ("default-model.npz", "digits.csv.gz", "DIGITS8X8_LICENSE.md", "digitpad.svg",
          "translations/digitpad_zh_CN.qm", "translations/digitpad_ru.qm")


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the packaging test copies the tracked files")
    return [name for name in out.decode().split("\0") if name]


def _build(kind: str, source: Path, out: Path) -> Path:
    """Run setuptools' ``build_wheel`` or ``build_sdist`` in ``source`` and return the file it made."""
    out.mkdir(parents=True, exist_ok=True)
    script = (f"import sys; from setuptools import build_meta as b; "
              f"print('BUILT=' + b.build_{kind}(sys.argv[1]))")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SETUPTOOLS_USE_DISTUTILS")}
    proc = subprocess.run([sys.executable, "-c", script, str(out)], cwd=source, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"build_{kind} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    name = proc.stdout.strip().splitlines()[-1].removeprefix("BUILT=")
    return out / name


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The wheel and the sdist built from a copy of the tracked files, and a wheel built from that sdist."""
    root = tmp_path_factory.mktemp("packaging")
    copy = root / "repo"
    for name in _tracked_files():
        if (REPO / name).is_file():  # a tracked file deleted in the working tree is not copied
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    # The two builds from the copy run side by side; each is a separate process, as pip runs them.
    with ThreadPoolExecutor(2) as pool:
        wheel = pool.submit(_build, "wheel", copy, root / "wheel")
        sdist = pool.submit(_build, "sdist", copy, root / "sdist")
        wheel, sdist = wheel.result(), sdist.result()
    with tarfile.open(sdist) as tar:
        tar.extractall(root / "unpacked", filter="data")
    (unpacked,) = (root / "unpacked").iterdir()
    return {"wheel": wheel, "sdist": sdist,
            "sdist_wheel": _build("wheel", unpacked, root / "sdist-wheel"), "root": root}


def test_every_package_under_digitpad_is_listed_in_pyproject():
    # The packages are listed by hand (packages.find cannot find digitpad.assets); one forgotten
    # here would be missing from every wheel, yet every test run from the repository would pass.
    setuptools = _pyproject()["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    found, without_init = set(), []
    for folder in [REPO / "digitpad", *sorted((REPO / "digitpad").rglob("*"))]:
        if not folder.is_dir() or folder.name == "__pycache__":
            continue
        name = ".".join(folder.relative_to(REPO).parts)
        if (folder / "__init__.py").is_file():
            found.add(name)
        elif any(folder.glob("*.py")):
            without_init.append(name)
    assert not without_init, f"folders with modules but no __init__.py: {without_init}"
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - found == {"digitpad.assets"}, "pyproject.toml lists packages that do not exist"
    assert setuptools["package-dir"] == {"digitpad.assets": "assets"}
    assert not (REPO / "digitpad" / "assets").exists(), "the bundled files live in the top-level assets/"
    assert (REPO / "assets" / "__init__.py").is_file()


def test_wheel_holds_the_assets_inside_the_package(builds):
    for key in ("wheel", "sdist_wheel"):
        names = set(zipfile.ZipFile(builds[key]).namelist())
        for asset in ASSETS:
            assert f"digitpad/assets/{asset}" in names, f"{asset} missing from the {key}"
        assert "digitpad/assets/__init__.py" in names
        assert not [n for n in names if n.startswith("assets/")], "assets/ must not install as a top-level folder"
        for package in _pyproject()["tool"]["setuptools"]["packages"]:
            assert package.replace(".", "/") + "/__init__.py" in names, f"{package} missing from the {key}"


def test_sdist_holds_the_top_level_assets(builds):
    with tarfile.open(builds["sdist"]) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for asset in (*ASSETS, "README.md", "__init__.py"):
        assert f"assets/{asset}" in names, f"assets/{asset} missing from the sdist"
    assert "pyproject.toml" in names


def test_the_unpacked_wheel_loads_the_model_and_the_digits(builds):
    site = builds["root"] / "site"
    zipfile.ZipFile(builds["wheel"]).extractall(site)
    script = """if True:
        import json, importlib.resources, digitpad
        from digitpad.data.digits8x8 import load_digits8x8
        from digitpad.ui.app import default_model
        model, digits = default_model(), load_digits8x8()
        print(json.dumps({"package": digitpad.__file__,
                          "assets": str(importlib.resources.files("digitpad.assets")),
                          "sizes": list(model.network.spec.sizes),
                          "digits": list(digits.images.shape)}))
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    # cwd is the unpacked wheel's parent, so neither the repository nor its editable install comes first.
    proc = subprocess.run([sys.executable, "-c", script], cwd=builds["root"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(report["package"]).is_relative_to(site), report
    assert Path(report["assets"]).is_relative_to(site), report
    assert report["sizes"] == [784, 1024, 512, 10]
    assert report["digits"] == [1797, 64]


def test_icon_is_self_contained_svg():
    svg = (files("digitpad.assets") / "digitpad.svg").read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for element in root.iter():
        assert element.tag.split("}")[-1] not in ("image", "script", "foreignObject", "use")
        for attribute, value in element.attrib.items():
            if attribute.endswith("href"):
                assert value.startswith("#"), f"external reference {value!r}"
            assert "url(" not in value or value.startswith("url(#"), f"external reference {value!r}"


@pytest.mark.parametrize("size", [16, 64, 256])
def test_icon_renders_with_qt(qapp, size):
    from PySide6.QtGui import QIcon

    with as_file(files("digitpad.assets") / "digitpad.svg") as path:
        icon = QIcon(str(path))
    pixmap = icon.pixmap(size, size)
    assert not pixmap.isNull(), "Qt cannot render SVG: is the imageformats/iconengines svg plugin missing?"
    image = pixmap.toImage()
    assert (image.width(), image.height()) == (size, size)
    # The dark rounded square fills the middle; the corners stay transparent.
    assert image.pixelColor(size // 2, size // 4).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0
