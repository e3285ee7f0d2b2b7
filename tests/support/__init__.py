"""Helpers shared by the tests, and by benchmarks/soak.py and recovery.py; never tests themselves.

Tests import them as ``from support.<module> import ...``: ``tests/`` has no
``__init__.py``, so pytest makes its folder importable. Nothing here imports a
test module or anything from ``benchmarks/``.

- ``loopback``: a 127.0.0.1 HTTP server serving tiny dataset files and
  misbehaving on request (``Handler``, ``SlowHandler``, ``Server``), ``gz_idx``,
  ``spec_for`` and the ``payload`` and ``server`` fixtures (made available to
  every test module by conftest.py).
- ``lifecycle``: the run used by the start/stop cycles (``RUN``), the download
  read timeout (``DOWNLOAD_TIMEOUT_S``) and the process measures
  ``os_threads``, ``qthreads``, ``rss_mb`` (Linux: they read ``/proc``).
- ``faults``: injected failures and what they leave behind
  (``disk_full_mid_write``, ``left_in``).
- ``keys``: typing into a field as a person does (``type_into``).
- ``boxes``: answering the next message box with a click (``answer_box``).
- ``crashes``: runs interrupted on purpose (``StopAfter``, ``kill``, the
  ``TRAINING_WINDOW`` app script), also used by benchmarks/recovery.py.
- ``models``: small model files to test with (``make_model``, ``parts``,
  ``refused``).
"""
