"""Regenerate docs/screenshot.png (the window at 1280×800 with a drawn 7 after a short MNIST run, the Network
tab in front), docs/network-view.png and docs/backprop-view.png (the same, Wide, with a unit in the panel; the
Backprop tab with a weight picked after one step), docs/lab-NAME.png for each learning-lab preset (its failing
run, then the run with every fix, overlaid) and docs/lab-NAME-network.png (the failing run's network, Wide),
and the learner's own handwriting: docs/my-digits.png (My digits holding digits drawn in a handwriting font, as
benchmarks/handwriting.py renders them), docs/look-alikes.png (the Look-alikes tab, Wide) and
docs/teach-before-after.png (Teach it my digits' before/after on them), and docs/runs-tab.png (the Runs tab
over those runs and a learning-rate sweep, overlaid). With ``--language ru`` (or ``zh_CN``) it makes only the
main window's picture in that language, docs/screenshot-ru.png (Chinese needs a CJK font: docs/translations.md).

    QT_QPA_PLATFORM=offscreen python docs/screenshot.py [--lab-only | --handwriting-only | --language CODE]

The lab presets need MNIST and Fashion-MNIST: the IDX files in ../shared/data (next to the
repository), when there, are imported into a temporary data folder; else the store's own are used.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from digitpad.data import importing, registry
from digitpad.inference.predict import predict_drawing
from digitpad.lab.pitfalls import PITFALLS
from digitpad.training.settings import RunSettings
from digitpad.ui.app import default_model
from digitpad.ui.base import language
from digitpad.ui.jobs.job import Job
from digitpad.ui.main_window import MainWindow
from digitpad.ui.widgets.canvas import stroke_ink

OUT = Path(__file__).with_name("screenshot.png")
HANDWRITING = "Kristi"  # a handwriting font the bundled model misreads often (benchmarks/README.md)
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def seven() -> np.ndarray:
    image = np.zeros((28, 28), np.float32)
    for start, end in [((6, 7), (6, 20)), ((6, 20), (23, 11)), ((14, 12), (14, 19))]:
        image = np.maximum(image, stroke_ink(start, end))
    return image


def inside_screenshot(app: QApplication, window: MainWindow, tab, out: Path, wide: bool = True) -> None:
    """``tab`` (the Network or Backprop view), Wide or not, for the drawn 7, the first hidden layer's most active
    unit in the unit panel with its test images (when the test split is here)."""
    window.canvas.set_image(seven())
    window.insight_tabs.setCurrentWidget(window.network_view)
    window.actions["wide"].setChecked(wide)
    window.set_wide_insights()
    window.prediction.update()
    settle()
    values = window.network_view.activations()
    window.units._pin(1, int(np.argmax(values[1])))  # as a click on that unit does
    job = window.units._cache_job  # the pass over the test split, when the split is on this computer
    while job is not None and job.running:
        settle()
    settle(200)
    window.insight_tabs.setCurrentWidget(tab)
    settle()
    window.grab().save(str(out))
    print(f"wrote {out}")
    window.actions["wide"].setChecked(False)
    window.set_wide_insights()


def lab_screenshots(app: QApplication, window: MainWindow) -> None:
    """Each preset as a learner meets it: the failing run (and its network), then every fix, the two overlaid."""
    for name, pitfall in PITFALLS.items():
        window.lab_panel.set_preset(name)
        for enabled in ((), pitfall.all_fixes):
            window.runs.start_lab_run(pitfall.run_for(enabled))
            app.exec()
            settle()  # the lab's own overlay comes a turn of the event loop after the run ends
            if not enabled:
                inside_screenshot(app, window, window.network_view, OUT.with_name(f"lab-{name}-network.png"))
        runs = window.runs_panel
        for run_id in runs.ticked_ids():
            runs.tick(run_id, False)
        runs.tick(runs.store.summaries(limit=2)[1].id)  # the failing run under the fixed one, even where their
        # losses differ
        window.side_tabs.setCurrentWidget(window.lab_panel)
        app.processEvents()
        out = OUT.with_name(f"lab-{name}.png")
        window.grab().save(str(out))
        print(f"wrote {out}")


def handwriting_screenshots(app: QApplication, window: MainWindow) -> None:
    """My digits holding a handwriting unlike MNIST's, the drawn 7's look-alikes, and teaching the bundled model."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from handwriting import render_digits

    drawings, labels = render_digits(HANDWRITING, 12, seed=3)
    store = window.personal.store
    for drawing, label in zip(drawings, labels):
        store.add_drawing(drawing, int(label))
    model = default_model()
    window.files.set_model(model, None)
    misread = [d for d, label in zip(drawings, labels) if np.argmax(predict_drawing(model, d)) != label]
    window.canvas.set_image(misread[0] if misread else seven())  # the look-alikes explain a misread
    window.personal.show_browser()
    browser = window.personal.browser
    browser.resize(920, 640)
    settle(3000)  # the model's reading of every digit comes from a job
    browser.grab().save(str(OUT.with_name("my-digits.png")))
    print(f"wrote {OUT.with_name('my-digits.png')}")
    browser.close()
    window.insight_tabs.setCurrentWidget(window.look_alikes_view)
    window.actions["wide"].setChecked(True)
    window.set_wide_insights()
    view = window.look_alikes_view
    while not view.rows[0][0].isVisible():  # the training set's index, then the query, in jobs
        settle(200)
    settle()
    window.grab().save(str(OUT.with_name("look-alikes.png")))
    print(f"wrote {OUT.with_name('look-alikes.png')}")
    window.actions["wide"].setChecked(False)
    window.set_wide_insights()
    window.teach.teach()
    app.exec()
    settle(200)
    window.teach.dialog.grab().save(str(OUT.with_name("teach-before-after.png")))
    print(f"wrote {OUT.with_name('teach-before-after.png')}")
    window.teach.dialog.close()


