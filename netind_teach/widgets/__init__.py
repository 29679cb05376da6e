"""Interactive widgets of the lessons, one module per lesson's explorer.

Each widget is thin: it calls the same tested functions a learner can call by hand, keeps
its state in widget values (never prints into an ``Output``), and can be driven from Python
(set a control's ``value``, read the result attributes) so tests need no browser.
ipywidgets and matplotlib are imported only when a widget is built.
"""
