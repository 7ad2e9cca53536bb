"""newsmine's datasette plugin (``newsmine serve`` loads it): the search box follows newsmine's search
rules (:mod:`newsmine.query`), and the archive's internal columns stay off the pages."""
from datasette import hookimpl

HIDDEN_COLUMNS = ("rowkey", "hash", "record", "folded")


def _match(text):
    from newsmine.archive.querying import fts5
    from newsmine.query import QueryError, parse

    try:
        return fts5(parse(text).tree)
    except QueryError:
        return '""'


@hookimpl(trylast=True)  # after datasette's own escape_fts, which it replaces
def prepare_connection(conn):
    conn.create_function("escape_fts", 1, _match)


@hookimpl
def extra_body_script():
    selector = ", ".join(f".col-{c}" for c in HIDDEN_COLUMNS)
    return f"document.querySelectorAll({selector!r}).forEach(e => e.remove());"
