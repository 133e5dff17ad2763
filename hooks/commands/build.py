"""The one way tests, benchmarks and the ledger run a strict build of a project."""

from __future__ import annotations

import atexit
import json
import locale
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

# MkDocs 1.6 prints a banner about MkDocs 2.0; these variables silence it (the Makefile sets the
# same two for `make serve` and `make build`).
QUIET_BANNER_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

SERVER_SCRIPT = Path(__file__).with_name("build_server.py")

# The variables a preloaded build may set otherwise than its build server's environment: no
# module the server preloads reads them while it is imported (tests/unit/test_build_server.py
# checks), so a build sees their values as a fresh process would.
BUILD_VARIABLES = frozenset(
    {
        "SITE_URL",
        "FULL_SITE",
        "REPO_URL",
        "SOURCE_DATE_EPOCH",
        *QUIET_BANNER_ENV,
        "PYTEST_CURRENT_TEST",  # pytest sets it for each test
    }
)


def strict_build(
    project_dir: Path,
    site_dir: Path,
    *,
    site_url: str | None = None,
    config_file: str = "mkdocs.yml",
    env: Mapping[str, str] | None = None,
    timeout: float = 600,
    engine: str = "mkdocs",
    preloaded: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict --clean`` as `make build` does (never with ``-q``, which hides
    the warnings that --strict turns into failures); ``engine`` names another module with the
    same command line (``properdocs``, MkDocs' drop-in fork).

    ``project_dir`` is the folder holding ``config_file``; the site is written to ``site_dir``.
    ``site_url`` sets SITE_URL (mkdocs.yml reads it); ``env`` adds or overrides variables.
    Returns the finished process with its output as text; raises subprocess.TimeoutExpired
    after ``timeout`` seconds (the build is killed). A failed build is a non-zero
    ``returncode``, not an exception.

    The build is a new ``python -m <engine>`` process, unless ``preloaded`` (the tests'
    builds): then it is forked from this process's build server, which has MkDocs, Material
    and the plugins imported already (hooks/commands/build_server.py), saving about half a
    second a build. The fork runs the same command in the same directory with the same
    variables, and answers with the same output and status. The project's own ``hooks`` is
    never preloaded: each build imports the one in ``project_dir``. Raises ValueError for
    ``preloaded`` with another engine: a fork of MkDocs takes the name ``mkdocs`` for itself,
    which the server has imported as MkDocs. Timings (benchmarks) and the ledger command build
    as a contributor's `make build` does, in a new process.
    """
    variables = {**os.environ, **QUIET_BANNER_ENV, **(env or {})}
    if site_url is not None:
        variables["SITE_URL"] = site_url
    args = ["build", "--strict", "--clean"]
    args += ["--config-file", config_file, "--site-dir", str(site_dir)]
    command = [sys.executable, "-m", engine, *args]
    if preloaded:
        if engine != "mkdocs":
            raise ValueError(f"a preloaded build runs mkdocs, not {engine}")
        with _server_lock:
            server = _build_server(variables)
            return server.run(command, args, Path(project_dir), variables, timeout)
    return subprocess.run(
        command, cwd=project_dir, env=variables, capture_output=True, text=True, timeout=timeout
    )


def forkable(variables: Mapping[str, str], server_variables: Mapping[str, str]) -> bool:
    """Whether a build with the environment ``variables`` may fork from a build server started
    with ``server_variables`` and see what a fresh process sees: every variable set, changed
    or removed is one of BUILD_VARIABLES. Any other (a locale, TZ, PATH, a library's switch)
    may have been read while the server imported its modules."""
    names = set(variables) | set(server_variables)
    changed = {name for name in names if variables.get(name) != server_variables.get(name)}
    return changed <= BUILD_VARIABLES


class _BuildServer:
    """hooks/commands/build_server.py, started with ``environment``; one build at a time."""

    def __init__(self, environment: Mapping[str, str]) -> None:
        self.environment = dict(environment)
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: select() sees every answer line that has arrived
            env=self.environment,
        )
        self.output_dir = tempfile.TemporaryDirectory(prefix="build-output-")

    def _answer(self, timeout: float | None = None) -> dict | None:
        """The server's next answer line, or None if ``timeout`` seconds pass first."""
        if timeout is not None:
            ready, _, _ = select.select([self.process.stdout], [], [], max(timeout, 0))
            if not ready:
                return None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the build server ended (status {self.process.wait()})")
        return json.loads(line)

    def run(
        self,
        command: list[str],
        args: list[str],
        cwd: Path,
        variables: Mapping[str, str],
        timeout: float,
    ) -> subprocess.CompletedProcess[str]:
        """One build, answered as subprocess.run(capture_output=True, text=True) answers."""
        out = Path(self.output_dir.name) / "stdout"
        err = Path(self.output_dir.name) / "stderr"
        request = {
            "cwd": str(cwd.resolve()),
            "env": dict(variables),
            "module": "mkdocs",
            "args": args,
            "stdout": str(out),
            "stderr": str(err),
        }
        self.process.stdin.write(json.dumps(request).encode() + b"\n")
        pid = self._answer()["pid"]
        answer = self._answer(timeout)
        if answer is None:
            os.kill(pid, signal.SIGKILL)  # as subprocess.run kills its process at the timeout
            self._answer()  # the server has reaped it
            raise subprocess.TimeoutExpired(
                command, timeout, output=out.read_bytes(), stderr=err.read_bytes()
            )
        stdout, stderr = _text(out.read_bytes()), _text(err.read_bytes())
        return subprocess.CompletedProcess(command, answer["returncode"], stdout, stderr)

    def close(self) -> None:
        """End the server (it ends when its stdin closes) and remove the output files."""
        self.process.stdin.close()
        self.process.wait()
        self.output_dir.cleanup()


def _text(data: bytes) -> str:
    """Output as subprocess.run(text=True) decodes it: the locale's encoding, newlines as \\n."""
    text = data.decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


_server: _BuildServer | None = None
# Builds from several threads of one process take turns: the server builds one at a time.
_server_lock = threading.Lock()


def _build_server(variables: Mapping[str, str]) -> _BuildServer:
    """This process's build server (each pytest-xdist worker has its own), started on first
    use, and started again with ``variables`` when a build's are not forkable from its own.
    Hold _server_lock while using it."""
    global _server
    if _server is not None and _server.process.poll() is None:
        if forkable(variables, _server.environment):
            return _server
        _server.close()
    _server = _BuildServer(variables)
    atexit.register(_server.close)
    return _server
