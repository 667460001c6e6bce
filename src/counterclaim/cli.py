"""The ``counterclaim`` command line: a thin click layer over the Python API.

Each command parses its options, calls one function of the library and prints
the result. The logic lives in the library modules, never here.

Exit codes (all commands):

    0  every input was processed
    1  some inputs failed (each failure is reported; the run went on)
    2  every input failed, or the command was used wrongly
"""

from __future__ import annotations

import click

from counterclaim import __version__

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="counterclaim")
def main() -> None:
    """counterclaim: who claimed what, who denied it, when and where.

    Reads news articles and prints a sourced record: attributed statements,
    actors, dates, events and disputes, each with character offsets into the text.

    Exit codes: 0 all ok, 1 some documents failed, 2 all failed or usage error.
    """


if __name__ == "__main__":  # pragma: no cover
    main()
