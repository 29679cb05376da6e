"""Block every network connection except loopback, for tests and the kernels they start.

The Makefile puts this folder on ``PYTHONPATH`` when it runs the tests, so the pytest
process and every kernel or subprocess it starts (nbval kernels, the Binder-parity venv,
JupyterLab in the browser tests) load it at start-up. Set ``NETIND_ALLOW_NETWORK=1`` to
turn it off.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


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


class NetworkBlockedError(OSError):
    """Raised when code under test tries to reach a non-loopback address."""


def _guard(method):
    def guarded(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise NetworkBlockedError(
                f"network access to {address!r} is blocked in netind-teach tests "
                "(lessons and package must work offline)"
            )
        return method(self, address, *args, **kwargs)

    return guarded


def _install() -> None:
    if os.environ.get("NETIND_ALLOW_NETWORK") == "1":
        return
    socket.socket.connect = _guard(socket.socket.connect)
    socket.socket.connect_ex = _guard(socket.socket.connect_ex)
    socket.socket.sendto = _guard_sendto(socket.socket.sendto)
    os.environ["NETIND_NETWORK_BLOCKED"] = "1"


def _guard_sendto(method):
    def guarded(self, data, *args):
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise NetworkBlockedError(
                f"network access to {address!r} is blocked in netind-teach tests"
            )
        return method(self, data, *args)

    return guarded


_install()
