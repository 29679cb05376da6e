"""One builder session: the network being built, its file, undo and the export gate.

Everything the network builder decides lives here, without a widget, so it can be tested
and used from plain Python:

* every change is applied to a copy-safe :class:`PersonalNetwork`, refused changes leave it
  exactly as it was, and each accepted change is remembered for :meth:`BuilderSession.undo`
  (up to :data:`HISTORY` steps);
* every change is saved at once -- unless the file was changed or deleted since this
  session last saw it (in another notebook, or by hand): then it is left alone and the
  message says to run the cell again. The check and the write are one step under the
  file's lock (:mod:`netind_teach.store`);
* the anonymised export is written only when it is exactly what the last
  :meth:`~BuilderSession.export_preview` showed;
* the measures and the type (against the chosen medians) follow every change.

No method raises for a learner's input: each returns True/False (or None) and leaves a
sentence in :attr:`BuilderSession.message` (:attr:`~BuilderSession.error` says whether it
reports a problem). :class:`~netind_teach.mynetwork.NetworkBuilder` shows a session and wires
its controls to these methods.

Examples
--------
>>> import tempfile
>>> s = BuilderSession(tempfile.mkdtemp())
>>> s.add("Sam", "friend"), s.add("Ola", "friend"), s.link("Sam", "Ola")
(True, True, True)
>>> s.measures.circles, s.message
(1, 'Sam and Ola now know each other. Saved.')
>>> s.link("Sam", "Sam"), s.error
(False, True)
>>> s.undo(), s.measures.links
(True, 0)
>>> s.export_anonymised() is None, s.message.startswith("Preview the export first")
(True, True)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from netind_teach import store, typology
from netind_teach.widget_guard import guard
from netind_teach.wording import short

from .export import export_anonymised, export_text
from .fileformat import MAX_FILE_BYTES
from .model import (
    MAX_PEOPLE,
    REFERENCES,
    Measures,
    Person,
    PersonalNetwork,
    measures_of,
    reference_and_rule,
)
from .storage import SaveError, file_text, open_network, save_network

__all__ = ["HISTORY", "NO_AGE", "BuilderSession", "EditView", "edit_view"]

#: How many changes :meth:`BuilderSession.undo` can take back.
HISTORY = 100
#: What an unset age group is called.
NO_AGE = "prefer not to say"


class BuilderSession:
    """The state and rules of one network builder (no widgets).

    Parameters
    ----------
    path : path, optional
        The file (or a folder for ``my_network.json`` inside it). Default:
        ``my_network.json`` in the working folder.
    start : PersonalNetwork, optional
        Used when no file exists yet at ``path``; it is saved there at once.
    reference : {"published", "synthetic"}
        Medians the type is computed against (see :meth:`set_reference`).

    Attributes
    ----------
    network : PersonalNetwork
        The network as it is now.
    path : pathlib.Path
        Where it is saved.
    can_save : bool
        False when an existing file could not be read (it is then never overwritten).
    message : str
        The last message.
    error : bool
        True when :attr:`message` reports a problem.
    last_error : str
        Description of the last *unexpected* error ("" if none).
    last_export : pathlib.Path or None
        The last export written.
    revision : int
        Counts the changes to :attr:`network` (a view redraws when it moves).

    Examples
    --------
    >>> import tempfile
    >>> s = BuilderSession(tempfile.mkdtemp())
    >>> s.message
    'A new, empty network: add someone to start (nothing is saved yet).'
    >>> s.add("Sam"), s.type in ("networked", "bounded", "limited")
    (True, True)
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        start: PersonalNetwork | None = None,
        reference: str = "published",
    ) -> None:
        if reference not in REFERENCES:
            reference_and_rule(reference)  # raises the clear message
        if start is not None and not isinstance(start, PersonalNetwork):
            raise TypeError(f"start must be a PersonalNetwork, not {type(start).__name__}.")
        opened = open_network(path)
        self.path: Path = opened.path
        self.can_save: bool = opened.can_save
        self.reference = reference
        self.message = ""
        self.error = False
        self.last_error = ""
        self.last_export: Path | None = None
        self.revision = 0
        self._history: list[dict[str, Any]] = []
        self._previewed: str | None = None
        self._refs: dict[str, tuple[typology.Reference, typology.Rule]] = {}
        # What this session last saw in its file: a save never replaces a file that was
        # changed (or deleted) since, by another notebook or by hand.
        self._on_disk: str | None = None
        notes = [opened.message] if opened.message else []
        if opened.network is not None:
            self._on_disk = file_text(opened.network)
            self.network = opened.network
            notes.append(f"Loaded your network ({len(self.network)} people) from {self.path.name}.")
        elif start is not None and self.can_save and opened.set_aside is None:
            self.network = start.copy()
            notes.append(f"Started from the demo network. {self._save()}")
        else:
            self.network = PersonalNetwork()
            if self.can_save and not opened.message:
                notes.append("A new, empty network: add someone to start (nothing is saved yet).")
        self._evaluate()
        self.say(" ".join(notes), error=bool(opened.message))

    # -- what a view shows ---------------------------------------------------------------
    @property
    def graph(self) -> nx.Graph:
        """The network as a graph with nicknames (what is drawn), as of the last change."""
        return self._graph

    @property
    def measures(self) -> Measures:
        """The network's measures."""
        return self._measures

    @property
    def classification(self) -> typology.Classification:
        """The type against :attr:`reference`'s medians, with its reasons."""
        return self._classification

    @property
    def type(self) -> str:
        """The network's type ("" while it is empty)."""
        return self._classification.type if len(self.network) else ""

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons of :attr:`type` (none while the network is empty)."""
        return tuple(self._classification.reasons) if len(self.network) else ()

    @property
    def previewed(self) -> bool:
        """True when an export preview was shown since the last change."""
        return self._previewed is not None

    @property
    def undo_steps(self) -> int:
        """How many changes :meth:`undo` can take back now."""
        return len(self._history)

    def say(self, text: str, *, error: bool = False) -> None:
        """Set :attr:`message` (and :attr:`error`): the sentence a view shows next.

        Parameters
        ----------
        text : str
            One or more sentences.
        error : bool
            True when it reports a problem.
        """
        self.message, self.error = text, error

    def fail(self, exc: BaseException) -> None:
        """Report an unexpected error: remember it in :attr:`last_error` and say so.

        Parameters
        ----------
        exc : BaseException
            What was raised.
        """
        self.last_error = f"{type(exc).__name__}: {exc}"
        self.say(
            f"Something unexpected went wrong ({short(self.last_error, 80)}); your network "
            "was not changed.",
            error=True,
        )

    def set_reference(self, reference: str) -> bool:
        """Compare with the ``"published"`` or ``"synthetic"`` medians; True when set.

        Parameters
        ----------
        reference : {"published", "synthetic"}
            Which medians.

        Returns
        -------
        bool
            False (with a message) for any other value.
        """
        if reference not in REFERENCES:
            self.say(
                f"Compare with {short(reference)}? Fix: choose one of {', '.join(REFERENCES)}.",
                error=True,
            )
            return False
        self.reference = reference
        self._classify()
        return True

    # -- changing (never raises) -----------------------------------------------------------
    def add(
        self,
        nickname: Any,
        category: Any = "friend",
        *,
        closeness: Any = "close",
        contact: Any = "in person",
        place: Any = "local",
    ) -> bool:
        """Add a person (see :meth:`PersonalNetwork.add`); True when added.

        Parameters
        ----------
        nickname, category, closeness, contact, place : str
            As :meth:`PersonalNetwork.add` takes them.

        Returns
        -------
        bool
            False, with the reason in :attr:`message`, when refused.
        """

        def action() -> str:
            person = self.network.add(
                nickname, category, closeness=closeness, contact=contact, place=place
            )
            left = MAX_PEOPLE - len(self.network)
            tail = f" ({left} more can be added.)" if left <= 10 else ""
            return f"Added {person.nickname} ({person.category}).{tail}"

        return self._change(action)

    def edit(self, who: Any, **changes: Any) -> bool:
        """Change a person's nickname or choices; True when changed.

        Parameters
        ----------
        who : Person or str
            The person (or a nickname).
        **changes : str
            New ``nickname``, ``category``, ``closeness``, ``contact`` or ``place``.

        Returns
        -------
        bool
            False, with the reason in :attr:`message`, when refused.
        """

        def action() -> str:
            return f"Updated {self.network.edit(who, **changes).nickname}."

        return self._change(action)

    def delete(self, who: Any) -> bool:
        """Delete a person and their links (:meth:`undo` brings them back).

        Parameters
        ----------
        who : Person or str
            The person (or a nickname).

        Returns
        -------
        bool
            True when deleted.
        """

        def action() -> str:
            return f"Deleted {self.network.remove(who).nickname} (Undo brings them back)."

        return self._change(action)

    def link(self, a: Any, b: Any) -> bool:
        """Record that two people know each other.

        Parameters
        ----------
        a, b : Person or str
            The two people (or nicknames).

        Returns
        -------
        bool
            True when done.
        """
        return self._set_link(a, b, knows=True)

    def unlink(self, a: Any, b: Any) -> bool:
        """Record that two people do not know each other.

        Parameters
        ----------
        a, b : Person or str
            The two people (or nicknames).

        Returns
        -------
        bool
            True when done.
        """
        return self._set_link(a, b, knows=False)

    def set_knows(self, who: Any, others: Iterable[Any]) -> bool:
        """Make ``others`` exactly the people ``who`` knows.

        Parameters
        ----------
        who : Person or str
            The person (or a nickname).
        others : iterable of Person or str
            Everyone they know.

        Returns
        -------
        bool
            True when done.
        """

        def action() -> str:
            self.network.set_knows(who, others)
            person = self.network.find(who)
            return f"{person.nickname} knows {len(self.network.knows(person))} of your people."

        return self._change(action)

    def set_knows_ids(self, person_id: Any, ids: Iterable[Any]) -> bool:
        """Make the people with ``ids`` exactly those the person ``person_id`` knows.

        Ids are never read as nicknames (someone may be nicknamed "P2" while another is
        stored as ``p2``); unknown ids are ignored.

        Parameters
        ----------
        person_id : str
            The person's id (``"p1"``).
        ids : iterable of str
            The ids of everyone they know.

        Returns
        -------
        bool
            True when done; False (with a message) when no one has ``person_id``.
        """
        person = self.person(person_id)
        if person is None:
            self.say("Choose a person first.", error=True)
            return False
        wanted = set(ids)
        return self.set_knows(person, [p for p in self.network.people if p.id in wanted])

    def set_age_group(self, age_group: Any) -> bool:
        """Set your age group ("" or None: prefer not to say).

        Parameters
        ----------
        age_group : str or None
            One of :data:`netind_teach.vocab.AGE_GROUPS`.

        Returns
        -------
        bool
            True when set.
        """

        def action() -> str:
            self.network.set_age_group(age_group)
            return f"Age group: {self.network.age_group or NO_AGE}."

        return self._change(action)

    def set_groups(self, groups: Any) -> bool:
        """Set how many social groups you take part in.

        Parameters
        ----------
        groups : int
            A whole number from 0.

        Returns
        -------
        bool
            True when set.
        """

        def action() -> str:
            self.network.set_groups(groups)
            return f"Groups: {self.network.groups}."

        return self._change(action)

    def undo(self) -> bool:
        """Undo the last change (up to :data:`HISTORY` steps).

        Returns
        -------
        bool
            True when something was undone.
        """
        if not self._history:
            self.say("Nothing to undo.")
            return False
        self.network = PersonalNetwork.from_dict(self._history.pop())
        self._changed()
        saved = self._save()
        self.say(f"Undone. {saved}", error=saved.startswith("Not saved"))
        return True

    def person(self, person_id: Any) -> Person | None:
        """Return the person with id ``person_id``, or None (never read as a nickname).

        Parameters
        ----------
        person_id : str
            An id such as ``"p1"``.

        Returns
        -------
        Person or None
            The person, or None when no one has that id.
        """
        try:
            return self.network.by_id(person_id)
        except KeyError:
            return None

    # -- export -------------------------------------------------------------------------
    def export_preview(self) -> str:
        """Return the exact text an export would hold, and open the gate to write it.

        Returns
        -------
        str
            The export's text.
        """
        text = export_text(self.network)
        self._previewed = text
        self.say("This is exactly what the export will contain. Press 'Write export' to save it.")
        return text

    def export_anonymised(self, path: str | os.PathLike[str] | None = None) -> Path | None:
        """Write the anonymised export, if it is exactly what the last preview showed.

        Parameters
        ----------
        path : path, optional
            A file or folder (default: the folder of the network file).

        Returns
        -------
        pathlib.Path or None
            The file written, or None (with a message) when there was no preview of this
            network, or it could not be written.
        """
        if self._previewed is None or self._previewed != export_text(self.network):
            self.say(
                "Preview the export first (Export tab, or export_preview()), so you see "
                "exactly what will be written.",
                error=True,
            )
            return None
        try:
            written = export_anonymised(self.network, self.path.parent if path is None else path)
        except (SaveError, TypeError) as exc:
            self.say(str(exc), error=True)
            return None
        self.last_export = written
        self.say(
            f"Export written to {written}. It holds exactly the text previewed; share this "
            "file only if you want to."
        )
        return written

    # -- internals ------------------------------------------------------------------------
    def _set_link(self, a: Any, b: Any, *, knows: bool) -> bool:
        def action() -> str:
            (self.network.link if knows else self.network.unlink)(a, b)
            names = f"{self.network.find(a).nickname} and {self.network.find(b).nickname}"
            if knows:
                return f"{names} now know each other."
            return f"{names} no longer marked as knowing each other."

        return self._change(action)

    def _change(self, action: Callable[[], str]) -> bool:
        snapshot = self.network.to_dict()
        try:
            done = action()
        except (ValueError, TypeError, KeyError) as exc:
            self.network = PersonalNetwork.from_dict(snapshot)
            self.say(str(exc.args[0]) if exc.args else str(exc), error=True)
            return False
        except Exception:  # the learner's network must survive any bug
            self.network = PersonalNetwork.from_dict(snapshot)
            with guard(self.fail):  # shown to the learner; re-raised in strict mode (tests)
                raise
            return False
        if self.network.to_dict() == snapshot:
            self.say(done)
            return True
        self._history = [*self._history[-(HISTORY - 1) :], snapshot]
        self._changed()
        saved = self._save()
        self.say(f"{done} {saved}".strip(), error=saved.startswith("Not saved"))
        return True

    def _changed(self) -> None:
        self.revision += 1
        self._previewed = None
        self._evaluate()

    def _evaluate(self) -> None:
        self._graph = self.network.to_graph(names=True)
        self._measures = measures_of(self._graph, self.network.groups)
        self._classify()

    def _classify(self) -> None:
        if self.reference not in self._refs:
            self._refs[self.reference] = reference_and_rule(self.reference)
        ref, rule = self._refs[self.reference]
        self._classification = typology.classify(
            self._measures.for_typology(self.network.age_group), ref, rule
        )

    def _save(self) -> str:
        """Save unless the file changed since this session last saw it.

        The check and the write are one step under the file's lock, so no other kernel
        can slip in between.
        """
        if not self.can_save:
            return "Not saved (your existing file could not be read)."
        text = file_text(self.network)
        try:
            with store.lock(self.path):
                current = _current_text(self.path)
                if current != self._on_disk:
                    what = "deleted" if current is None else "changed"
                    return (
                        f"Not saved: {self.path.name} was {what} since this builder opened it "
                        "(in another notebook, or by hand), and it is not replaced. Fix: run "
                        "the builder's cell again to load the file as it is now."
                    )
                save_network(self.network, self.path)
        except store.WriteError as exc:
            return f"Not saved: {exc}"
        self._on_disk = text
        return "Saved."


def _current_text(path: Path) -> str | None:
    """Return the file's text now: None when it is gone, a marker when it cannot be read."""
    try:
        return store.read_bytes(path, MAX_FILE_BYTES).decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    except store.FileProblem:
        return "unreadable"


