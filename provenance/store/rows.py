"""What every SQL backend shares: the column lists of its reads and the records built from
their rows (the schema's column order is the same in each backend)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from provenance.store.base import ArticleRecord, Hop, NewStatement, StatementRecord

ART_COLS = ("a.id, a.doc_id, a.key, a.version, a.current, a.content_hash, a.extractor, "
            "a.title, a.outlet, a.published, a.url, a.path")
ST_COLS = ("s.id, s.kind, s.text, s.start, s.\"end\", s.speaker, s.speaker_role, s.origin, "
           "s.speaker_key, s.figure, s.value, s.low, s.high, s.qualifier, s.what, s.event, "
           "s.event_key, s.subject, s.scope, s.place, s.as_of, s.record")
SELECT_ST = (f"SELECT {ST_COLS}, {ART_COLS} "
             "FROM statements s JOIN articles a ON a.id = s.article_id")
# light candidate rows: what scoring needs, no JSON, no chain
LIGHT_COLS = ("s.id, s.kind, s.text, s.start, s.\"end\", s.speaker, s.origin, s.speaker_key, "
              "s.value, s.low, s.high, s.qualifier, s.event, s.event_key, s.subject, s.scope, "
              "s.as_of, a.id, a.doc_id, a.published")
# the columns of one statement insert, in the order of :func:`statement_values`
INSERT_ST_COLS = ("id, article_id, kind, text, start, \"end\", speaker, speaker_role, origin, "
                  "speaker_key, figure, value, low, high, qualifier, what, event, event_key, "
                  "subject, scope, place, as_of, record")
N_ST_COLS = INSERT_ST_COLS.count(",") + 1
# links between statements of current articles (both ends)
CURRENT_LINKS = ("FROM links l "
                 "JOIN statements sa ON sa.id = l.a JOIN articles aa ON aa.id = sa.article_id "
                 "JOIN statements sb ON sb.id = l.b JOIN articles ab ON ab.id = sb.article_id "
                 "WHERE aa.current = 1 AND ab.current = 1")
SELECT_LINKS = f"SELECT l.kind, l.a, l.b, l.score, l.detail {CURRENT_LINKS}"
LINK_KIND_NAMES = (("same_as", "same-as"), ("conflicts", "conflicts-with"),
                   ("updates", "updates"))


def store_stats(query: Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]],
                mark: str) -> dict[str, int]:
    """``Store.stats`` for a SQL backend: ``query`` runs a statement with its parameters
    and returns the rows, ``mark`` is the backend's parameter placeholder."""
    def one(sql: str, *params: Any) -> int:
        return int(next(iter(query(sql, params)))[0])

    cur_st = ("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
              f"WHERE a.current = 1 AND s.kind = {mark}")
    out = {
        "articles": one("SELECT count(*) FROM articles WHERE current = 1"),
        "versions": one("SELECT count(*) FROM articles"),
        "quotes": one(cur_st, "quote"),
        "claims": one(cur_st, "claim"),
        "sources": one("SELECT count(DISTINCT h.source_id) FROM hops h JOIN statements s "
                       "ON s.id = h.statement_id JOIN articles a ON a.id = s.article_id "
                       "WHERE a.current = 1"),
    }
    by_kind = {str(k): int(n) for k, n in
               query(f"SELECT l.kind, count(*) {CURRENT_LINKS} GROUP BY l.kind", ())}
    out["links"] = sum(by_kind.values())
    for name, kind in LINK_KIND_NAMES:
        out[name] = by_kind.get(kind, 0)
    return out


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
    """``items`` in lists of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def statement_values(sid: int, article_id: int, st: NewStatement) -> tuple[Any, ...]:
    """The values of :data:`INSERT_ST_COLS` for one statement."""
    return (sid, article_id, st.kind, st.text, st.start, st.end, st.speaker, st.speaker_role,
            st.origin, st.speaker_key, st.figure, st.value, st.low, st.high, st.qualifier,
            st.what, st.event, st.event_key, st.subject, st.scope, st.place, st.as_of,
            json.dumps(st.record, ensure_ascii=False))


def hop_rows(ids: Sequence[int], statements: Sequence[NewStatement]
             ) -> Iterator[tuple[int, int, int, Hop]]:
    """``(statement id, hop, position, source)`` of every source in the statements' chains."""
    for sid, st in zip(ids, statements, strict=True):
        for h, hop in enumerate(st.hops):
            for p, src in enumerate(hop):
                yield sid, h, p, src


def key_rows(ids: Sequence[int], statements: Sequence[NewStatement]) -> list[tuple[str, int]]:
    """``(blocking key, statement id)`` of every statement, each key once."""
    return [(k, sid) for sid, st in zip(ids, statements, strict=True) for k in set(st.keys)]


def add_hops(out: dict[int, list[list[Hop]]], rows: Iterator[Sequence[Any]]) -> None:
    """Fill chains from ``(statement id, hop, name, kind)`` rows in hop order."""
    for sid, hop, name, kind in rows:
        chain = out[sid]
        while len(chain) <= hop:
            chain.append([])
        chain[hop].append(Hop(name, kind))


def article(row: Sequence[Any]) -> ArticleRecord:
    """The record of an :data:`ART_COLS` row."""
    return ArticleRecord(id=row[0], doc_id=row[1], key=row[2], version=row[3],
                         current=bool(row[4]), content_hash=row[5], extractor=row[6],
                         title=row[7], outlet=row[8], published=row[9], url=row[10], path=row[11])


def statement(row: Sequence[Any], hops: list[list[Hop]]) -> StatementRecord:
    """The record of a :data:`SELECT_ST` row, with its chain."""
    return StatementRecord(
        id=row[0], kind=row[1], text=row[2], start=row[3], end=row[4], speaker=row[5],
        speaker_role=row[6], origin=row[7], speaker_key=row[8], figure=row[9], value=row[10],
        low=row[11], high=row[12], qualifier=row[13], what=row[14], event=row[15],
        event_key=row[16], subject=row[17], scope=row[18], place=row[19], as_of=row[20],
        record=json.loads(row[21]), hops=hops, article=article(row[22:]))


def new_record(sid: int, st: NewStatement, art: ArticleRecord) -> StatementRecord:
    """The record of a statement just inserted, without reading it back."""
    fields = {f: getattr(st, f) for f in NewStatement.__dataclass_fields__}
    return StatementRecord(**fields, id=sid, article=art)


def light(rows: Sequence[Sequence[Any]]) -> list[StatementRecord]:
    """Light candidate records (:data:`LIGHT_COLS`): key fields and a partial article (id,
    doc id, date)."""
    arts: dict[int, ArticleRecord] = {}
    out = []
    for r in rows:
        art = arts.get(r[17])
        if art is None:
            art = arts[r[17]] = ArticleRecord(id=r[17], doc_id=r[18], key="", version=0,
                                              current=True, content_hash="", extractor="",
                                              published=r[19])
        out.append(StatementRecord(
            id=r[0], kind=r[1], text=r[2], start=r[3], end=r[4], speaker=r[5], origin=r[6],
            speaker_key=r[7], value=r[8], low=r[9], high=r[10], qualifier=r[11], event=r[12],
            event_key=r[13], subject=r[14], scope=r[15], as_of=r[16], article=art))
    return out
