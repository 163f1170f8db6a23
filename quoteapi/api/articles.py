"""Articles: read one with its quotes; with an API key, add one (a text, a page's HTML, or the URL
of a page to fetch; its quotes extracted) or delete it."""

from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from ..index.records import ArticleIn
from .article_schemas import ARTICLE_IN, ArticleBodySchema, ArticleSchema
from .auth import protect_writes, write_problems
from .bodies import accept_json_bodies, body_problems, extraction_problems
from .caching import READ_HEADERS_DOC, not_modified
from .common import JSON
from .context import current_index
from .errors import any_problem, problem_doc
from .examples import ARTICLE
from .extraction import extract_quotes, limit_extractions
from .fetching import page_article

blp = Blueprint(
    "Articles", __name__, url_prefix="/articles", description="The news articles quotes come from."
)
protect_writes(blp)
limit_extractions(blp)
accept_json_bodies(blp)

ARTICLE_ID_PARAMETER = {
    "in": "path",
    "name": "article_id",
    "required": True,
    "description": "The article's id.",
    "example": "8283138c3726f372",
    "schema": {"type": "string", "minLength": 1},
}
LOCATION = {"Location": {"description": "The new article's URL.", "schema": {"type": "string"}}}
NEW_ARTICLE = {
    "text": ARTICLE["text"],
    "title": ARTICLE["title"],
    "source": "Express",
    "published": "2022-03-03",
}
PAGE_PROBLEMS = (
    "A field is invalid; or the page could not be fetched (or may not be: a private address, "
    "robots.txt, a timeout, too large, not HTML), or holds no article in English."
)


@blp.route("")
class Articles(MethodView):
    @blp.doc(operationId="createArticle", requestBody={"content": {JSON: {"schema": ARTICLE_IN}}})
    @any_problem(blp)
    @blp.arguments(ArticleBodySchema, example=NEW_ARTICLE)
    @blp.response(201, ArticleSchema, content_type=JSON, example=ARTICLE, headers=LOCATION)
    @blp.alt_response(
        200,
        schema=ArticleSchema,
        content_type=JSON,
        success=True,
        description="The same text was already stored: the stored article.",
    )
    @blp.alt_response(422, description=PAGE_PROBLEMS, **problem_doc())
    @write_problems(blp)
    @body_problems(blp)
    @extraction_problems(blp)
    def post(self, data: dict[str, Any]) -> Any:
        """Add an article

        Stores the article and the quotes extracted from it, all or nothing. The article is a
        `text`, a page's `html` (its main text is the article's text, its metadata the
        article's), or a `url` alone, whose page the server fetches. Sending the same text, or
        the same URL or canonical URL with an unchanged page, again changes nothing and answers
        200 with the stored article; a changed page replaces the article's quotes.
        """
        index = current_index()
        article = ArticleIn(**data) if "text" in data else page_article(data)
        result = index.ingest(article, extract=extract_quotes)
        article = index.article(result.article_id)
        if not result.created:
            return article, 200
        return article, 201, {"Location": url_for(".ArticlesById", article_id=article.id)}


@blp.route("/<article_id>", parameters=[ARTICLE_ID_PARAMETER])
class ArticlesById(MethodView):
    @blp.doc(operationId="getArticle")
    @any_problem(blp)
    @blp.response(200, ArticleSchema, content_type=JSON, headers=READ_HEADERS_DOC, example=ARTICLE)
    @not_modified(blp)
    @blp.alt_response(404, description="No such article.", **problem_doc())
    def get(self, article_id: str) -> Any:
        """Get an article

        The article's text and details with the quotes found in it; quote offsets point into
        `text`.
        """
        return current_index().article(article_id)

    @blp.doc(operationId="deleteArticle")
    @any_problem(blp)
    @blp.response(204, description="Deleted, with its quotes (a quote other articles carry stays).")
    @blp.alt_response(404, description="No such article.", **problem_doc())
    @write_problems(blp)
    def delete(self, article_id: str) -> None:
        """Delete an article

        Removes the article and the quotes only it carries.
        """
        current_index().delete_article(article_id)
