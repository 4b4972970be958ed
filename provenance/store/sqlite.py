"""The SQLite backend: the only module that speaks SQL.

WAL journal and a busy timeout let several processes ingest into one file;
each document is written in one ``BEGIN IMMEDIATE`` transaction, so a killed
process leaves whole articles or nothing, and the content-hash check inside
that transaction keeps concurrent writers from storing an article twice.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from provenance.errors import NotFoundError, StoreError
from provenance.models import Document
from provenance.store.base import (
    AddResult,
    ArticleRecord,
    Hop,
    LinkRecord,
    NewStatement,
    QuoteRow,
    StatementRecord,
    Store,
)
from provenance.store.rows import (
    ART_COLS,
    INSERT_ST_COLS,
    LIGHT_COLS,
    N_ST_COLS,
    SELECT_LINKS,
    SELECT_ST,
    add_hops,
    article,
    chunks,
    hop_rows,
    key_rows,
    light,
    new_record,
    statement,
    statement_values,
    store_stats,
)

BUSY_TIMEOUT_MS = 30_000
RARE_WORDS = 4  # words of a full-text OR query, rarest first

MIGRATIONS: list[str] = [
    # 1: articles, sources, statements with their chains, links, full-text index
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        current INTEGER NOT NULL DEFAULT 1,
        content_hash TEXT NOT NULL UNIQUE,
        extractor TEXT NOT NULL,
        title TEXT, outlet TEXT, published TEXT, url TEXT, path TEXT,
        text TEXT NOT NULL,
        regions TEXT NOT NULL DEFAULT '[]',
        furniture TEXT NOT NULL DEFAULT '[]',
        n_statements INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_key ON articles(key);
    CREATE TABLE article_terms (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        term TEXT NOT NULL,
        PRIMARY KEY (term, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT 'unknown'
    );
    CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        speaker TEXT, speaker_role TEXT, origin TEXT, speaker_key TEXT,
        figure TEXT, value REAL, low REAL, high REAL, qualifier TEXT, what TEXT,
        event TEXT, event_key TEXT, subject TEXT, scope TEXT, place TEXT, as_of TEXT,
        record TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX statements_article ON statements(article_id);
    CREATE INDEX statements_speaker ON statements(speaker_key, kind);
    CREATE INDEX statements_event ON statements(event_key, kind);
    CREATE TABLE hops (
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        hop INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        PRIMARY KEY (statement_id, hop, pos)
    ) WITHOUT ROWID;
    CREATE INDEX hops_source ON hops(source_id);
    CREATE TABLE links (
        kind TEXT NOT NULL,
        a INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        score REAL NOT NULL DEFAULT 1,
        detail TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (kind, a, b)
    ) WITHOUT ROWID;
    CREATE INDEX links_b ON links(b);
    CREATE INDEX links_a ON links(a);
    CREATE VIRTUAL TABLE statements_fts USING fts5(
        text, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    """,
    # 2: blocking keys of statements, maintained topic-term counts
    """
    CREATE TABLE statement_keys (
        key TEXT NOT NULL,
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        PRIMARY KEY (key, statement_id)
    ) WITHOUT ROWID;
    CREATE INDEX statement_keys_statement ON statement_keys(statement_id);
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO term_df(term, df)
        SELECT t.term, count(*) FROM article_terms t JOIN articles a ON a.id = t.article_id
        WHERE a.current = 1 GROUP BY t.term;
    CREATE INDEX article_terms_article ON article_terms(article_id);
    """,
]

def _fts_query(words: Sequence[str]) -> str:
    """An FTS5 OR-query of the words, each quoted so no word is read as syntax."""
    clean = {w.replace('"', "") for w in words}
    return " OR ".join(f'"{w}"' for w in sorted(clean) if w)


