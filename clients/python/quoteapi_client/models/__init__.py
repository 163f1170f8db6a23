"""Contains all the data models used in inputs/outputs"""

from .appearance import Appearance
from .appearance_cue_type_1_type_0 import AppearanceCueType1Type0
from .article import Article
from .article_in import ArticleIn
from .article_page_in import ArticlePageIn
from .article_url_in import ArticleUrlIn
from .batch import Batch
from .batch_counts import BatchCounts
from .batch_state import BatchState
from .extract_in import ExtractIn
from .extract_result import ExtractResult
from .extracted_quote import ExtractedQuote
from .extracted_quote_cue_type_1_type_0 import ExtractedQuoteCueType1Type0
from .extracted_quote_speaker_type_1_type_0 import ExtractedQuoteSpeakerType1Type0
from .extracted_quote_type import ExtractedQuoteType
from .extracted_speaker import ExtractedSpeaker
from .extracted_speaker_kind import ExtractedSpeakerKind
from .extracted_speaker_mention_type_1_type_0 import ExtractedSpeakerMentionType1Type0
from .field_error import FieldError
from .health import Health
from .health_status import HealthStatus
from .item_problem import ItemProblem
from .list_speaker_quotes_sort import ListSpeakerQuotesSort
from .list_speaker_quotes_type import ListSpeakerQuotesType
from .problem import Problem
from .quote import Quote
from .quote_page import QuotePage
from .quote_speaker_type_1_type_0 import QuoteSpeakerType1Type0
from .quote_type import QuoteType
from .role import Role
from .search_quotes_sort import SearchQuotesSort
from .search_quotes_type import SearchQuotesType
from .speaker import Speaker
from .speaker_kind import SpeakerKind
from .speaker_page import SpeakerPage
from .speaker_ref import SpeakerRef
from .text_span import TextSpan

__all__ = (
    "Appearance",
    "AppearanceCueType1Type0",
    "Article",
    "ArticleIn",
    "ArticlePageIn",
    "ArticleUrlIn",
    "Batch",
    "BatchCounts",
    "BatchState",
    "ExtractedQuote",
    "ExtractedQuoteCueType1Type0",
    "ExtractedQuoteSpeakerType1Type0",
    "ExtractedQuoteType",
    "ExtractedSpeaker",
    "ExtractedSpeakerKind",
    "ExtractedSpeakerMentionType1Type0",
    "ExtractIn",
    "ExtractResult",
    "FieldError",
    "Health",
    "HealthStatus",
    "ItemProblem",
    "ListSpeakerQuotesSort",
    "ListSpeakerQuotesType",
    "Problem",
    "Quote",
    "QuotePage",
    "QuoteSpeakerType1Type0",
    "QuoteType",
    "Role",
    "SearchQuotesSort",
    "SearchQuotesType",
    "Speaker",
    "SpeakerKind",
    "SpeakerPage",
    "SpeakerRef",
    "TextSpan",
)
