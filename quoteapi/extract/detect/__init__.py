"""Detection: where the quotes are. Quotation marks paired (``marks``), page furniture set aside
(``furniture``), speech cues read from the parse (``cues``), quotations tied to cues (``direct``,
``leadins``, ``followon``), reported speech (``reported``) and headlines (``headlines``). Each
detector returns ``Found`` items: content pieces, cue and speaker mention, not yet resolved."""
