"""Checks run on a letter before it goes out. They warn; they never block.

The text checks are heuristics over the letter's final text (the DPO may have edited it) in
the five letter languages: they look for an ID-copy demand, a demand for one channel, or a
demand for a handwritten signature. The other checks read the letter input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dpo_desk.core.messages import Message
from dpo_desk.core.model import LetterKind
from dpo_desk.letters.render import LetterInput
from dpo_desk.letters.templates import authority_for, labels, load_template


@dataclass(frozen=True)
class LetterWarning:
    code: str
    message: str


Warning = LetterWarning  # noqa: A001 - the name the letter issue uses

# Regimes where a verification demand must rest on a stated, reasonable doubt.
_DOUBT_REGIMES = ("EU", "FR", "UK")
# Regimes with no extension of the reply period in the law (docs/legal-notes.md §11).
_NO_EXTENSION = frozenset({"KG", "KZ", "BR"})

_F = re.IGNORECASE | re.UNICODE

# A request for a copy of an identity document.
_ID_COPY = [
    re.compile(p, _F)
    for p in (
        r"\bcop(?:y|ies)\b[^.\n]{0,60}?\b(?:identity|ID|passport|identification)\b",
        r"\b(?:ID|passport|identity[- ]document|identity[- ]card)[- ]cop(?:y|ies)\b",
        r"\bscan(?:ned)?\b[^.\n]{0,40}?\b(?:passport|ID[- ]card|identity)\b",
        r"копи\w*[^.\n]{0,60}?(?:паспорт|удостоверени\w*\s+личност|удостоверяющ\w*\s+личност)",
        r"скан\w*[^.\n]{0,40}?(?:паспорт|удостоверени\w*\s+личност)",
        r"copie\w*[^.\n]{0,60}?(?:(?:pi[eè]ce|titre|carte)\s+d['’]\s?identit[ée]|passeport)",
        r"(?:куәландыратын|жеке\s+куәлі\w*|паспорт\w*)[^.\n]{0,60}?көшірме",
        r"(?:ырастаган|күбөлөндүргөн|паспорт\w*)[^.\n]{0,60}?көчүрмө",
    )
]
# ... bearing the holder's signature.
_SIGNED = re.compile(
    r"\bsign(?:ed|ature)\b|подпис|sign(?:é|ée|ature)|қол\w*\s+қойылған|кол\w*\s+коюлган", _F
)

_W = r"\W+(?:\w+\W+){0,4}?"  # up to four words in between
_CHANNEL_POST = [
    re.compile(p, _F)
    for p in (
        rf"\b(?:only|exclusively|solely){_W}(?:by\s+(?:post|mail|letter|courier|fax|telephone|phone|e-?mail|registered)|in\s+person|on\s+paper|postal|via\s+(?:post|mail|e-?mail))\b",
        rf"\bmust{_W}(?:by\s+(?:post|mail|registered|courier)|in\s+person)\b",
        rf"\b(?:not|never)\s+(?:be\s+)?(?:accept|process|consider|handle)\w*{_W}(?:by|via|through)\s+(?:e-?mail|phone|telephone|online|post)\b",
        rf"(?:только|исключительно){_W}(?:почт\w*|заказн\w*|лично|курьер\w*|нарочн\w*|на\s+бумажном|по\s+телефону|факс\w*)",
        rf"\bне\s+(?:принима\w+|рассматрива\w+){_W}(?:по\s+электронной\s+почте|в\s+электронн\w+|по\s+телефону|онлайн)",
        rf"\b(?:uniquement|exclusivement|seulement){_W}(?:par\s+(?:courrier|voie\s+postale|lettre|la\s+poste|t[ée]l[ée]phone|courriel|fax)|recommand\w*|en\s+personne|sur\s+papier)",
        rf"\bn['’]\s*(?:acceptons|accepterons|traitons|traiterons)\s+(?:pas|aucune?){_W}(?:courriel|e-?mail|t[ée]l[ée]phone|voie\s+[ée]lectronique)",
        rf"\bтек{_W}(?:пошта\w*|почта\w*|тапсырыс\w*\s+хат\w*|жеке\s+өзі\w*|қағаз\w*)",
        r"(?:пошта|почта|қағаз|жеке\s+өзі)\w*\W+(?:\w+\W+){0,2}?(?:ғана|қана)\b",
        r"(?:почта|катталган\s+кат|жеке\s+өзү|кагаз)\w*\W+(?:\w+\W+){0,2}?(?:гана|кана)\b",
    )
]
_CHANNEL_WRITING = [
    re.compile(p, _F)
    for p in (
        r"\b(?:only|exclusively|solely)\W+(?:\w+\W+){0,3}?in\s+writing\b",
        rf"\bmust{_W}in\s+writing\b",
        r"(?:только|исключительно)\W+(?:\w+\W+){0,3}?(?:в\s+)?письменн\w*",
        r"\b(?:uniquement|exclusivement|seulement)\W+(?:\w+\W+){0,3}?par\s+[ée]crit",
        r"\bтек\W+(?:\w+\W+){0,2}?жазбаша",
        r"жазбаша\w*\W+(?:\w+\W+){0,2}?(?:ғана|қана)\b",
        r"жазуу\s+(?:жүзүндө|түрүндө)\w*\W+(?:\w+\W+){0,2}?(?:гана|кана)\b",
    )
]
_SIGNATURE_DEMAND = [
    re.compile(p, _F)
    for p in (
        r"\b(?:hand-?written|wet[- ]ink|original)\s+signature\b",
        r"\bsigned\s+(?:request|letter|application|form)\b",
        r"\bmust\s+(?:be\s+)?(?:personally\s+)?sign(?:ed)?\b",
        r"\bsign(?:ed)?\s+by\s+hand\b",
        r"собственноручн\w*\s+подпис\w*",
        r"подписанн\w*\s+(?:Вами\s+)?(?:запрос|заявлени|обращени)\w*",
        r"(?:запрос|заявлени|обращени)\w*\s+(?:\w+\s+){0,2}?должн\w*\s+быть\s+подписан",
        r"signature\s+manuscrite",
        r"\b(?:demande|lettre|courrier)\s+(?:dûment\s+)?sign[ée]e?\b",
        r"қолыңызбен\s+қол\s+қой",
        r"қолмен\s+(?:жазылған|қойылған)",
        r"колуңуз\s+менен\s+кол\s+кой",
        r"кол\s+менен\s+(?:жазылган|коюлган)",
    )
]
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n")


def _regimes(inp: LetterInput, controller_jurisdictions: Iterable[str]) -> set[str]:
    codes = {j.strip().upper() for j in controller_jurisdictions if j.strip()}
    if inp.jurisdiction.strip():
        codes.add(inp.jurisdiction.strip().upper())
    return codes


def _governing(inp: LetterInput, regimes: set[str]) -> str:
    if inp.jurisdiction.strip():
        return inp.jurisdiction.strip().upper()
    if inp.controller.jurisdictions:
        return inp.controller.jurisdictions[0].upper()
    return sorted(regimes)[0] if regimes else ""


def _id_copy_requests(text: str) -> tuple[bool, bool]:
    """(asks for an ID copy, asks for a signed ID copy)."""
    asked = signed = False
    for sentence in _SENTENCES.split(text):
        if any(p.search(sentence) for p in _ID_COPY):
            asked = True
            if _SIGNED.search(sentence):
                signed = True
    return asked, signed


def _any(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def check_letter(
    inp: LetterInput,
    request_language: str,
    controller_jurisdictions: Iterable[str],
    today: date,
    deadline_passed_without_extension: bool,
    text: str,
    *,
    legal_review_cleared: bool = False,
    template_override: str | None = None,
) -> list[LetterWarning]:
    """Warnings for the DPO before the letter goes out (empty when nothing is found).

    ``text`` is the letter's final text (``ComposedLetter.text`` or the DPO's edit).
    """
    out: list[LetterWarning] = []
    kind = LetterKind(inp.kind)
    lang = inp.language
    regimes = _regimes(inp, controller_jurisdictions)
    governing = _governing(inp, regimes)

    def warn(code: str, message: str) -> None:
        out.append(LetterWarning(code, message))

    # Language.
    if request_language.strip() and request_language.strip().lower() != lang.lower():
        warn(
            "language_mismatch",
            Message(
                "The reply is in '{reply_language}' but the request was written in "
                "'{request_language}'.",
                reply_language=lang,
                request_language=request_language.strip().lower(),
            ),
        )

    # Deadlines.
    due = inp.deadline_due
    if kind == LetterKind.EXTENSION_NOTICE:
        if due is not None and today > due:
            warn(
                "extension_too_late",
                Message(
                    "The period ended on {due}: an extension must be notified "
                    "before the original deadline.",
                    due=due.isoformat(),
                ),
            )
        if governing in _NO_EXTENSION:
            warn(
                "extension_not_in_law",
                Message(
                    "The law of {jurisdiction} provides no extension of the reply period; an "
                    "extension notice does not move the deadline.",
                    jurisdiction=governing,
                ),
            )
    else:
        late = (
            due is not None
            and today > due
            and (inp.extended_due is None or today > inp.extended_due)
        )
        if deadline_passed_without_extension or late:
            warn(
                "deadline_passed",
                Message(
                    "The deadline has passed and no extension notice was sent: the reply is "
                    "late. Send it without further delay and record the reason."
                ),
            )
    if kind == LetterKind.ACKNOWLEDGEMENT and due is None:
        warn(
            "no_deadline_stated",
            Message("The acknowledgement states no reply date; compute the deadline first."),
        )
    citation = inp.deadline_citation.strip()
    # only letters that state a reply date can present an internal target as law; the other
    # kinds cite the law for the rights and the answer itself
    states_date = kind in (LetterKind.ACKNOWLEDGEMENT, LetterKind.EXTENSION_NOTICE)
    if (
        states_date
        and not inp.deadline_statutory
        and citation
        and citation.casefold() in text.casefold()
    ):
        warn(
            "internal_target_cited",
            Message(
                "The letter cites '{citation}' for an internal target: an internal target must "
                "never be presented as a legal deadline.",
                citation=citation,
            ),
        )

    # Refusal and access response: reasons, legal ground, the right to complain.
    if kind == LetterKind.REFUSAL:
        if not inp.refusal_reasons.strip():
            warn("refusal_without_reasons", Message("The refusal gives no reasons."))
        if not inp.legal_ground.strip():
            warn(
                "refusal_without_legal_ground",
                Message(
                    "The refusal cites no legal ground (e.g. the article of the law it relies on)."
                ),
            )
    if kind in (LetterKind.REFUSAL, LetterKind.ACCESS_RESPONSE):
        authority = authority_for(governing, inp.controller.jurisdictions)
        markers: list[str] = []
        if authority is not None:
            markers += [authority.name(lang), authority.website]
        else:
            warn(
                "no_supervisory_authority",
                Message(
                    "No supervisory authority is known for the jurisdiction '{jurisdiction}': "
                    "the letter can only mention the right to complain in general terms.",
                    jurisdiction=governing,
                ),
            )
        tpl = load_template(kind, lang, template_override)
        markers += [tpl.parts["complaint_generic"]]
        folded = text.casefold()
        if not any(m and m.casefold() in folded for m in markers):
            warn(
                "missing_complaint_paragraph",
                Message(
                    "The letter does not tell the data subject of the right to complain to the "
                    "supervisory authority."
                ),
            )
    if kind == LetterKind.ACCESS_RESPONSE and not inp.enclosures:
        warn(
            "access_without_enclosures",
            Message("The access response lists no enclosure (the copy of the data)."),
        )

    # Identity documents, channels, signatures.
    asked_copy, signed_copy = _id_copy_requests(text)
    if asked_copy and "KZ" in regimes:
        warn(
            "paper_id_copy_kz",
            Message(
                "The letter asks for a copy of an identity document: Kazakh law forbids "
                "collecting paper copies of identity documents (Law 94-V Art. 7(10)). Verify "
                "identity by account data or an electronic digital signature instead."
            ),
        )
    doubt_regime = any(r.startswith(_DOUBT_REGIMES) for r in regimes)
    if asked_copy and doubt_regime and not inp.identity_doubt.strip():
        if signed_copy:
            warn(
                "signed_id_copy_without_doubt",
                Message(
                    "The letter demands a signed copy of an identity document without stating a "
                    "doubt about identity. Under French law a signed ID copy may be asked only "
                    "where the situation requires it (décret n° 2019-536 of 29 May 2019, art. "
                    "77); the CNIL fined systematic ID demands (délibération SAN-2020-008 of 18 "
                    "November 2020, Carrefour France)."
                ),
            )
        else:
            warn(
                "id_copy_without_doubt",
                Message(
                    "The letter asks for an identity document without stating a reasonable "
                    "doubt about identity (GDPR Art. 12(6); EDPB 01/2022): give the reason or "
                    "ask for less."
                ),
            )
    if _any(_CHANNEL_POST, text) or (_any(_CHANNEL_WRITING, text) and not regimes <= {"KG"}):
        warn(
            "channel_insisted",
            Message(
                "The letter insists on one channel (post, in person, in writing...). The law "
                "lets the data subject use other channels; accept any reasonable one."
            ),
        )
    if _any(_SIGNATURE_DEMAND, text) and "RU" not in regimes:
        warn(
            "signature_demanded",
            Message(
                "The letter demands a handwritten or signed request, which the applicable law "
                "does not require."
            ),
        )

    # Template review.
    flags = load_template(kind, lang, template_override)
    if (flags.needs_legal_review or labels(lang).needs_legal_review) and not legal_review_cleared:
        note = f" {flags.review_note}" if flags.review_note else ""
        warn(
            "needs_legal_review",
            Message(
                "The {language} {kind} template has not been reviewed by a lawyer yet.{note}",
                language=lang,
                kind=kind.value,
                note=note,
            ),
        )
    return out
