"""The launch campaign's help page as migration 13 (m013_campaign_help) gives it to
databases made before campaigns had help pages. Frozen here, not read from
campaign/data/launch-campaign.json: a shipped migration never changes what it does, even
when the shipped campaign's text does later (the same rule as FIRST_SHIPPED_OPENING)."""

LAUNCH_SLUG = "stop-trafficking-networks"
_HELP_TEXT_LINES = (
    "If you think someone is being trafficked or exploited, you can tell someone, safely and, if you wish, anonymously.",
    "",
    "- Someone is in immediate danger: call the police on 999.",
    "- Police, not an emergency: call 101.",
    "- Crimestoppers, an anonymous and independent charity: call 0800 555 111, or use the online form at https://crimestoppers-uk.org/give-information. They never ask your name.",
    "- Modern Slavery & Exploitation Helpline, 24 hours: call 08000 121 700.",
    "- Victims of trafficking: The Salvation Army's confidential line, 24 hours: call 0800 808 3733.",
    "",
    "If you are young and something feels wrong, you are not in trouble for asking for help:",
    "",
    "- Childline, free and confidential, for anyone under 19: call 0800 1111, or talk online at https://www.childline.org.uk.",
    "- Fearless, from Crimestoppers, is where young people can pass on what they know about crime, anonymously: https://www.fearless.org.",
    "",
    "Signs to look out for:",
    "",
    "- Someone who seems controlled by others, is rarely alone, or doesn't know their own address.",
    "- Young people with unexplained cash, phones or clothes, or who travel far from home without explanation.",
    "- Many people living at one address, or workers collected and dropped off at odd hours.",
)
LAUNCH_HELP = {
    "help_title": "Report trafficking or exploitation",
    "help_footer": "If someone is in immediate danger, call 999.",
    "help_text": "\n".join(_HELP_TEXT_LINES),
}
