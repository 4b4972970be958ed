"""Lexicons for attribution: verbs of saying, role and organisation words, news agencies.

Everything here is general English newswire vocabulary, compiled once into regexes.
"""

from __future__ import annotations

import re
from typing import Final

from provenance.extract.patterns import trie

# Verbs (and verb phrases) that introduce speech or writing, in every tense a report uses.
_CUE_STEMS: Final = """
said says say saying told tells tell added adds stressed stresses warned warns wrote writes
claimed claims noted announced announces insisted insists emphasized emphasizes
emphasised emphasises explained explains asked asks declared declares stated
continued continues argued argues replied replies responded responds reported reports
recalled recalls acknowledged acknowledges admitted admits confirmed confirms suggested
suggests tweeted tweets posted remarked observed observes commented
conceded concedes urged urges informed informs assured assures promised vowed vows
predicted predicts cautioned cautions complained complains joked jokes quipped quips
recounted recounts testified testifies shouted yelled wondered wonders mused muses
boasted boasts countered counters concluded concludes maintained maintains alleged alleges
reiterated reiterates underlined underlines underscored underscores pointed declared
indicated indicates threatened threatens demanded agreed agrees denied denies
scoffed scoffs sighed whispered screamed chanted chanting sings sang singing asking
adding telling writing warning noting asserted asserts asserting declaring explaining
insisting claiming stressing reads arguing responding replying recalling acknowledging admitting
tweeting
""".split()
CUE_WORDS: Final[frozenset[str]] = frozenset(_CUE_STEMS)
_MULTI: Final = [
    r"was quoted as saying", r"were quoted as saying", r"is quoted as saying",
    r"was quoted", r"were quoted", r"quoted as saying", r"went on", r"goes on",
    r"pointed out", r"points out", r"according to", r"According to",
]
# Wherever two phrases can both match (followed by a word boundary), the longer one wins,
# as in the plain alternation listing the phrases first and then words by length.
CUE_RE: Final = re.compile(r"\b(?:" + trie(_MULTI + sorted(CUE_WORDS)) + r")\b")
# Verbs by which someone applies a word or phrase to something ("described them as ...").
_DESCRIBE_VERBS: Final = ("describ", "call", "term", "dub", "label", "brand", "refer",
                          "characteri[sz]", "nam", "dismiss", "denounc")
DESCRIBE_RE: Final = re.compile(r"\b(?:" + "|".join(_DESCRIBE_VERBS) + r")\w*\b")

# A short quote someone is said to have used, ending a naming clause: "called the mine «…»",
# "calls this sum „…“", "described them as '…'", "spoke of „…“" -- with an object or "as", so not
# "a play called “…”", "coined the term “…”", "called for “…”", "named after".
# Applied to at most the last 80 characters before the opening mark: bounded, linear time.
_NAMING_VERB: Final = (
    r"(?:(?:call|term|dub|label|brand|nam|dismiss)(?:s|es|ed|ing|led|ling|bed|bing)?"
    r"|describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|denounc(?:e|es|ed|ing))")
_NAMING_WORD: Final = (
    r"\s+(?!(?:for|on|off|up|out|in|upon|after|to|at|back|by|and|or|but|that|if|a|an"
    r"|the)\b)[^\W\d_][\w’'\-]*")
# an object with at least one word besides its articles: "the mine", "this sum", "Trump a"
_NAMING_OBJECT: Final = (r"(?:\s+(?:a|an|the|this|these|his|her|its|their))?(?:" + _NAMING_WORD
                         + r"){1,3}(?:\s+(?:a|an|the))?")
NAMING_RE: Final = re.compile(
    r"(?<!-)(?<!- )\b(?:" + _NAMING_VERB + _NAMING_OBJECT + r"(?:\s+as)?"
    r"|" + _NAMING_VERB + "(?:" + _NAMING_OBJECT + r")?\s+as"
    r"|sp(?:oke|eaks?|eaking)\s+of|talk(?:s|ed|ing)?\s+of)\s*$"
)

# Every match of DESCRIBE_RE and NAMING_RE holds one of these literally: a window holding
# none cannot match, and is turned down by a few ``str`` searches instead of a regex search
# tried at every position (tests/test_cues.py checks the lists against the patterns).
DESCRIBE_STEMS: Final = tuple(v.partition("[")[0] for v in _DESCRIBE_VERBS)
NAMING_STEMS: Final = ("call", "term", "dub", "label", "brand", "nam", "dismiss", "describ",
                       "characteri", "denounc", "spoke", "speak", "talk")


