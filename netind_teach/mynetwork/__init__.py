"""The capstone: map your own personal network, privately; find your type; see the class.

Everything here runs on your own computer and never touches the network.

* :class:`NetworkBuilder` -- the widget: add people (a nickname or initials), say what
  each is to you, mark who knows whom, watch the drawing, measures and type update;
* :class:`BuilderSession` -- what the widget shows, without a widget: the same methods
  (``add``, ``link``, ``undo``, ``export_preview`` ...), saving and the export gate;
* :class:`PersonalNetwork` -- the network itself, from code (``add``, ``edit``, ``remove``,
  ``link``, ``measures``, ``classify``);
* saving -- after each change the builder saves ``my_network.json`` (:data:`FILENAME`) in
  your working folder (the notebook's folder), atomically and readable by you only; it is
  reloaded when you reopen the notebook; a broken file is set aside, never replaced
  (:mod:`~netind_teach.mynetwork.storage`), and a file changed or deleted since the
  builder opened it (another notebook, by hand) is not overwritten. Delete your data by
  deleting that file, or with :func:`delete_saved`;
* :func:`export_anonymised` -- write what you may share: random ids instead of nicknames,
  no free text; see it first with :func:`export_text` / :func:`preview_html`;
* :func:`combine` -- for instructors: a folder of exports as one table, with plots;
  :func:`write_synthetic_class` makes a *synthetic* class to practise on.

Examples
--------
>>> import tempfile
>>> from netind_teach import mynetwork
>>> net = mynetwork.demo_network()
>>> net.classify("published").type
'bounded'
>>> folder = tempfile.mkdtemp()
>>> _ = mynetwork.export_anonymised(net, folder)
>>> _ = mynetwork.write_synthetic_class(folder, n=4, seed=0)
>>> view = mynetwork.combine(folder)
>>> len(view.table), view.synthetic
(5, 'some')
"""

from __future__ import annotations

from .builder import NetworkBuilder
from .classview import ClassView, combine
from .demo import (
    demo_network,
    scratch_folder,
    synthetic_class,
    synthetic_network,
    write_synthetic_class,
)
from .export import (
    check_export,
    export_anonymised,
    export_data,
    export_filename,
    export_text,
    preview_html,
    read_export,
)
from .model import (
    CLOSENESS,
    CONTACT_MODES,
    MAX_NICKNAME,
    MAX_PEOPLE,
    PLACE_CHOICES,
    Measures,
    Person,
    PersonalNetwork,
)
from .session import BuilderSession
from .storage import FILENAME, SaveError, default_path, delete_saved, open_network, save_network

__all__ = [
    "CLOSENESS",
    "CONTACT_MODES",
    "FILENAME",
    "MAX_NICKNAME",
    "MAX_PEOPLE",
    "PLACE_CHOICES",
    "BuilderSession",
    "ClassView",
    "Measures",
    "NetworkBuilder",
    "Person",
    "PersonalNetwork",
    "SaveError",
    "check_export",
    "combine",
    "default_path",
    "delete_saved",
    "demo_network",
    "export_anonymised",
    "export_data",
    "export_filename",
    "export_text",
    "open_network",
    "preview_html",
    "read_export",
    "save_network",
    "scratch_folder",
    "synthetic_class",
    "synthetic_network",
    "write_synthetic_class",
]
