"""A speaker's newest quotes are an index range scan, not a sort of all their quotes: the query
`Index.quotes` sends is explained on each backend and must use ix_quotes_speaker_newest without
sorting. (Its speed at 1M quotes is measured by benchmarks/index.py, not here.)"""

import sqlalchemy as sa
from index_fixtures import quote_of, seed_text

from quoteapi.index import ArticleIn, Index, QuoteQuery


def test_newest_quotes_of_a_speaker_read_the_composite_index(index: Index) -> None:
    text = seed_text("002")
    index.ingest(ArticleIn(text=text, id="002"), [quote_of(text, "carpet-bomb", "Ben Wallace")])
    speaker_id = index.speaker("ben-wallace").id
    sent: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "ORDER BY" in statement and "LIMIT" in statement:
            sent.append((statement, parameters))

    sa.event.listen(index._engine, "before_cursor_execute", capture)
    index.quotes(QuoteQuery(speaker_id=speaker_id, limit=20))
    sa.event.remove(index._engine, "before_cursor_execute", capture)
    (statement, parameters), = sent
    with index._engine.connect() as connection:
        if index._engine.dialect.name == "sqlite":
            plan = " ".join(str(row) for row in connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert "ix_quotes_speaker_newest" in plan and "TEMP B-TREE" not in plan, plan
        else:
            connection.exec_driver_sql("SET enable_seqscan = off")  # a tiny table would seq scan
            plan = " ".join(row[0] for row in connection.exec_driver_sql(
                f"EXPLAIN {statement}", parameters))
            assert "ix_quotes_speaker_newest" in plan and "Sort" not in plan, plan
