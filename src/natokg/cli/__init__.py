"""The ``natokg`` command: a thin layer over the library, and the only place that prints.

``app`` holds the commands (parse options, call the library, render); the render modules
beside it turn the library's records into tables and text reports.
"""

from natokg.cli.app import app

__all__ = ["app"]
