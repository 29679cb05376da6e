"""Record every attempt to reach a non-loopback host, then block it as tests/offline does.

Put this folder (not ``tests/offline``) on ``PYTHONPATH`` of a process under test and set
``NETIND_NET_LOG`` to a file: each attempt (a name look-up, ``connect`` or ``sendto``
towards anything but loopback) appends one line ``<pid> <event> <address>`` to it, in the
process and in every child that inherits the environment. The offline blocker in
``tests/offline/sitecustomize.py`` is loaded first, unchanged, so the attempt also fails.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import socket
import sys
from pathlib import Path

_LOG = os.environ.get("NETIND_NET_LOG")
_LOOPBACK_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _load_blocker() -> None:
    path = Path(__file__).resolve().parent.parent / "offline" / "sitecustomize.py"
    spec = importlib.util.spec_from_file_location("_netind_offline_blocker", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def _is_loopback_host(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).split("%")[0].strip("[]")
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _record(event: str, target: object) -> None:
    if not _LOG:
        return
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {event} {target!r}\n")


def _audit(event: str, args: tuple) -> None:
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                 "socket.gethostbyaddr"):
        if args and not _is_loopback_host(args[0]):
            _record(event, args[0])
    elif event in ("socket.connect", "socket.sendto") and len(args) >= 2:
        sock, address = args[0], args[1]
        family = getattr(sock, "family", None)
        if (family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple)
                and not _is_loopback_host(address[0])):
            _record(event, address)


def _recording(method, event: str):
    def recorded(self, *args, **kwargs):
        address = args[-1] if args else None
        if (self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple)
                and not _is_loopback_host(address[0])):
            _record(event, address)
        return method(self, *args, **kwargs)

    return recorded


if _LOG:
    _load_blocker()
    # The blocker refuses in Python before the C call (and its audit event) happens: record
    # those attempts here, on top of it; name look-ups are seen through the audit hook.
    socket.socket.connect = _recording(socket.socket.connect, "connect")
    socket.socket.connect_ex = _recording(socket.socket.connect_ex, "connect_ex")
    socket.socket.sendto = _recording(socket.socket.sendto, "sendto")
    sys.addaudithook(_audit)
