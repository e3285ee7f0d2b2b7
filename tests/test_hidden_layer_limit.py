"""No more hidden layers than a model file may hold: the form, the CLI and a file refuse the same count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from digitpad.cli.main import main
from digitpad.common.errors import ConfigError
from digitpad.model.metadata import MAX_HIDDEN_LAYERS
from digitpad.training.settings import RunSettings, parse_hidden

TOO_MANY = ",".join(["1"] * (MAX_HIDDEN_LAYERS + 1))


def test_parse_hidden_takes_the_limit_and_refuses_one_more():
    assert parse_hidden(",".join(["2"] * MAX_HIDDEN_LAYERS)) == (2,) * MAX_HIDDEN_LAYERS
    with pytest.raises(ConfigError, match=f"{MAX_HIDDEN_LAYERS + 1} hidden layers are too many") as caught:
        RunSettings(hidden=TOO_MANY).validate()
    assert caught.value.field == "hidden"
    with pytest.raises(ConfigError, match="100,000 hidden layers"):
        parse_hidden(",".join(["1"] * 100_000))


def test_the_cli_refuses_too_many_layers_in_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["train", "--dataset", "digits8x8", "--hidden", TOO_MANY, "--epochs", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("digitpad: error:") and "too many" in err[-1]
    assert not list(tmp_path.iterdir())


def test_the_form_refuses_too_many_layers_beside_the_field(qtbot, window):
    panel = window.panel
    tabs = panel.findChild(QTabWidget, "formPages")
    network = next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(panel.hidden_edit))
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(network).center())
    qtbot.mouseClick(panel.hidden_edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(panel.hidden_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(panel.hidden_edit, TOO_MANY)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    assert not window.session.running
    assert panel.error_text("hidden") == f"{MAX_HIDDEN_LAYERS + 1} hidden layers are too many (at most 64)"