def _enable_wal(db: sqlite3.Connection) -> None:
    """Switch the file to the WAL journal, retrying while another connection holds a lock.

    The switch reads the file, then upgrades to a write lock, and SQLite does not call
    the busy handler for that upgrade, so two processes opening a new file at once would
    otherwise see "database is locked". Once the file is WAL, the pragma is a no-op.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


class SQLiteStore(Store):
    """A corpus in one SQLite file."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"no database at {self.path}; run `provenance ingest` first")
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                       isolation_level=None, check_same_thread=False)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _enable_wal(self._db)
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._depth = 0
            self._n_current: int | None = None
            self._sources: dict[str, tuple[int, str]] = {}
            self._migrate()
            self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.statements_vocab "
                             "USING fts5vocab(main, statements_fts, 'row')")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    # -- plumbing -----------------------------------------------------------------

    def _migrate(self) -> None:
        with self.transaction():
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            have = row[0] or 0
            if have > len(MIGRATIONS):
                raise StoreError(f"{self.path}: schema version {have} is newer than this program")
            for number, script in enumerate(MIGRATIONS[have:], start=have + 1):
                for stmt in _split_sql(script):
                    self._db.execute(stmt)
                if number == 2 and have:
                    self._backfill_keys()
                self._db.execute("INSERT INTO schema_version(version) VALUES (?)", (number,))

    def _backfill_keys(self) -> None:
        """Blocking keys for statements stored before migration 2."""
        from provenance.link import statement_keys  # the linker defines the keys

        rows = self._db.execute(
            "SELECT id, kind, text, speaker_key, event_key, subject, scope FROM statements"
        ).fetchall()
        self._db.executemany(
            "INSERT OR IGNORE INTO statement_keys(key, statement_id) VALUES (?, ?)",
            [(k, sid) for sid, *rest in rows for k in statement_keys(*rest)])

    @property
    def schema_version(self) -> int:
        """The migration the database is at."""
        return int(self._db.execute("SELECT max(version) FROM schema_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: database is busy or read-only ({exc})") from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            self._sources.clear()  # ids cached in the rolled-back transaction are void
            self._n_current = None
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._db.close()

    # -- writing ------------------------------------------------------------------

    def _source_id(self, hop: Hop) -> int:
        known = self._sources.get(hop.name)
        if known and (known[1] != "unknown" or hop.kind == "unknown"):
            return known[0]
        row = self._db.execute("SELECT id, kind FROM sources WHERE name = ?",
                               (hop.name,)).fetchone()
        if row:
            sid, kind = int(row[0]), str(row[1])
            if kind == "unknown" and hop.kind != "unknown":
                self._db.execute("UPDATE sources SET kind = ? WHERE id = ?", (hop.kind, sid))
                kind = hop.kind
        else:
            cur = self._db.execute("INSERT INTO sources(name, kind) VALUES (?, ?)",
                                   (hop.name, hop.kind))
            sid, kind = int(cur.lastrowid or 0), hop.kind
        self._sources[hop.name] = (sid, kind)
        return sid

    def _insert_statements(self, article_id: int,
                           statements: Sequence[NewStatement]) -> list[int]:
        """Insert with explicit ids (the write lock is held), in a few ``executemany``."""
        first = int(self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM statements")
                    .fetchone()[0])
        ids = list(range(first, first + len(statements)))
        self._db.executemany(
            f"INSERT INTO statements({INSERT_ST_COLS}) "
            f"VALUES ({','.join('?' * N_ST_COLS)})",
            [statement_values(sid, article_id, st)
             for sid, st in zip(ids, statements, strict=True)])
        self._db.executemany(
            "INSERT OR IGNORE INTO hops VALUES (?,?,?,?)",
            [(sid, h, p, self._source_id(src)) for sid, h, p, src in hop_rows(ids, statements)])
        self._db.executemany(
            "INSERT OR IGNORE INTO statement_keys(key, statement_id) VALUES (?, ?)",
            key_rows(ids, statements))
        self._db.execute("UPDATE articles SET n_statements = ? WHERE id = ?",
                         (len(ids), article_id))
        return ids

    def has_hash(self, content_hash: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                                (content_hash,)).fetchone() is not None

    def add_document(self, doc: Document, content_hash: str, key: str, extractor: str,
                     statements: Sequence[NewStatement], terms: Sequence[str]) -> AddResult:
        with self.transaction():
            row = self._db.execute(f"SELECT {ART_COLS} FROM articles a WHERE content_hash = ?",
                                   (content_hash,)).fetchone()
            if row:
                return AddResult("skipped", article(row), [])
            prev = self._db.execute("SELECT max(version) FROM articles WHERE key = ?",
                                    (key,)).fetchone()[0]
            if prev:
                old = [r[0] for r in self._db.execute(
                    "SELECT id FROM articles WHERE key = ? AND current = 1", (key,))]
                self._db.execute("UPDATE articles SET current = 0 WHERE key = ?", (key,))
                for aid in old:
                    self._db.execute(
                        "UPDATE term_df SET df = df - 1 WHERE term IN "
                        "(SELECT term FROM article_terms WHERE article_id = ?)", (aid,))
                    self._db.execute(
                        "DELETE FROM links WHERE a IN (SELECT id FROM statements WHERE "
                        "article_id = ?) OR b IN (SELECT id FROM statements WHERE article_id = ?)",
                        (aid, aid))
            cur = self._db.execute(
                "INSERT INTO articles(doc_id, key, version, current, content_hash, extractor, "
                "title, outlet, published, url, path, text, regions, furniture) "
                "VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, key, (prev or 0) + 1, content_hash, extractor, doc.title, doc.outlet,
                 doc.published, doc.url, doc.path, doc.text, json.dumps(doc.regions),
                 json.dumps(doc.furniture)))
            aid = int(cur.lastrowid or 0)
            if self._n_current is not None:
                self._n_current += 1 - (len(old) if prev else 0)
            unique = sorted(set(terms))
            self._db.executemany("INSERT OR IGNORE INTO article_terms VALUES (?, ?)",
                                 [(aid, t) for t in unique])
            self._db.executemany("INSERT INTO term_df(term, df) VALUES (?, 1) "
                                 "ON CONFLICT(term) DO UPDATE SET df = df + 1",
                                 [(t,) for t in unique])
            ids = self._insert_statements(aid, statements)
            art = self._article(aid)
            return AddResult("version" if prev else "added", art,
                             [new_record(sid, st, art)
                              for sid, st in zip(ids, statements, strict=True)])

    def replace_statements(self, article_id: int, extractor: str,
                           statements: Sequence[NewStatement]) -> list[StatementRecord]:
        with self.transaction():
            self._article(article_id)
            self._db.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
            self._db.execute("UPDATE articles SET extractor = ? WHERE id = ?",
                             (extractor, article_id))
            art = self._article(article_id)
            ids = self._insert_statements(article_id, statements)
            return [new_record(sid, st, art) for sid, st in zip(ids, statements, strict=True)]

    def add_links(self, links: Sequence[LinkRecord]) -> int:
        with self.transaction():
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO links(kind, a, b, score, detail) VALUES (?,?,?,?,?)",
                [(lk.kind, lk.a, lk.b, lk.score, json.dumps(lk.detail, ensure_ascii=False))
                 for lk in links])
            return self._db.total_changes - before

    # -- reading ------------------------------------------------------------------

    def _article(self, article_id: int) -> ArticleRecord:
        row = self._db.execute(f"SELECT {ART_COLS} FROM articles a WHERE id = ?",
                               (article_id,)).fetchone()
        if not row:
            raise NotFoundError(f"no article {article_id}")
        return article(row)

    def document(self, article_id: int) -> Document:
        row = self._db.execute(
            "SELECT doc_id, text, title, outlet, published, url, path, regions, furniture "
            "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            raise NotFoundError(f"no article {article_id}")
        return Document(id=row[0], text=row[1], title=row[2], outlet=row[3], published=row[4],
                        url=row[5], path=row[6],
                        regions=[tuple(r) for r in json.loads(row[7])],
                        furniture=[tuple(r) for r in json.loads(row[8])])

    def articles(self, current_only: bool = True) -> list[ArticleRecord]:
        where = "WHERE a.current = 1" if current_only else ""
        return [article(r) for r in
                self._db.execute(f"SELECT {ART_COLS} FROM articles a {where} ORDER BY a.id")]

    def _hops(self, ids: Sequence[int]) -> dict[int, list[list[Hop]]]:
        out: dict[int, list[list[Hop]]] = {i: [] for i in ids}
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT h.statement_id, h.hop, src.name, src.kind FROM hops h "
                f"JOIN sources src ON src.id = h.source_id WHERE h.statement_id IN ({marks}) "
                f"ORDER BY h.statement_id, h.hop, h.pos", chunk)
            add_hops(out, rows)
        return out

    def _records(self, rows: list[Any]) -> list[StatementRecord]:
        hops = self._hops([r[0] for r in rows])
        return [statement(r, hops[r[0]]) for r in rows]

    def statement(self, statement_id: int) -> StatementRecord:
        found = self.statements([statement_id])
        if not found:
            raise NotFoundError(f"no statement with id {statement_id}")
        return found[0]

    def statements(self, ids: Sequence[int]) -> list[StatementRecord]:
        rows: list[Any] = []
        for chunk in chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows += self._db.execute(f"{SELECT_ST} WHERE s.id IN ({marks}) ORDER BY s.id",
                                     chunk).fetchall()
        return self._records(rows)

    def iter_statements(self, kind: str | None = None,
                        unattributed: bool = False) -> Iterator[StatementRecord]:
        sql = f"{SELECT_ST} WHERE a.current = 1" + (" AND s.kind = ?" if kind else "")
        if unattributed:
            sql += " AND s.origin IS NULL"
        cur = self._db.execute(sql + " ORDER BY s.id", (kind,) if kind else ())
        while rows := cur.fetchmany(1000):
            yield from self._records(rows)

    def _match(self, query: str, limit: int) -> list[tuple[int, str]]:
        try:
            return [(r[0], r[1]) for r in self._db.execute(
                "SELECT s.id, s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid "
                "JOIN articles a ON a.id = s.article_id WHERE statements_fts MATCH ? "
                "AND a.current = 1 ORDER BY f.rank LIMIT ?", (query, limit))]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"full-text search failed ({exc})") from None

    def _rarest(self, words: Sequence[str], n: int) -> list[str]:
        """The ``n`` words that occur in the fewest statements (unknown words dropped)."""
        terms = sorted({w.casefold() for w in words if w and '"' not in w})
        if not terms:
            return []
        marks = ",".join("?" * len(terms))
        try:
            df = dict(self._db.execute(
                f"SELECT term, doc FROM temp.statements_vocab WHERE term IN ({marks})", terms))
        except sqlite3.OperationalError:  # no fts5vocab: keep every word
            return terms[:n]
        return sorted(df, key=lambda t: (df[t], t))[:n]

    def search_texts(self, words: Sequence[str], limit: int = 200) -> list[tuple[int, str]]:
        every = _fts_query(words)
        if not every:
            return []
        # every word first (cheap and precise), then any of the rarest for paraphrases
        hits = self._match(every.replace(" OR ", " AND "), limit)
        if len(hits) < min(limit, 20):
            rare = _fts_query(self._rarest(words, RARE_WORDS))
            seen = {i for i, _ in hits}
            if rare:
                hits += [h for h in self._match(rare, limit) if h[0] not in seen]
        return hits[:limit]

    def search(self, words: Sequence[str], limit: int = 200) -> list[StatementRecord]:
        ids = [i for i, _ in self.search_texts(words, limit)]
        order = {sid: i for i, sid in enumerate(ids)}
        return sorted(self.statements(ids), key=lambda s: order[s.id])

    def claim_candidates(self, event_key: str, terms: Sequence[str], exclude_article: int,
                         min_shared: int = 1, limit: int = 500, subject: str | None = None,
                         scope: str | None = None) -> list[StatementRecord]:
        if not terms or min_shared < 1:
            return []
        marks = ",".join("?" * len(terms))
        extra, params = "", []
        if subject is not None:
            extra = " AND s.subject = ? AND s.scope IS ?"
            params = [subject, scope]
        # story articles first (term index), then their claims (article index: without
        # INDEXED BY the planner picks statements_event, a scan of every claim of the
        # event kind per story article, which grows with the corpus)
        rows = self._db.execute(
            f"WITH story(article_id) AS (SELECT article_id FROM article_terms "
            f"WHERE term IN ({marks}) AND article_id != ? GROUP BY article_id "
            f"HAVING count(*) >= ?) "
            f"SELECT {LIGHT_COLS} FROM story CROSS JOIN statements s "
            f"INDEXED BY statements_article "
            f"ON s.article_id = story.article_id JOIN articles a ON a.id = s.article_id "
            f"WHERE s.kind = 'claim' AND s.event_key = ?{extra} AND a.current = 1 "
            f"ORDER BY s.id DESC LIMIT ?",
            (*terms, exclude_article, min_shared, event_key, *params, limit)).fetchall()
        return light(rows)

    def term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        return {t: int(n) for t, n in self._db.execute(
            f"SELECT term, df FROM term_df WHERE term IN ({marks}) AND df > 0", list(terms))}

    def article_count(self) -> int:
        # counting is a scan: once per connection, then kept up to date by add_document
        # (another process's writes show up on the next connection; only a blocking cap)
        if self._n_current is None:
            self._n_current = int(self._db.execute(
                "SELECT count(*) FROM articles WHERE current = 1").fetchone()[0])
        return self._n_current

    def quote_candidates(self, keys: Sequence[str], exclude_article: int,
                         limit: int = 100) -> list[QuoteRow]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        # one statement: a capped, index-ordered scan per key, joined to the light columns
        per_key = (
            "SELECT * FROM (SELECT k.statement_id AS id FROM statement_keys k "
            "CROSS JOIN statements s ON s.id = k.statement_id WHERE k.key = ? "
            "AND s.article_id != ? ORDER BY k.statement_id DESC LIMIT ?)")
        sql = (f"SELECT s.id, s.article_id, s.text, s.speaker_key, s.origin FROM "
               f"({' UNION '.join([per_key] * len(keys))}) c "
               f"CROSS JOIN statements s ON s.id = c.id JOIN articles a ON a.id = s.article_id "
               f"WHERE s.kind = 'quote' AND a.current = 1 ORDER BY s.id DESC")
        params: list[Any] = []
        for key in keys:
            params += [key, exclude_article, limit]
        return list(map(QuoteRow._make, self._db.execute(sql, params)))

    def same_as_roots(self, ids: Sequence[int]) -> dict[int, int]:
        out = {i: i for i in ids}
        for chunk in chunks(list(out), 500):
            marks = ",".join("?" * len(chunk))
            # links are stored (lower id, higher id): the rows with b = id are the links
            # made when id was stored; links_b (b, kind, a) answers min(a) per id
            out.update((b, a) for b, a in self._db.execute(
                f"SELECT b, min(a) FROM links WHERE kind = 'same-as' AND b IN ({marks}) "
                f"GROUP BY b", chunk))
        return out

    def links(self, kind: str | None = None,
              statement_ids: Sequence[int] | None = None) -> list[LinkRecord]:
        sql = SELECT_LINKS
        params: list[Any] = []
        if kind:
            sql += " AND l.kind = ?"
            params.append(kind)
        if statement_ids is None:
            rows = self._db.execute(sql + " ORDER BY l.a, l.b", params).fetchall()
        else:
            rows = []
            for chunk in chunks(list(statement_ids), 400):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    sql + f" AND (l.a IN ({marks}) OR l.b IN ({marks}))",
                    [*params, *chunk, *chunk]).fetchall()
        seen: set[tuple[str, int, int]] = set()
        out = []
        for k, a, b, score, detail in rows:
            if (k, a, b) not in seen:
                seen.add((k, a, b))
                out.append(LinkRecord(k, a, b, score, json.loads(detail)))
        return out

    def outdated(self, extractor: str) -> list[ArticleRecord]:
        return [article(r) for r in self._db.execute(
            f"SELECT {ART_COLS} FROM articles a WHERE a.current = 1 AND a.extractor != ? "
            f"ORDER BY a.id", (extractor,))]

    def is_empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def stats(self) -> dict[str, int]:
        return store_stats(lambda sql, params: self._db.execute(sql, params).fetchall(), "?")


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (triggers keep their inner semicolons)."""
    out: list[str] = []
    buf = ""
    for part in script.split(";"):
        buf += part
        if sqlite3.complete_statement(buf + ";"):
            if buf.strip():
                out.append(buf.strip() + ";")
            buf = ""
        else:
            buf += ";"
    return out
