"""Real-browser tests: every lesson in JupyterLab in Debian's Chromium (see lesson_checks.py).

A package, so its ``conftest.py`` and helper modules do not clash with ``tests/conftest.py``
when pytest imports both for ``--doctest-modules``.
"""
