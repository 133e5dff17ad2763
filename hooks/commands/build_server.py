"""A build process with MkDocs, Material and the plugins already imported (the "preloaded"
runner of hooks/commands/build.py's strict_build): each build is a fork of it, so it skips about
half a second of imports and is otherwise `python -m mkdocs build ...` as a new process runs it.

Run as a script (``python hooks/commands/build_server.py``), never imported by a build: the
project's own ``hooks`` package must come from the project copy each build reads, so this file
imports nothing of it, and PRELOAD holds only other packages' modules.

Protocol, one JSON object a line: a request on stdin,
``{"cwd": dir, "env": {...}, "module": "mkdocs", "args": [...], "stdout": file, "stderr": file}``;
the answers on stdout, ``{"pid": n}`` once the build's process is forked, then
``{"returncode": n}`` when it ends (negative: killed by that signal, as subprocess reports it).
The server ends when stdin closes.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import random
import runpy
import signal
import sys
import threading
import types

# What `python -m mkdocs build` with this project's mkdocs.yml imports from other packages
# (the build's own `hooks` package excepted): MkDocs and its commands, Material, the plugins
# and Markdown extensions of mkdocs.yml, and what the build layer draws on. Left out on
# purpose: modules that decide at import time from the command line or the environment
# whether to print a banner (mkdocs.__main__ runs as the build's __main__; material.templates,
# the theme's entry point; mkdocs_redirects.plugin, which sets up properdocs' warning), so each
# build imports them itself, as a fresh process does.
PRELOAD = (
    "click",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.contrib.search",
    "material.extensions.emoji",
    "material.plugins.search.plugin",
    "mkdocs_macros.plugin",
    "mkdocs_git_revision_date_localized_plugin.plugin",
    "mkdocs_llmstxt",
    "mkdocs_print_site_plugin.plugin",
    "markdown",
    "markdown.extensions.abbr",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "markdown.extensions.codehilite",
    "markdown.extensions.def_list",
    "markdown.extensions.fenced_code",
    "markdown.extensions.footnotes",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "pymdownx.arithmatex",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.smartsymbols",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.tilde",
    "pygments.formatters.html",
    "pygments.lexers",
    "pygments.lexers.data",
    "pygments.lexer",
    "pygments.filters",
    "pygments.styles.default",
    "colorama",
    "jinja2",
    "jinja2.meta",
    # llms-full.txt's Markdown (mkdocs-llmstxt) and the git dates' worker pool.
    "markdown_it",
    "mdformat.renderer",
    "mdformat_tables.plugin",
    "wcwidth",
    "multiprocessing.pool",
    "concurrent.futures.thread",
    "yaml",
    "jsonschema",
    "selectolax.lexbor",
    "tinycss2",
    "PIL.Image",
    "PIL.ImageDraw",
    "PIL.ImageFont",
)


def _exit_code(exit: SystemExit) -> int:
    """The status Python gives ``exit`` when it ends the interpreter (a message is printed)."""
    if exit.code is None:
        return 0
    if isinstance(exit.code, int):
        return exit.code
    print(exit.code, file=sys.stderr)
    return 1


def _run_module(module: str, args: list[str]) -> int:
    """``python -m module *args`` in this process, ending it as the interpreter ends a process
    (threads joined, atexit handlers run, output flushed); returns the exit status."""
    # What `python -m` does: the module runs as a new __main__, argv[0] becomes its file.
    sys.modules["__main__"] = types.ModuleType("__main__")
    sys.argv = ["-m", *args]
    try:
        runpy._run_module_as_main(module, alter_argv=True)  # type: ignore[attr-defined]
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except BaseException as error:
        # Printed from the frame `python -m` starts at: this function's frame is not shown.
        error = error.with_traceback(error.__traceback__.tb_next)
        sys.excepthook(type(error), error, error.__traceback__)
        code = 1
    threading._shutdown()  # type: ignore[attr-defined]  # what interpreter exit runs first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    return code


def _build(request: dict, channels: tuple[int, int]) -> None:
    """In the forked process: become the build ``request`` describes, then end with its status."""
    code = 1
    try:
        for fd in channels:
            os.close(fd)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts a process
        gc.enable()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # `python -m` puts the current directory first: the project's `hooks` is the copy's.
        sys.path[:] = [*([] if sys.flags.safe_path else [os.getcwd()]), *BASE_PATH]
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        for fd, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        random.seed()  # a fresh process draws its own random numbers, not the server's
        code = _run_module(request["module"], request["args"])
    except BaseException:  # reported on the build's stderr, as its failure
        sys.excepthook(*sys.exc_info())
    finally:
        os._exit(code)


def serve() -> None:
    """Preload PRELOAD, then fork one build per request line until stdin closes."""
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)  # anything a module prints while it is imported goes to stderr, not the replies
    # Ctrl-C in the terminal stops the builds and the test run; the server ends with its stdin.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.path[:] = BASE_PATH  # not this file's folder: its modules are the project's
    for name in PRELOAD:
        # A module that fails here is imported again by each build, which reports the error.
        with contextlib.suppress(Exception):
            __import__(name)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # nothing buffered here may reach a build's output
    # The preloaded objects live as long as the server: kept out of the collector, so a build's
    # collections do not write to (and copy) the memory pages it shares with the server.
    gc.disable()
    gc.freeze()
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _build(request, (requests.fileno(), replies))
        os.write(replies, json.dumps({"pid": pid}).encode() + b"\n")
        _, status = os.waitpid(pid, 0)
        returncode = os.waitstatus_to_exitcode(status)
        os.write(replies, json.dumps({"returncode": returncode}).encode() + b"\n")


# The search path of a `python -m` process without its first entry, the current directory
# (with -P or PYTHONSAFEPATH neither has one).
BASE_PATH = sys.path[0 if sys.flags.safe_path else 1 :]

if __name__ == "__main__":
    serve()
