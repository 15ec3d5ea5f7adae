"""Loaded by the subprocesses of tests/cli/test_offline.py (via PYTHONPATH).

Refuses every connection to a non-loopback address and records it in the file
named by RESQA_NETGUARD_LOG, so the test can fail on any attempt, even one a
library swallowed.
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("RESQA_NETGUARD_LOG")
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _loopback(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _record(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(what + "\n")


def _guard(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
        _record(f"connect {address!r}")
        raise OSError(f"netguard: connection to {address!r} refused in an offline test")


def _connect(sock, address):
    _guard(sock, address)
    return _real_connect(sock, address)


def _connect_ex(sock, address):
    _guard(sock, address)
    return _real_connect_ex(sock, address)


def _getaddrinfo(host, *args, **kwargs):
    if isinstance(host, bytes):
        host = host.decode()
    if host is not None and not _loopback(host):
        try:
            ipaddress.ip_address(host)
        except ValueError:
            _record(f"resolve {host!r}")
            raise socket.gaierror(f"netguard: name lookup of {host!r} refused in an offline test")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.getaddrinfo = _getaddrinfo
