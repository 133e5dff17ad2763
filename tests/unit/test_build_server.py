"""What makes a build forked from the build server (hooks/commands/build_server.py) see what a
new process sees: the server imports no module that reads a build's variables, or decides a
banner, while it is imported; a build that changes any other variable gets a server of its own.
The builds themselves: tests/build/test_preloaded_builds.py."""

from __future__ import annotations

import json
import subprocess
import sys

from hooks.commands.build import BUILD_VARIABLES, QUIET_BANNER_ENV, SERVER_SCRIPT, forkable

# Imports PRELOAD as the server does and prints which variables the imports read one by one
# (reads that copy the whole environment for a subprocess, as GitPython's `git version` check
# does, decide nothing from a value) and which of the modules to be left out got imported.
PROBE = """
import importlib.util, json, os, sys

targeted = set()
get = os._Environ.__getitem__


def __getitem__(self, key):
    caller = sys._getframe(1).f_code.co_name
    if caller not in ("copy", "__iter__"):  # os.environ.copy(), items() and values()
        targeted.add(key)
    return get(self, key)


os._Environ.__getitem__ = __getitem__
spec = importlib.util.spec_from_file_location("build_server", sys.argv[1])
server = importlib.util.module_from_spec(spec)
spec.loader.exec_module(server)
for name in server.PRELOAD:
    __import__(name)
left_out = ["mkdocs.__main__", "material.templates", "mkdocs_redirects.plugin", "properdocs"]
print(json.dumps({
    "read": sorted(targeted),
    "imported": [name for name in left_out if name in sys.modules],
    "hooks": sorted(name for name in sys.modules if name.split(".")[0] == "hooks"),
}))
"""


def test_preloading_reads_no_build_variable_and_prints_no_banner(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(SERVER_SCRIPT)],
        cwd=tmp_path,  # `python -c` looks here first: no project, no `hooks`
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout)
    assert probe["read"], "the probe saw no variable read: it no longer watches the environment"
    assert sorted(BUILD_VARIABLES & set(probe["read"])) == []
    # MkDocs' and Material's banners and properdocs' warning are decided by each build.
    assert probe["imported"] == []
    assert probe["hooks"] == []


def test_a_build_forks_from_a_server_whose_variables_differ_only_in_build_variables():
    server = {"PATH": "/usr/bin", "LANG": "C.UTF-8", **QUIET_BANNER_ENV}
    assert forkable({**server, "SITE_URL": "http://127.0.0.1:8000/", "FULL_SITE": "false"}, server)
    assert forkable({"PATH": "/usr/bin", "LANG": "C.UTF-8"}, server)  # banner variables unset
    assert not forkable({**server, "TZ": "Europe/Paris"}, server)  # babel reads TZ on import
    assert not forkable({**server, "LANG": "de_DE.UTF-8"}, server)
    assert not forkable({"PATH": "/usr/bin", **QUIET_BANNER_ENV}, server)  # LANG removed
