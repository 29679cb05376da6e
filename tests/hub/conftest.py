"""The class-load driver runs in the hub's own environment (build/hub/venv), as a script:
pytest does not import it."""

collect_ignore = ["classload.py"]
