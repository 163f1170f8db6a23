"""quoteapi: who said what, in what role, where and when.

The package follows the data:

    nlp/        text -> spaCy Doc (spaCy + coreferee, built once per process)
    extract/    Doc -> quotes, cues, speakers and roles (pure; knows nothing of storage or HTTP)
    evaluate/   extraction scored against seeds/expected.json and PolNeAR
    index/      canonical speakers and quotes across articles, stored with SQLAlchemy, searched
    api/        the REST API (Flask + flask-smorest), the widget
    cli.py      the `quoteapi` command
"""

__version__ = "0.1.0"