@dataclass(frozen=True)
class EditView:
    """What the edit controls show: the people to choose from and the chosen one's entries.

    Parameters
    ----------
    options : tuple of (str, str)
        (nickname, id) of everyone, in order.
    chosen : Person or None
        The person being edited (None while the network is empty).
    knows_options : tuple of (str, str)
        (nickname, id) of everyone else.
    knows : tuple of str
        Ids of those the chosen person knows.
    """

    options: tuple[tuple[str, str], ...]
    chosen: Person | None
    knows_options: tuple[tuple[str, str], ...]
    knows: tuple[str, ...]


def edit_view(network: PersonalNetwork, current: Any = None) -> EditView:
    """Return what the edit controls show when ``current`` (an id) was chosen before.

    The chosen person stays chosen while they exist; otherwise the first person is.

    Parameters
    ----------
    network : PersonalNetwork
        The network.
    current : str, optional
        The id chosen before.

    Returns
    -------
    EditView
        Options, chosen person and whom they know.

    Examples
    --------
    >>> net = PersonalNetwork()
    >>> _ = net.add("Sam", "friend"), net.add("Ola", "friend"), net.link("Sam", "Ola")
    >>> view = edit_view(net, "p2")
    >>> view.chosen.nickname, view.knows_options, view.knows
    ('Ola', (('Sam', 'p1'),), ('p1',))
    >>> edit_view(net, "p9").chosen.nickname
    'Sam'
    """
    people = network.people
    ids = {p.id for p in people}
    chosen_id = current if current in ids else (people[0].id if people else None)
    options = tuple((p.nickname, p.id) for p in people)
    if chosen_id is None:
        return EditView(options, None, (), ())
    chosen = network.by_id(chosen_id)
    return EditView(
        options,
        chosen,
        tuple((p.nickname, p.id) for p in people if p.id != chosen_id),
        tuple(p.id for p in network.knows(chosen)),
    )
