"""Write corpora/dump_achievements.tsv: pointers (article id, offsets, label, hash) to cues of the
shared dump that the team labelled after annotation.md, never the dump's text.

    python corpora/dump_labels.py LABELS.tsv [...]

Each LABELS.tsv line is ``id:start:end<TAB>label<TAB>note`` (a labeller's sheet, kept outside
the project with the sentences it was judged in); the dump is read from ../shared/dumps.
"""
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here.parent))  # this checkout's newsmine
from newsmine.classify import NONE  # noqa: E402
from newsmine.records import AchievementType  # noqa: E402
from newsmine.training import DUMP_LABELS, _digest, dump_articles, dump_path  # noqa: E402

allowed = {NONE, *(t.value for t in AchievementType)}
rows = []
for sheet in sys.argv[1:]:
    for n, line in enumerate(Path(sheet).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        key, label, *note = line.split("\t")
        aid, start, end = key.rsplit(":", 2)
        if label not in allowed:
            sys.exit(f"{sheet}:{n}: unknown label {label!r}")
        rows.append((aid, int(start), int(end), label, " ".join(note).strip()))
dump = dump_path(here)
if dump is None:
    sys.exit("the shared dump is not here (../shared/dumps)")
texts = {a.id: a.text for a in dump_articles(dump, {r[0] for r in rows})}
lines = ["# Pointers to achievement cues of ../shared/dumps/vnnews-2017.jsonl.gz (real articles, not",
         "# ours: their text stays there), each labelled by the newsmine team after annotation.md:",
         "# one of the nine types when the cue states an achievement attained or conferred, else none.",
         "# Offsets into the article text as newsmine reads it; hash = first 10 hex digits of the SHA-1",
         "# of the cue. Written by corpora/dump_labels.py.",
         "# id\tstart\tend\tlabel\thash"]
missing = 0
for aid, start, end, label, _ in sorted(rows):
    if aid not in texts:
        missing += 1
        continue
    lines.append(f"{aid}\t{start}\t{end}\t{label}\t{_digest(texts[aid][start:end])}")
(here / DUMP_LABELS).write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(rows) - missing} pointers written to {here / DUMP_LABELS}; {missing} of articles not in the dump")
