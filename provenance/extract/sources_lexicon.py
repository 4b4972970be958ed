"""Word lists behind source recognition: speech verbs, media, outlet/body/role cues, demonyms.

General vocabulary only; named outlets and people live in the alias table
(:mod:`provenance.entities`), which users extend without touching code.
"""

from __future__ import annotations

from typing import Final

# Verbs that attribute words or figures to their subject ("the ministry said").
SPEECH_VERBS: Final = frozenset(
    """say says said tell tells told report reports reported write writes wrote written
    announce announces announced stated add adds added noted
    stress stresses stressed warn warns warned claimed confirm confirms confirmed
    inform informs informed recall recalls recalled explain explains explained emphasize
    emphasizes emphasized emphasise emphasises emphasised insist insists insisted
    estimated quoted cite cites cited broadcasts
    publishes published posted tweeted reveal reveals revealed
    acknowledge acknowledges acknowledged admit admits admitted assert asserts asserted
    declare declares declared specify specifies specified clarify clarifies clarified
    mention mentions mentioned pointed underline underlines underlined
    indicate indicates indicated according
    promise promises promised pledge pledges pledged estimate estimates
    provided supplied compiled
    """.split()
)
# Speech verbs that, with an outlet subject and a "that" clause, frame what follows.
FRAMING_VERBS: Final = frozenset(
    """report reports reported write writes wrote recall recalls recalled inform informs informed
    note notes noted add adds added broadcast broadcasts published""".split()
)
# Passive forms whose "by X" names who relayed the words ("quoted by the AFP agency").
PASSIVE_RELAY: Final = frozenset(
    """quoted cited reported broadcast published announced relayed carried aired transmitted
    confirmed stated said written provided supplied compiled""".split()
)
# Words that may stand between a subject and its verb ("has previously warned").
AUX_ADVERBS: Final = frozenset(
    """has have had is are was were be been will would also previously later earlier then again
    reportedly officially further furthermore publicly recently yesterday today tonight
    separately meanwhile however too already first once just still had has not even initially
    originally subsequently repeatedly privately""".split()
)
TIME_WORDS: Final = frozenset(
    """on in at late early last this that night evening morning afternoon day week weekend
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
WEEKDAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS: Final = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december"
        .split()
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

# Channels through which words travel that are not intermediaries.
MEDIUM_WORDS: Final = frozenset(
    """statement statements speech address addresses facebook twitter telegram instagram youtube
    tiktok website site page interview interviews conference briefing press television tv radio
    reporters journalists journalist post posts video videos tweet tweets blog message letter
    broadcast appeal communique communiqué release decree meeting session parliament camera
    media""".split()
)
# Head nouns and name parts of outlets.
OUTLET_WORDS: Final = frozenset(
    """agency agencies channel channels tv television radio portal newspaper newspapers news
    daily weekly broadcaster outlet outlets website wire gazette times post journal herald
    tribune telegraph press magazine network station newswire novosti pravda vedomosti
    media""".split()
)
# Outlet words that on their own name a medium, not an outlet ("on television").
BARE_MEDIUM_OUTLET: Final = frozenset(
    {"tv", "television", "radio", "media", "press", "post", "news"})
# Head nouns of bodies.
BODY_WORDS: Final = frozenset(
    """forum ministry ministries police government governments authorities authority office
    department
    departments council committee commission army military forces force service services
    prosecutor prosecutors court courts administration agencies headquarters command
    officials official sources source organization organisation union alliance parliament
    kremlin presidency embassy municipality mayor's hospital hospitals guard guards troops
    spokesperson's cabinet secretariat bureau directorate inspectorate board institute
    center centre foundation company corporation bank fund association federation league
    party coalition university clinic assembly senate congress observatory ombudsman
    prosecutor's sheriff's coroner's examiner's""".split()
)
# Role words that precede (or stand for) a person's name.
ROLE_WORDS: Final = frozenset(
    """president prime minister foreign interior defence defense deputy vice secretary
    spokesman spokeswoman spokesperson leader chairman chairwoman chair head chief director
    general colonel major captain commander governor mayor senator ambassador envoy
    representative high king queen pope premier chancellor official adviser advisor
    press speaker akim mr mrs ms dr prof sir state former acting first prefect""".split()
)
PERSON_ROLE_HEADS: Final = frozenset(
    """prefect president minister secretary spokesman spokeswoman spokesperson leader chairman
    chairwoman head chief director governor mayor senator ambassador envoy representative
    premier chancellor adviser advisor commander""".split()
)
PRONOUNS: Final = frozenset("he she they it we i".split())
# Words that open a clause: never part of a source's noun phrase ("while local officials").
CLAUSE_WORDS: Final = frozenset(
    """while when whereas although though because but if since after before where so yet
    until unless once whether than then as also meanwhile however""".split()
)
# Heads of a company-like body that "the company said" refers back to.
ORG_HEADS: Final = frozenset(
    """company firm operator owner owners carrier airline manufacturer producer group insurer
    contractor developer employer builder shipowner retailer lender miner""".split()
)
# Heads of a document or dataset cited as a claim's origin ("official data", "the manifest").
DOC_HEADS: Final = frozenset(
    """data figures statistics records manifest estimates tally count""".split()
)
# Words negating the speech verb after them ("the ministry has not confirmed").
NEGATIONS: Final = frozenset({"not", "never", "n't", "neither", "nor"})
# Words saying a claim has no named source.
UNATTRIBUTED_CUES: Final = (
    "are said to", "is said to", "were said to", "was said to",
    "reportedly", "allegedly", "are believed to", "is believed to",
    "were believed to", "was believed to", "are thought to", "is thought to")
# What a back-reference names, and the events it covers.
FIGURE_NOUNS: Final[dict[str, frozenset[str]]] = {
    "toll": frozenset({"killed", "deaths"}),
    "dead": frozenset({"killed", "deaths"}),
    "deaths": frozenset({"killed", "deaths"}),
    "fatalities": frozenset({"killed", "deaths"}),
    "killed": frozenset({"killed", "deaths"}),
    "arrests": frozenset({"arrested", "detained"}),
    "arrested": frozenset({"arrested", "detained"}),
    "detentions": frozenset({"arrested", "detained"}),
    "detained": frozenset({"arrested", "detained"}),
    "injuries": frozenset({"injured", "wounded", "hospitalized"}),
    "injured": frozenset({"injured", "wounded", "hospitalized"}),
    "wounded": frozenset({"injured", "wounded", "hospitalized"}),
    "casualties": frozenset({"killed", "deaths", "injured", "wounded"}),
    "figures": frozenset(),
    "figure": frozenset(),
    "numbers": frozenset(),
    "data": frozenset(),
    "statistics": frozenset(),
}

# Country → demonym adjective, for "Kazakhstan says" / "the country's authorities".
DEMONYMS: Final[dict[str, str]] = {
    "kazakhstan": "Kazakh", "russia": "Russian", "russian federation": "Russian",
    "ukraine": "Ukrainian", "belarus": "Belarusian", "kyrgyzstan": "Kyrgyz",
    "tajikistan": "Tajik", "uzbekistan": "Uzbek", "turkmenistan": "Turkmen",
    "armenia": "Armenian", "azerbaijan": "Azerbaijani", "georgia": "Georgian",
    "moldova": "Moldovan", "china": "Chinese", "japan": "Japanese", "india": "Indian",
    "pakistan": "Pakistani", "afghanistan": "Afghan", "iran": "Iranian", "iraq": "Iraqi",
    "syria": "Syrian", "turkey": "Turkish", "türkiye": "Turkish", "israel": "Israeli",
    "lebanon": "Lebanese", "egypt": "Egyptian", "libya": "Libyan", "sudan": "Sudanese",
    "ethiopia": "Ethiopian", "nigeria": "Nigerian", "kenya": "Kenyan", "mali": "Malian",
    "south africa": "South African", "france": "French", "germany": "German",
    "italy": "Italian", "spain": "Spanish", "portugal": "Portuguese", "poland": "Polish",
    "slovakia": "Slovak", "czech republic": "Czech", "czechia": "Czech",
    "hungary": "Hungarian", "romania": "Romanian", "bulgaria": "Bulgarian",
    "serbia": "Serbian", "croatia": "Croatian", "greece": "Greek", "norway": "Norwegian",
    "sweden": "Swedish", "finland": "Finnish", "denmark": "Danish",
    "netherlands": "Dutch", "belgium": "Belgian", "austria": "Austrian",
    "switzerland": "Swiss", "united kingdom": "British", "britain": "British",
    "ireland": "Irish", "united states": "US", "america": "US", "canada": "Canadian",
    "mexico": "Mexican", "brazil": "Brazilian", "argentina": "Argentine",
    "colombia": "Colombian", "venezuela": "Venezuelan", "chile": "Chilean", "peru": "Peruvian",
    "cuba": "Cuban", "australia": "Australian", "indonesia": "Indonesian",
    "philippines": "Philippine", "thailand": "Thai", "vietnam": "Vietnamese",
    "myanmar": "Myanmar", "north korea": "North Korean", "south korea": "South Korean",
    "mongolia": "Mongolian", "saudi arabia": "Saudi", "yemen": "Yemeni",
    "cameroon": "Cameroonian", "ecuador": "Ecuadorian", "bangladesh": "Bangladeshi",
    "nepal": "Nepali", "sri lanka": "Sri Lankan", "malaysia": "Malaysian",
    "bolivia": "Bolivian", "uruguay": "Uruguayan", "paraguay": "Paraguayan",
    "guatemala": "Guatemalan", "honduras": "Honduran", "haiti": "Haitian",
    "ghana": "Ghanaian", "senegal": "Senegalese", "tanzania": "Tanzanian",
    "uganda": "Ugandan", "somalia": "Somali", "morocco": "Moroccan",
    "algeria": "Algerian", "tunisia": "Tunisian", "jordan": "Jordanian",
    "lithuania": "Lithuanian", "latvia": "Latvian", "estonia": "Estonian",
    "slovenia": "Slovenian", "bosnia": "Bosnian", "albania": "Albanian",
    "montenegro": "Montenegrin", "north macedonia": "Macedonian", "cyprus": "Cypriot",
    "zimbabwe": "Zimbabwean", "zambia": "Zambian", "mozambique": "Mozambican",
    "angola": "Angolan", "congo": "Congolese", "rwanda": "Rwandan",
    "niger": "Nigerien", "chad": "Chadian", "burkina faso": "Burkinabe",
    "cambodia": "Cambodian", "laos": "Lao", "new zealand": "New Zealand",
}
# Adjective forms that point at the same country ("Kazakhstani" → Kazakhstan).
ADJECTIVE_COUNTRY: Final[dict[str, str]] = {adj.casefold(): c for c, adj in DEMONYMS.items()}
ADJECTIVE_COUNTRY.update({"kazakhstani": "kazakhstan", "american": "united states",
                          "u.s.": "united states", "u.s": "united states", "uk": "united kingdom",
                          "english": "united kingdom", "byelorussian": "belarus"})
