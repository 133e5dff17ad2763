"""Source URLs for the link tools: `make lint` checks their form, the scheduled job their list."""

from __future__ import annotations

import pytest

from hooks.commands import source_urls
from hooks.content.source_urls import url_problem
from tests.conftest import PROJECT_DIR, project_catalogue, replace_in

# The checklist whose URLs these tests break: any would do, so the first.
TOPIC_FILE = next(iter(project_catalogue().topics.values())).source_path


@pytest.mark.parametrize(
    "url",
    [
        "https://www.rfc-editor.org/rfc/rfc9110#section-12.5.5",
        "https://docs.example.com/a/b?lang=en&version=2",
        "https://example.org:8443/page",
    ],
)
def test_well_formed_urls_pass(url):
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://example.org/", "is not an https URL"),
        ("https://example.org/a b", "contains whitespace"),
        ("https://example.org/\u00a0", "contains whitespace"),
        ("https://[::1/", "does not parse as a URL"),
        ("https://intranet/page", "has no host name with a dot in it"),
        ("https:///page", "has no host name with a dot in it"),
        ("https://example.org/page#", "ends in an empty '#'"),
        ("https://example.org/?UTM_Campaign=x", "has the tracking parameter 'UTM_Campaign'"),
        ("https://example.org/?a=1&gclid=2", "has the tracking parameter 'gclid'"),
    ],
)
def test_badly_formed_urls_say_what_is_wrong_and_the_fix(url, problem):
    message = url_problem(url)
    assert message is not None and message.startswith(problem)
    assert "; " in message


def test_list_prints_every_source_url_once_in_order(capsys):
    assert source_urls.main(["list"], PROJECT_DIR) == 0
    printed = capsys.readouterr().out.splitlines()
    catalogue = project_catalogue()
    expected = {
        source.url
        for topic in catalogue.topics.values()
        for item in topic.items
        for source in item.sources
    }
    assert printed == sorted(expected)


def test_check_passes_on_the_real_data(capsys):
    assert source_urls.main(["check"], PROJECT_DIR) == 0
    assert "all well formed" in capsys.readouterr().out


def test_check_names_every_bad_url_with_file_and_line(project_copy, capsys):
    path = project_copy / TOPIC_FILE
    text = path.read_text(encoding="utf-8")
    urls = [line.split("url: ", 1)[1] for line in text.splitlines() if "url: " in line]
    replace_in(path, f"url: {urls[0]}", "url: https://example.org/page?utm_source=a")
    replace_in(path, f"url: {urls[-1]}", "url: https://localhost/")
    assert source_urls.main(["check"], project_copy) == 1
    reported = capsys.readouterr().err.splitlines()
    lines = path.read_text(encoding="utf-8").splitlines()
    first = 1 + next(i for i, line in enumerate(lines) if "utm_source=a" in line)
    last = 1 + next(i for i, line in enumerate(lines) if "https://localhost/" in line)
    assert len(reported) == 2
    assert reported[0].startswith(f"{TOPIC_FILE}:{first}: items[0].sources[0].url ")
    assert "tracking parameter 'utm_source'" in reported[0]
    assert reported[1].startswith(f"{TOPIC_FILE}:{last}: ")
    assert "has no host name with a dot in it" in reported[1]


def test_usage_without_a_verb(capsys):
    assert source_urls.main([], PROJECT_DIR) == 2
    assert "source_urls check" in capsys.readouterr().out
