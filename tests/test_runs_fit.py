"""The Runs tab fits the tabs beside the plots: it never widens them at 1280×800, which would squeeze the plots."""

from __future__ import annotations


def test_the_runs_tab_does_not_widen_the_tabs_beside_the_plots(window, qtbot):
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.insight_tabs.setCurrentWidget(window.runs_panel)
    qtbot.wait(20)
    # The tabs beside the plots take the least width of their widest page. With four filters of 12 characters the
    # Runs tab needed 604 px (the tabs had 547 before it) and took them from the loss and accuracy plots.
    assert window.runs_panel.minimumSizeHint().width() <= 0.4 * 1280
    assert window.loss_plot.width() + window.accuracy_plot.width() >= 0.55 * 1280
    filters = window.runs_panel.filters
    for combo in (filters.dataset, filters.setup, filters.status, filters.when):  # "All datasets", "Any setup"...
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20
