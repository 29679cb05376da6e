"""Where the course is published: the one place that names its repository.

Every link to the published course is built from the three settings below: the README's
Binder badge and clone command, the Binder and JupyterHub links in ``docs/``, the static
site's launch links and the tests. To publish the course, set :data:`REPOSITORY` (and,
for a class, :data:`BINDER_REF` to a tag), then run ``make docs``: it rewrites the links
in the README and ``docs/`` with :func:`refresh_links`, and a test fails while any copy
disagrees with this module.

While :data:`REPOSITORY` is the placeholder ``OWNER/netind-teach`` there is no Binder to
link to: :func:`is_published` is false and the static site says so instead of linking a
dead address.

Examples
--------
>>> binder_url("01_origins.ipynb").endswith("?urlpath=lab/tree/lessons/01_origins.ipynb")
True
>>> refresh_links("see https://github.com/someone/old-name.git") == (
...     f"see {repository_url()}.git")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

__all__ = [
    "BINDER_REF",
    "BRANCH",
    "PLACEHOLDER",
    "REPOSITORY",
    "binder_url",
    "is_published",
    "linked_files",
    "nbgitpuller_url",
    "refresh_files",
    "refresh_links",
    "repository_url",
]

#: The placeholder used until the course has a public repository.
PLACEHOLDER = "OWNER/netind-teach"
#: GitHub ``owner/name`` of the course's repository.
REPOSITORY = PLACEHOLDER
#: The branch or tag Binder links open (``HEAD``: the default branch; a tag for a class).
BINDER_REF = "HEAD"
#: The branch a hub's nbgitpuller link pulls.
BRANCH = "main"

_FIRST_LESSON = "00_welcome.ipynb"


def is_published() -> bool:
    """Return True once :data:`REPOSITORY` names a real repository (not the placeholder).

    Returns
    -------
    bool
        Whether the course's links lead somewhere.

    Examples
    --------
    >>> is_published() == (REPOSITORY != PLACEHOLDER)
    True
    """
    return REPOSITORY != PLACEHOLDER


def repository_url() -> str:
    """Return the repository's address on GitHub.

    Returns
    -------
    str
        ``https://github.com/OWNER/NAME``.

    Examples
    --------
    >>> repository_url().startswith("https://github.com/")
    True
    """
    return f"https://github.com/{REPOSITORY}"


def binder_url(lesson: str = _FIRST_LESSON) -> str:
    """Return the Binder address that opens ``lesson`` (a file in ``lessons/``) in JupyterLab.

    Parameters
    ----------
    lesson : str
        A lesson's file name (``""``: the lessons folder).

    Returns
    -------
    str
        The address.

    Examples
    --------
    >>> binder_url().startswith("https://mybinder.org/v2/gh/")
    True
    """
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/{BINDER_REF}?urlpath=lab/tree/lessons/{lesson}"


def nbgitpuller_url(hub: str = "HUB", lesson: str = _FIRST_LESSON) -> str:
    """Return the JupyterHub link that clones the course and opens ``lesson``.

    nbgitpuller clones into a folder named after the repository, so ``urlpath`` starts
    with that name.

    Parameters
    ----------
    hub : str
        The hub's address (``HUB`` is a placeholder for the instructor to replace).
    lesson : str
        A lesson's file name.

    Returns
    -------
    str
        The link.

    Examples
    --------
    >>> "&branch=main&" in nbgitpuller_url()
    True
    """
    name = REPOSITORY.split("/")[-1]
    repo = quote(repository_url(), safe="")
    path = quote(f"lab/tree/{name}/lessons/{lesson}", safe="")
    return f"https://{hub}/hub/user-redirect/git-pull?repo={repo}&branch={BRANCH}&urlpath={path}"


_SEGMENT = r"[A-Za-z0-9_.-]+"
# Each shape of link to the course in the README and docs/, and its current form.
_LINK_SHAPES: tuple[tuple[str, Callable[[], str]], ...] = (
    (rf"https://mybinder\.org/v2/gh/{_SEGMENT}/{_SEGMENT}/{_SEGMENT}\?urlpath=lab/tree/lessons/",
     lambda: binder_url("")),
    (rf"https://github\.com/{_SEGMENT}/{_SEGMENT}?\.git\b", lambda: f"{repository_url()}.git"),
    # `git clone ....git && cd NAME`: the clone's folder is named after the repository
    (rf"\.git && cd {_SEGMENT}", lambda: f".git && cd {REPOSITORY.split('/')[-1]}"),
    (rf"git-pull\?repo=https%3A%2F%2Fgithub\.com%2F{_SEGMENT}%2F{_SEGMENT}&branch={_SEGMENT}"
     rf"&urlpath=lab%2Ftree%2F{_SEGMENT}%2Flessons%2F",
     lambda: nbgitpuller_url(lesson="").split("/hub/user-redirect/", 1)[1]),
    # the decoded nbgitpuller parameters, one table row each in docs/jupyterhub.md
    (rf"\| `repo` \| `https://github\.com/{_SEGMENT}/{_SEGMENT}` \|",
     lambda: f"| `repo` | `{repository_url()}` |"),
    (rf"\| `branch` \| `{_SEGMENT}` \|", lambda: f"| `branch` | `{BRANCH}` |"),
    (rf"\| `urlpath` \| `lab/tree/{_SEGMENT}/lessons/",
     lambda: f"| `urlpath` | `lab/tree/{REPOSITORY.split('/')[-1]}/lessons/"),
)


def refresh_links(text: str) -> str:
    """Return ``text`` with every link to the course rewritten from this module's settings.

    Rewrites Binder links, ``git clone`` addresses and nbgitpuller links (encoded, and the
    table of its decoded parameters); everything else is left as it is.

    Parameters
    ----------
    text : str
        Markdown or HTML.

    Returns
    -------
    str
        The text with the links rewritten.

    Examples
    --------
    >>> old = "https://mybinder.org/v2/gh/a/b/v1?urlpath=lab/tree/lessons/02_typology.ipynb"
    >>> refresh_links(old) == binder_url("02_typology.ipynb")
    True
    """
    for pattern, current in _LINK_SHAPES:
        text = re.sub(pattern, _made_by(current), text)
    return text


def _made_by(make: Callable[[], str]) -> Callable[[re.Match[str]], str]:
    """Return a ``re.sub`` replacement that is ``make()``'s text, taken as it is."""
    return lambda _match: make()


def linked_files(root: str | Path) -> list[Path]:
    """Return the files under ``root`` that link to the course: README, CONTRIBUTING, docs.

    Parameters
    ----------
    root : str or Path
        The repository folder.

    Returns
    -------
    list of Path
        The files that exist, README first.

    Examples
    --------
    >>> [p.name for p in linked_files(Path(__file__).parent.parent)][0]
    'README.md'
    """
    root = Path(root)
    found = [root / "README.md", root / "CONTRIBUTING.md"]
    docs = root / "docs"
    found += sorted(docs.glob("*.md")) if docs.is_dir() else []
    return [path for path in found if path.is_file()]


def refresh_files(root: str | Path) -> list[Path]:
    """Rewrite the course's links in :func:`linked_files`; return the files changed.

    Parameters
    ----------
    root : str or Path
        The repository folder.

    Returns
    -------
    list of Path
        The files whose text changed.
    """
    changed = []
    for path in linked_files(root):
        text = path.read_text(encoding="utf-8")
        new = refresh_links(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
