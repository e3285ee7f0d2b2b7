"""Model details with uneven history series: a file may hold a series shorter or longer than train_loss."""

from __future__ import annotations

import re

from support.models import make_model

from digitpad.ui.dialogs.model_info import model_html


def test_uneven_history_series_render_with_blank_cells():
    model = make_model(history={"train_loss": [1.0, 0.5, 0.25], "val_loss": [0.9], "lr": [0.1] * 4})
    rows = re.findall(r"<tr><td>(\d+)</td>(.*?)</tr>", model_html(model))
    assert [epoch for epoch, _ in rows] == ["1", "2", "3", "4"]  # as many rows as the longest series
    cells = [re.findall(r"<td>(.*?)</td>", row) for _, row in rows]
    assert cells[0] == ["1.0000", "0.9000", "0.1"]
    assert cells[1] == ["0.5000", "—", "0.1"] and cells[3] == ["—", "—", "0.1"]
