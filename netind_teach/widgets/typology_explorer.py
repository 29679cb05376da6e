"""Lesson 02's explorers of the typology, over the *synthetic* East York sample.

* :class:`SampleBrowser`: pick a (synthetic) person; see their ego network drawn with
  its circles coloured, their three measures against their age group's medians, a few
  ego-network measures, and their type with the rule's reasons.
* :class:`RuleExplorer`: change the rule (which measures, medians or fixed numbers,
  medians within each age group or across the sample, which clause is checked first)
  and watch the shares of the three types, and one person's type, move.

Both are thin: they call :func:`netind_teach.typology.classify_sample`,
:func:`~netind_teach.typology.classify`, :func:`~netind_teach.typology.shares`,
:mod:`netind_teach.egonet` and :func:`netind_teach.egodraw.draw_person`, keep their state in
widget values and attributes, and never print. Drive them from Python: set a control's
``value`` (or call :meth:`SampleBrowser.show`), then read the attributes.

The sample is synthetic: the interviews of Wellman, Quan-Haase & Harper (2020) are not
public; see :mod:`netind_teach.synthetic`.

Examples
--------
>>> explorer = RuleExplorer()
>>> explorer.counts["networked"], explorer.moved
(35, 0)
>>> explorer.order.value = ("limited", "networked")
>>> explorer.moved > 0
True
>>> explorer.use["ties"].value = explorer.use["groups"].value = False
>>> explorer.use["diversity"].value = False
>>> explorer.message
'Tick at least one measure: the rule needs something to compare.'
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach import (
    a11y,
    collector,
    datasets,
    egodraw,
    egonet,
    figure_text,
    synthetic,
    typology,
)
from netind_teach.display import ShownAsBox
from netind_teach.errors import WrongInput
from netind_teach.explorer_html import message_html, table_html, type_share_bars
from netind_teach.quantities import format_number, side
from netind_teach.vocab import AGE_GROUPS, EGO, TYPES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RuleExplorer", "SampleBrowser"]

_MEASURE_NAMES = {
    "ties": "network size (ties)",
    "groups": "group involvement (groups)",
    "diversity": "diversity score (0-12)",
}
_COURSE_ORDER = ("networked", "limited")
_ORDER_OPTIONS = (
    ("networked checked first (course)", ("networked", "limited")),
    ("limited checked first", ("limited", "networked")),
)


# ---------------------------------------------------------------------- browser
class SampleBrowser(ShownAsBox):
    """Browse the synthetic East York sample one person at a time.

    Controls: ``type_filter`` (a list box, :func:`~netind_teach.choice_controls.option_list`:
    "all" or a type) narrows the list of
    people in ``person`` (Dropdown of person ids). Displays: ``image`` (the ego network,
    circles coloured, as a PNG), ``measures_html``, ``reasons_html``, ``status``.

    Parameters
    ----------
    person_id : int
        The person shown first.
    draw : bool
        Whether to draw the ego network (False skips the picture, e.g. in tests).

    Attributes (read them after a change)
    -------------------------------------
    person_id : int
        Who is shown.
    type : str
        Their type under the course rule.
    reasons : tuple of str
        The rule's reasons (:func:`netind_teach.typology.classify`).
    measures : dict
        ``{measure: (value, age-group median, "above"/"at"/"below")}``.
    network : dict
        Measures of the drawn ego network: ``alters``, ``ties_among_alters``,
        ``circles`` (by the alters' recorded ``circle``) and ``density``.
    message : str
        Why the last request was refused (empty when all is well).
    box : ipywidgets.VBox
        What is displayed.

    Examples
    --------
    >>> browser = SampleBrowser(draw=False)
    >>> browser.show(6)
    >>> browser.type, browser.measures["ties"]
    ('networked', (34, 34.0, 'at'))
    >>> browser.show(999)
    >>> browser.message
    'There is no person 999: the synthetic sample has people 1 to 101.'
    >>> browser.person_id
    6
    """

    def __init__(self, person_id: int = 1, *, draw: bool = True) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts
        from netind_teach.choice_controls import option_list  # imports ipywidgets

        self._draw = draw
        people = typology.classify_sample(datasets.load("east_york_synthetic"))
        self.table = people.set_index("person_id", drop=False)
        person_id = synthetic.check_person_id(person_id, self.table.index, "SampleBrowser")
        self.reference = typology.reference_medians("synthetic")
        self._alters = datasets.load("east_york_synthetic_alters")
        self._ties = datasets.load("east_york_synthetic_ties")
        self._graphs: dict[int, nx.Graph] = {}
        self._pictures: dict[int, bytes] = {}
        self._picture: egodraw.EgoPicture | None = None  # made for the first drawing

        self.person_id = 0
        self.type = ""
        self.reasons: tuple[str, ...] = ()
        self.measures: dict[str, tuple[float, float, str]] = {}
        self.network: dict[str, Any] = {}
        self.message = ""

        self.type_filter = option_list(
            [(choice, choice) for choice in ("all", *TYPES)], "Show:", visible=True
        )
        self.type_filter.value = "all"
        self.person = widget_parts.control(
            widgets.Dropdown,
            options=synthetic.person_choices(self.table),
            value=person_id,
            description="Person:",
            layout=dict(width="22em"),
        )
        self.image = a11y.image(
            format="png", layout=widget_parts.shared(widgets.Layout, max_width="400px")
        )
        self.key_html = widget_parts.html()
        self.measures_html = widget_parts.html()
        self.reasons_html = widget_parts.html()
        self.status = widget_parts.html()
        self.type_filter.observe(self._on_filter, names="value")
        self.person.observe(self._on_person, names="value")
        self.box = widget_parts.vbox(
            [
                widget_parts.html(
                    "<b>Synthetic East York sample</b> (made-up people, calibrated to the "
                    "published figures of Wellman, Quan-Haase &amp; Harper 2020)"
                ),
                widget_parts.hbox([self.type_filter]),
                self.person,
                self.status,
                widget_parts.hbox([self.image, self.key_html]),
                widget_parts.hbox([self.measures_html, self.reasons_html]),
            ]
        )
        self._update()

    # -- choosing -------------------------------------------------------------------
    def show(self, person_id: Any) -> None:
        """Show one person (by id); a bad id sets :attr:`message` and changes nothing."""
        try:
            pid = synthetic.check_person_id(person_id, self.table.index)
        except WrongInput as exc:
            self.message = str(exc)
            self.status.value = message_html(self.message)
            return
        if pid not in [value for _, value in self.person.options]:
            self.type_filter.value = "all"
        if self.person.value == pid:
            self._update()
        else:
            self.person.value = pid  # the observer updates the display

    def _on_filter(self, change: dict[str, Any]) -> None:
        chosen = change["new"]
        rows = self.table if chosen == "all" else self.table[self.table["type"] == chosen]
        options = synthetic.person_choices(rows)
        current = self.person.value
        self.person.options = options  # may reset value to the first option
        if current in [value for _, value in options]:
            self.person.value = current
        self._update()

    def _on_person(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self._update()

    def _update(self) -> None:
        pid = self.person.value
        if pid is None:
            return
        self.message = ""
        self.status.value = ""
        self.person_id = int(pid)
        row = self.table.loc[self.person_id]
        person = {m: int(row[m]) for m in typology.MEASURES} | {"age_group": row["age_group"]}
        result = typology.classify(person, self.reference)
        self.type, self.reasons = result.type, result.reasons
        self.measures = {
            m: (person[m], result.thresholds[m], side(person[m], result.thresholds[m]))
            for m in typology.MEASURES
        }
        if self.person_id not in self._graphs:  # a person's network never changes
            people = self.table[list(synthetic.PEOPLE_COLUMNS)]
            self._graphs[self.person_id] = synthetic.egonet_of(
                self.person_id, self._alters, self._ties, people
            )
        G = self._graphs[self.person_id]
        n_alters = G.degree(EGO)
        self.network = {
            "alters": n_alters,
            "ties_among_alters": G.number_of_edges() - n_alters,
            "circles": len(egonet.circles(G, method="attribute")),
            "density": egonet.alter_density(G),
        }
        self._write_text(row)
        if self._draw:
            if self.person_id not in self._pictures:  # a person's picture never changes
                with collector.paused():
                    self._pictures[self.person_id] = self._png(G)
            self.image.value = self._pictures[self.person_id]
            title = f"Synthetic person {self.person_id} ({row['age_group']}): {self.type}"
            a11y.describe_image(self.image, figure_text.describe_ego(G, title=title))
            self.key_html.value = egodraw.person_key_html(G, title=title)

    def _write_text(self, row: Any) -> None:
        group = html.escape(str(row["age_group"]))
        rows = [
            [_MEASURE_NAMES[m], format_number(v, ".1f"), format_number(t, ".1f"), word]
            for m, (v, t, word) in self.measures.items()
        ]
        net = self.network
        rows += [
            ["<i>as drawn:</i> alters", str(net["alters"]), "", ""],
            ["ties among alters", str(net["ties_among_alters"]), "", ""],
            ["circles", str(net["circles"]), "", ""],
            ["density among alters", f"{net['density']:.2f}", "", "not measured by the study"],
        ]
        self.measures_html.value = (
            f"<b>Synthetic person {self.person_id}</b>, age {row['age']} ({group})"
            + table_html(["measure", "this person", f"median, ages {group}", ""], rows)
        )
        items = "".join(f"<li>{html.escape(r)}</li>" for r in self.reasons)
        self.reasons_html.value = f"<b>Type: {self.type}</b><ul>{items}</ul>"

    def _png(self, G: nx.Graph) -> bytes:
        # One figure for the browser's life; title and key are HTML beside the picture.
        if self._picture is None:
            self._picture = egodraw.EgoPicture((4.6, 4.6), dpi=72)
        ax = self._picture.axes()
        egodraw.draw_person(G, ax=ax, seed=self.person_id, title="", legend=False)
        return self._picture.png()

    def __repr__(self) -> str:
        return f"SampleBrowser(person {self.person_id}: {self.type})"


# ---------------------------------------------------------------------- rule explorer
class RuleExplorer(ShownAsBox):
    """Change the typology rule and watch the shares, and one person's type, move.

    Parameters
    ----------
    person_id : int
        The person followed at the start.

    Controls
    --------
    use : dict of ipywidgets.Checkbox
        Which measures the rule compares (``use["ties"]``, ``use["groups"]``,
        ``use["diversity"]``).
    thresholds : ipywidgets.Select
        ``"median"`` or ``"fixed"`` (the numbers in ``fixed``). Like ``scope`` and
        ``order``, a list box (:func:`~netind_teach.choice_controls.option_list`) whose
        chosen option screen readers announce as selected.
    scope : ipywidgets.Select
        For medians: ``"age group median"`` (the study's choice) or ``"sample median"``.
    fixed : dict of ipywidgets.BoundedIntText
        Fixed thresholds per measure (start at the synthetic sample's medians), number
        boxes held to 0..the sample's largest value; greyed out (no Tab stop) until
        ``thresholds`` is ``"fixed"``.
    order : ipywidgets.Select
        Which clause is checked first: ``("networked", "limited")`` (the course) or
        ``("limited", "networked")``.
    person : Dropdown
        The person to follow.

    Attributes (read them after a change)
    -------------------------------------
    rule : typology.Rule
        The rule in force.
    classified : pandas.DataFrame
        :func:`~netind_teach.typology.classify_sample` of the sample under ``rule``.
    shares : pandas.DataFrame
        :func:`~netind_teach.typology.shares` of ``classified`` (percent; rows "all" and
        the age groups).
    counts : dict
        People of each type under ``rule``.
    flows : dict
        :func:`~netind_teach.typology.transitions` from the course rule to ``rule``:
        ``{(type before, type after): people}``.
    moved : int
        People whose type differs from the course rule's.
    person_type, person_reasons
        The followed person's type under ``rule``, and the rule's reasons.
    message : str
        Why the last setting was refused (the previous results stay); empty when fine.

    Examples
    --------
    >>> explorer = RuleExplorer(person_id=6)
    >>> explorer.scope.value = "sample median"
    >>> explorer.rule.thresholds, explorer.moved > 0
    ('sample median', True)
    """

    def __init__(self, person_id: int = 6) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts
        from netind_teach.choice_controls import option_list  # imports ipywidgets

        people: pd.DataFrame = datasets.load("east_york_synthetic")
        person_id = synthetic.check_person_id(person_id, people["person_id"], "RuleExplorer")
        self.people = people
        self.baseline = typology.classify_sample(people)
        self._references = {
            "age group median": typology.reference_medians("synthetic", by="age group"),
            "sample median": typology.reference_medians("synthetic", by="sample"),
        }
        self.rule = typology.COURSE_RULE
        self.classified = self.baseline
        self.shares = typology.shares(self.baseline)
        self.counts: dict[str, int] = {}
        self.flows: dict[tuple[str, str], int] = {}
        self.moved = 0
        self.person_type = ""
        self.person_reasons: tuple[str, ...] = ()
        self.message = ""

        self.use = {
            m: widget_parts.control(
                widgets.Checkbox, value=True, description=m, indent=False, layout={"width": "9em"}
            )
            for m in typology.MEASURES
        }
        # List boxes, not toggle buttons: the chosen option is exposed as selected.
        self.thresholds = option_list(
            [("medians", "median"), ("fixed numbers", "fixed")], "Compare with:", visible=True
        )
        self.thresholds.value = "median"
        self.scope = option_list(
            [
                ("within each age group", "age group median"),
                ("across the whole sample", "sample median"),
            ],
            "Medians:",
            visible=True,
        )
        self.scope.value = "age group median"
        self.fixed = {
            m: a11y.number_box(
                f"fixed number for {m}",
                int(people[m].median()),
                0,
                int(people[m].max()),
                disabled=True,
            )
            for m in typology.MEASURES
        }
        self.order = option_list(list(_ORDER_OPTIONS), "Tie-break:", visible=True)
        self.order.value = _COURSE_ORDER
        self.person = widget_parts.control(
            widgets.Dropdown,
            options=synthetic.person_choices(people),
            value=person_id,
            description="Follow:",
            layout=dict(width="22em"),
        )
        self.status = widget_parts.html()
        self.rule_html = widget_parts.html()
        self.chart = widget_parts.html()
        self.table_html = widget_parts.html()
        self.person_html = widget_parts.html()
        self.moved_html = widget_parts.html()
        controls: list[Any] = [*self.use.values(), self.thresholds, self.scope, self.order]
        controls += [*self.fixed.values(), self.person]
        for control in controls:
            control.observe(self._on_change, names="value")
        self.box = widget_parts.vbox(
            [
                widget_parts.html("<b>Measures the rule compares:</b>"),
                widget_parts.hbox(list(self.use.values())),
                widget_parts.hbox([self.thresholds, self.scope]),
                widget_parts.hbox(list(self.fixed.values())),
                self.order,
                self.person,
                self.status,
                widget_parts.hbox([self.chart, self.table_html]),
                self.person_html,
                self.moved_html,
                self.rule_html,
            ]
        )
        self._update()

    def _on_change(self, change: dict[str, Any]) -> None:
        self._update()

    def _current_rule(self) -> typology.Rule:
        measures = tuple(m for m, box in self.use.items() if box.value)
        if not measures:
            raise ValueError("Tick at least one measure: the rule needs something to compare.")
        if self.thresholds.value == "fixed":
            thresholds: Any = {m: self.fixed[m].value for m in measures}
        else:
            thresholds = self.scope.value
        return replace(
            typology.COURSE_RULE, measures=measures, thresholds=thresholds, order=self.order.value
        )

    def _update(self) -> None:
        fixed = self.thresholds.value == "fixed"
        self.scope.disabled = fixed
        for number in self.fixed.values():
            number.disabled = not fixed
        try:
            rule = self._current_rule()
        except (TypeError, ValueError) as exc:
            self.message = str(exc)
            self.status.value = message_html(self.message)
            return
        self.message = ""
        self.status.value = ""
        self.rule = rule
        self.classified = typology.classify_sample(self.people, rule)
        self.shares = typology.shares(self.classified).reindex(["all", *AGE_GROUPS])
        counts = self.classified["type"].value_counts()
        self.counts = {t: int(counts.get(t, 0)) for t in TYPES}
        self.flows = typology.transitions(self.baseline, self.classified)
        self.moved = sum(self.flows.values())
        pid = self.person.value
        row = self.people.loc[self.people["person_id"] == pid].iloc[0]
        person = {m: int(row[m]) for m in rule.measures} | {"age_group": row["age_group"]}
        reference = None if fixed else self._references[self.scope.value]
        result = typology.classify(person, reference, rule)
        self.person_type, self.person_reasons = result.type, result.reasons
        self._write(pid, row)

    def _write(self, pid: int, row: Any) -> None:
        self.chart.value = type_share_bars(self.shares, "Types under this rule (synthetic sample)")
        published = typology.published_shares()
        overall = published[published["age_group"] == "all"].set_index("type")["percent"]
        course = typology.shares(self.baseline, by=None).loc["all"]
        rows = [
            [
                t,
                f"{self.shares.loc['all', t]:.1f}% ({self.counts[t]})",
                f"{course[t]:.1f}%",
                f"{overall[t]:.0f}%",
            ]
            for t in TYPES
        ]
        self.table_html.value = table_html(["type", "this rule", "course rule", "published"], rows)
        before = self.baseline.loc[row.name, "type"]
        moved_word = "same as" if before == self.person_type else "was"
        items = "".join(f"<li>{html.escape(r)}</li>" for r in self.person_reasons)
        self.person_html.value = (
            f"<b>Synthetic person {pid}</b> ({html.escape(str(row['age_group']))}): "
            f"<b>{self.person_type}</b> ({moved_word} {before} under the course rule)"
            f"<ul>{items}</ul>"
        )
        moves = ", ".join(f"{n} {a} → {b}" for (a, b), n in self.flows.items())
        self.moved_html.value = (
            f"<b>{self.moved} of {len(self.people)}</b> people have another type than under "
            f"the course rule" + (f": {html.escape(moves)}." if moves else ".")
        )
        self.rule_html.value = f"<pre>{html.escape(self.rule.describe())}</pre>"

    def __repr__(self) -> str:
        shares = ", ".join(f"{t} {self.shares.loc['all', t]:.1f}%" for t in TYPES)
        return f"RuleExplorer({shares}; {self.moved} moved)"
