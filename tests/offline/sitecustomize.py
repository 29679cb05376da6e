"""Block every network connection and name look-up except loopback, for tests and the
kernels they start.

The Makefile puts this folder on ``PYTHONPATH`` when it runs the tests, so the pytest
process and every kernel or subprocess it starts (nbval kernels, the Binder-parity venv,
JupyterLab in the browser tests) load it at start-up. Set ``NETIND_ALLOW_NETWORK=1`` to
turn it off.

What it covers, in each Python process that loads it:

- ``connect``, ``connect_ex``, ``sendto`` and ``sendmsg`` towards a non-loopback address,
  on ``socket.socket`` *and* on the C type ``_socket.socket`` underneath it (so
  ``_socket.socket.connect(sock, address)`` is refused too);
- name look-ups (``getaddrinfo``, ``gethostbyname``, ``gethostbyname_ex``,
  ``gethostbyaddr``) of any name but loopback names and the machine's own name; IP
  literals need no look-up and are left to the connect guard. A refused look-up raises
  ``socket.gaierror``, as an offline machine would, after the ``socket.getaddrinfo``
  audit event (so ``tests/netlog`` still records it).

What it cannot cover: ``python -I`` or ``-S`` children (they skip ``sitecustomize``) and
programs that are not Python. ``tests/test_offline_guard.py`` runs lessons in a network
namespace (``unshare -rn``) where the machine allows it, which covers those too.
"""

from __future__ import annotations

import _socket
import ctypes
import gc
import ipaddress
import os
import socket
import sys

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _is_loopback(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode()
    if host in _LOOPBACK_NAMES or host == "":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _needs_no_dns(host: object) -> bool:
    """True for loopback names, the machine's own name and IP literals (no DNS query)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    name = str(host).split("%")[0].strip("[]").rstrip(".").lower()
    if name in _LOOPBACK_NAMES or name in ("", _OWN_NAME):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class NetworkBlockedError(OSError):
    """Raised when code under test tries to reach a non-loopback address."""


def _refuse(address: object) -> None:
    raise NetworkBlockedError(
        f"network access to {address!r} is blocked in netind-teach tests "
        "(lessons and package must work offline)"
    )


def _guard_connect(method):
    def connect(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            _refuse(address)
        return method(self, address, *args, **kwargs)

    return connect


def _guard_sendto(method):
    def sendto(self, data, *args):
        inet = self.family in (socket.AF_INET, socket.AF_INET6)
        if args and inet and not _is_loopback(args[-1]):
            _refuse(args[-1])
        return method(self, data, *args)

    return sendto


def _guard_sendmsg(method):
    def sendmsg(self, buffers, *args):
        # sendmsg(buffers[, ancdata[, flags[, address]]])
        inet = self.family in (socket.AF_INET, socket.AF_INET6)
        if len(args) >= 3 and inet and args[2] is not None and not _is_loopback(args[2]):
            _refuse(args[2])
        return method(self, buffers, *args)

    return sendmsg


def _guard_lookup(function, event: str):
    def lookup(host, *args, **kwargs):
        if not _needs_no_dns(host):
            sys.audit(event, host, *args)  # what the C call would have announced
            raise socket.gaierror(
                socket.EAI_NONAME,
                f"name look-up of {host!r} is blocked in netind-teach tests "
                "(lessons and package must work offline)",
            )
        return function(host, *args, **kwargs)

    lookup.__name__ = getattr(function, "__name__", "lookup")
    lookup.__doc__ = getattr(function, "__doc__", None)
    return lookup


def _patch_type(cls: type, name: str, guard) -> bool:
    """Replace ``cls.name`` even on a C type whose attributes cannot be set (CPython)."""
    original = getattr(cls, name, None)
    if original is None:
        return True
    try:
        setattr(cls, name, guard(original))
        return True
    except TypeError:
        pass
    try:
        namespace = gc.get_referents(cls.__dict__)[0]
        namespace[name] = guard(original)
        ctypes.pythonapi.PyType_Modified(ctypes.py_object(cls))
        return True
    except Exception:
        return False


_GUARDS = {
    "connect": _guard_connect,
    "connect_ex": _guard_connect,
    "sendto": _guard_sendto,
    "sendmsg": _guard_sendmsg,
}
_LOOKUPS = {
    "getaddrinfo": "socket.getaddrinfo",
    "gethostbyname": "socket.gethostbyname",
    "gethostbyname_ex": "socket.gethostbyname",
    "gethostbyaddr": "socket.gethostbyaddr",
}


def _install() -> None:
    if os.environ.get("NETIND_ALLOW_NETWORK") == "1":
        return
    for name, guard in _GUARDS.items():
        # the C type first: socket.socket inherits these methods from it
        if not _patch_type(_socket.socket, name, guard):
            _patch_type(socket.socket, name, guard)
    for name, event in _LOOKUPS.items():
        for module in (_socket, socket):
            original = getattr(module, name, None)
            if original is not None and not hasattr(original, "__netind_guarded__"):
                guarded = _guard_lookup(original, event)
                guarded.__netind_guarded__ = True
                setattr(module, name, guarded)
    os.environ["NETIND_NETWORK_BLOCKED"] = "1"


try:
    _OWN_NAME = socket.gethostname().lower()
except OSError:
    _OWN_NAME = ""

_install()
