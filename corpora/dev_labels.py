"""Write corpora/dev_achievements.tsv: pointers (article id, offsets, type, hash) to the gold
achievements of ../shared/dev, never its text. Run again when the dev gold changes:

    python corpora/dev_labels.py [../shared/dev]
"""
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here.parent))  # this checkout's newsmine
from newsmine.training import DEV_LABELS, write_dev_labels  # noqa: E402

dev = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent.parent / "shared" / "dev"
print(f"{write_dev_labels(dev, here / DEV_LABELS)} pointers written to {here / DEV_LABELS}")