def _holds_any(text: str, lo: int, hi: int, stems: tuple[str, ...]) -> bool:
    window = text[lo:hi]
    for stem in stems:  # noqa: SIM110 - a loop: a generator is an object per call, compiled
        if stem in window:
            return True
    return False


def describing_in(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``DESCRIBE_RE.search(text, lo, hi)``: a verb applying a word to something."""
    return DESCRIBE_RE.search(text, lo, hi) if _holds_any(text, lo, hi, DESCRIBE_STEMS) else None


def naming_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``NAMING_RE.search(text, lo, hi)``: a naming clause ending at ``hi``."""
    return NAMING_RE.search(text, lo, hi) if _holds_any(text, lo, hi, NAMING_STEMS) else None


# Words an attribution puts between a subject and its verb ("Price also said").
AUX_ADVERBS: Final = frozenset("""also previously then later again further reportedly once recently
earlier repeatedly has had have was were is would will had just already still finally
separately similarly moreover furthermore subsequently""".split())

ROLE_WORDS: Final = frozenset("""president presidents minister ministers prime premier spokesman
spokeswoman spokesperson spokespeople spokesmen leader leaders head chief director secretary
chairman chairwoman chair official officials officer officers adviser advisers advisor aide
aides ambassador governor mayor senator sen. rep. representative congressman congresswoman
candidate nominee manager commissioner commander general gen. chancellor king queen prince
pope judge justice attorney lawyer lawyers analyst analysts expert experts professor prof.
dr. mr. mrs. ms. deputy vice foreign interior defense defence state press envoy diplomat
diplomacy lawmaker lawmakers legislator strategist pollster economist founder ceo executive
host anchor author editor reporter correspondent coordinator activist activists member
members speaker whip surrogate supporter supporters mate source sources witness witnesses
resident residents chief-of-staff staff staffer staffers colleague friend daughter son
wife husband father mother brother sister prosecutor prosecutors investigator investigators
researcher researchers scientist scientists doctor doctors officer general-secretary
secretary-general representative high monarch emir sheikh ayatollah cardinal bishop
spokespersons sen rep gov mr mrs ms dr prof lt col sgt capt negotiator negotiators
protester protesters demonstrator demonstrators
voter voters man woman people observer observers
admiral colonel lieutenant sergeant captain corporal brigadier marshal commodore major-general
lieutenant-general lieutenant-colonel prefect subprefect inspector superintendent constable
detective sheriff councillor councilor councilman councilwoman alderman""".split())

ORG_WORDS: Final = frozenset("""ministry ministries department police office agency government
committee council service party campaign embassy army military authorities administration
commission court parliament congress senate house kremlin foundation institute university
union organization organisation alliance bank company corporation group association
federation forces headquarters network channel radio tv television newspaper magazine
times post journal news tribune guardian herald gazette telegraph press ministerie
directorate bureau cabinet presidency secretariat command guard navy coalition movement
front board agencies fund inc. corp. ltd. co. team portal website site daily weekly
broadcaster outlet station opposition""".split())
# Things that speak for someone: "the statement said" means its author said.
STATEMENT_WORDS: Final = frozenset("""statement statements communique release report letter tweet
message note announcement declaration memo readout""".split())

# Wire services and broadcasters: relay others' words rather than speak for themselves.
AGENCY_WORDS: Final = frozenset("""afp ap reuters tass ria interfax xinhua bloomberg cnn bbc
dpa ansa efe kyodo yonhap anadolu regnum tasr ctk pap ukrinform unian nhk al-jazeera
aljazeera""".split())

PRONOUNS: Final = frozenset("he she they we i it him her them".split())
FUNCTION_WORDS: Final = frozenset("the a an of for our its his her their this that and".split())
ARTICLES: Final = frozenset("the a an".split())

# Capitalised words that never begin or belong to a speaker's name.
NON_NAME_CAPS: Final = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Yesterday Today Tomorrow Tonight But And Or However Meanwhile Furthermore Also Then In On
At As When While After Before If This That These Those It He She They We I You Quote
Source Details Earlier Later Still Yet So Now Here There Photo Previously Moreover
Asked Speaking According Instead Nevertheless Although Though Because Since Until Unless
Last Next Every Many Some Several Both Each Such What Who Why How Where Which During
Despite Amid Under Over With Without From For By Through Following Among Inside Outside
Certainly Even Former Back Only Just Not Never Perhaps Maybe Indeed Again Thus Hence Yes No
Well Oh Once Other Another All Most More Much Few Says Said Tells Told Why""".split())
