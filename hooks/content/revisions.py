"""What readers read of each item they can tick, hashed, so the link ledger can tell when an
item's advice changed and ask for a revision entry (hooks/guards/ledger.py).

The hashed text is what a reader acts on: a checklist item's ``text`` and ``why``, a framework
task's ``text``, with whitespace as the catalogue keeps it (a ``why`` reflowed over other lines
hashes the same). Sources, ids and revision entries are not part of it: a source moved to a new
address changes no advice, and a rename is the link ledger's business.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from hooks.content.catalogue import FRAMEWORK_FILE, Catalogue


@dataclass(frozen=True)
class ReadText:
    """One tickable item's text as readers read it: where it is and what the ledger compares."""

    id: str
    aliases: tuple[str, ...]  # its renamed_from ids, under which the ledger may know it
    digest: str  # text_digest of what readers read
    revisions: int  # how many revision entries it has, minor ones included
    where: str  # its data file and the line of its id, e.g. "data/checklists/x.yml:42"


def text_digest(*parts: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``parts`` joined by newlines (UTF-8): enough
    to tell two texts apart, short enough to keep the ledger readable."""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def read_texts(catalogue: Catalogue) -> list[ReadText]:
    """Every checklist item and framework task of ``catalogue``, in data order."""
    texts = [
        ReadText(
            id=item.id,
            aliases=item.renamed_from,
            digest=text_digest(item.text, item.why),
            revisions=len(item.revisions),
            where=f"{topic.source_path}:{item.line}",
        )
        for topic in catalogue.topics.values()
        for item in topic.items
    ]
    texts += [
        ReadText(
            id=task.id,
            aliases=task.renamed_from,
            digest=text_digest(task.text),
            revisions=len(task.revisions),
            where=f"{FRAMEWORK_FILE}:{task.line}",
        )
        for phase in catalogue.phases
        for task in phase.tasks
    ]
    return texts
