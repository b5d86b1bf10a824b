"""Runs Apertium APy listening on 127.0.0.1 only (APy itself binds every interface).

Usage: python3 apy-loopback.py <apertium-apy arguments>
"""
import sys

import tornado.tcpserver

_bind = tornado.tcpserver.TCPServer.bind


def _bind_loopback(self, port, address=None, *args, **kwargs):
    return _bind(self, port, '127.0.0.1', *args, **kwargs)


tornado.tcpserver.TCPServer.bind = _bind_loopback

from apertium_apy.apy import main  # noqa: E402

sys.argv[0] = 'apertium-apy'
sys.exit(main())