def runs_screenshot(app: QApplication, window: MainWindow) -> None:
    """docs/runs-tab.png: the Runs tab beside the plots, over the runs this script trained, after a learning-rate sweep whose
    three runs are tagged and overlaid, the accuracy plot showing their error rate on a log scale."""
    dataset = "mnist" if registry.is_available("mnist") else "digits8x8"
    runs = window.runs_panel
    for run_id in runs.ticked_ids():
        runs.tick(run_id, False)
    window.side_tabs.setCurrentWidget(window.panel)
    swept = []
    window.canvas.set_image(seven())
    for lr in (0.1, 0.02, 0.004):
        window.setWindowModified(False)  # the run before's model is not asked about
        window.panel.set_settings(RunSettings(dataset=dataset, subset=10_000, epochs=6, lr=lr))
        window.runs.start_training()
        app.exec()
        settle()
        swept.append(window.session.recording.run_id)
        runs.store.set_tags(swept[-1], ["lr sweep"])
    for run_id in swept[:-1]:
        runs.tick(run_id)
    runs.error_check.setChecked(True)
    window.insight_tabs.setCurrentWidget(runs)
    runs.refresh()
    settle(200)
    out = OUT.with_name("runs-tab.png")
    window.grab().save(str(out))
    print(f"wrote {out}")
    runs.error_check.setChecked(False)


def settle(ms: int = 50) -> None:
    """Let the event loop run for ``ms`` milliseconds (what the window does a turn after a run ends)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def use_shared_data() -> None:
    """Import ../shared/data's MNIST and Fashion-MNIST into a temporary data folder, if they are there."""
    files = sorted(SHARED_DATA.glob("mnist/*.gz")) + sorted(SHARED_DATA.glob("fashion/*.gz"))
    if files:
        os.environ[registry.ENV_VAR] = str(Path(tempfile.mkdtemp()) / "data")
        importing.import_files(files)


def main() -> int:
    use_shared_data()
    os.environ["DIGITPAD_RUNS_DB"] = str(Path(tempfile.mkdtemp()) / "runs.db")  # never the user's run history
    app = QApplication(sys.argv)
    code = sys.argv[sys.argv.index("--language") + 1] if "--language" in sys.argv else language.ENGLISH
    language.install(code, app)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(default_model(), settings)
    window.resize(1280, 800)
    window.show()
    window.session.finished.connect(lambda *_: app.exit(0))  # exit, not quit: quit closes the windows
    if "--runs-only" in sys.argv:
        runs_screenshot(app, window)
        Job.shutdown()
        return 0
    if "--handwriting-only" in sys.argv:
        handwriting_screenshots(app, window)
        window.setWindowModified(False)
        Job.shutdown()
        return 0
    if code == language.ENGLISH:
        lab_screenshots(app, window)
    if "--lab-only" in sys.argv:
        return 0
    for run_id in window.runs_panel.ticked_ids():
        window.runs_panel.tick(run_id, False)
    dataset = "mnist" if registry.is_available("mnist") else "digits8x8"
    window.panel.set_settings(RunSettings(dataset=dataset, subset=20_000, epochs=8))
    window.side_tabs.setCurrentWidget(window.panel)
    window.runs.start_training()
    app.exec()
    if code != language.ENGLISH:
        inside_screenshot(app, window, window.network_view, OUT.with_name(f"screenshot-{code}.png"), wide=False)
        window.setWindowModified(False)
        Job.shutdown()
        return 0
    inside_screenshot(app, window, window.network_view, OUT, wide=False)  # every layer for the drawing
    inside_screenshot(app, window, window.network_view, OUT.with_name("network-view.png"))
    window.insight_tabs.setCurrentWidget(window.backprop_view)
    settle()
    window.backprop_view.set_label(7)
    window.backprop._pick_weight(2, int(np.argmax(window.network_view.activations()[2])), 7)  # as two clicks do
    window.backprop_view.step_button.click()
    settle()
    inside_screenshot(app, window, window.backprop_view, OUT.with_name("backprop-view.png"))
    runs_screenshot(app, window)
    handwriting_screenshots(app, window)
    window.setWindowModified(False)
    Job.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
