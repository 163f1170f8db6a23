"""Example bodies for the OpenAPI document (one per operation), kept apart from the views."""

SPEAKER_REF = {"id": 7, "name": "Ben Wallace", "slug": "ben-wallace"}

SPEAKER = {
    **SPEAKER_REF,
    "kind": "person",
    "aliases": ["Wallace", "Mr Wallace"],
    "roles": [
        {
            "role": "Defence Secretary",
            "first_seen": "2022-03-03",
            "last_seen": "2022-03-03",
            "article_ids": ["8283138c3726f372"],
        }
    ],
    "quote_count": 3,
    "first_quoted": "2022-03-03",
    "last_quoted": "2022-03-03",
}

APPEARANCE = {
    "article_id": "8283138c3726f372",
    "title": "Russian troops try to steal civilian cars in Ukraine in desperate bid to escape war",
    "url": None,
    "source": "Express",
    "published": "2022-03-03",
    "spans": [[1404, 1460]],
    "cue": {"text": "said", "start": 1462, "end": 1466},
    "mention": "Mr Wallace",
}

QUOTE = {
    "id": 42,
    "text": "Russian forces are in disarray",
    "type": "indirect",
    "speaker": SPEAKER_REF,
    "role": "Defence Secretary",
    "confidence": 0.9,
    "score": None,
    "appearances": [APPEARANCE],
}

ARTICLE = {
    "id": "8283138c3726f372",
    "title": APPEARANCE["title"],
    "url": None,
    "canonical_url": None,
    "source": "Express",
    "author": None,
    "published": "2022-03-03",
    "content_hash": "8283138c3726f372e0b1c4d1a7f3c2b9d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1",
    "text": "Russian troops try to steal civilian cars in Ukraine ...",
    "ingested_at": "2026-11-22T03:00:00+00:00",
    "quotes": [QUOTE],
}


def page(item: dict, path: str) -> dict:
    return {
        "items": [item],
        "total": 41,
        "total_capped": False,
        "limit": 20,
        "offset": 20,
        "next": f"{path}?limit=20&cursor=WyJxIiwiMjAyMi0wMy0wMyIsNDIsNDBd",
        "prev": f"{path}?limit=20&offset=0",
    }


SPEAKER_PAGE = page(SPEAKER, "/speakers")
QUOTE_PAGE = page(QUOTE, "/speakers/ben-wallace/quotes")
SEARCH_PAGE = page(QUOTE, "/quotes")

EXTRACTED = {
    "quotes": [
        {
            "text": "We will not stand by,",
            "type": "direct",
            "spans": [[1, 22]],
            "cue": {"text": "said", "start": 58, "end": 62},
            "speaker": {
                "name": "Ben Wallace",
                "role": "Defence Secretary",
                "kind": "person",
                "mention": {"text": "Ben Wallace", "start": 46, "end": 57},
            },
            "confidence": 0.9,
        }
    ]
}

HEALTH = {"status": "ok", "version": "0.1.0", "database": "ok", "quotes": 1000000}

BATCH = {
    "id": "4f1c0a9e2b7d4c3a8e6f5d4c3b2a1908",
    "created_at": "2026-12-06T21:00:00+00:00",
    "state": "in progress",
    "total": 120,
    "done": 90,
    "queued": 30,
    "counts": {"created": 87, "unchanged": 1, "failed": 2, "queued": 30},
    "quotes": 412,
    "resent": 0,
    "failures": [
        {"source": "articles.jsonl line 2", "reason": "the article text is empty"},
        {"source": "articles.jsonl line 9",
         "reason": "took longer than 300 s (QUOTEAPI_TASK_TIME_LIMIT)"},
    ],
    "skipped": [],
}
