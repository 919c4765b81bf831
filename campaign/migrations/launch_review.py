"""The launch campaign's corrected texts that migration 26 (m026_launch_welsh_review)
gives a database that loaded them before: each text's shipped version and its
correction, frozen here (a shipped migration never changes what it does, whatever
campaign/data/launch-campaign.json says later).

Issue 33's review of the Welsh: the subject could be misread; "denu" (lure) for
"groomed" lost the safeguarding sense ("meithrin perthynas amhriodol"); "[[gael|dderbyn]]"
lost the English need/deserve choice; "i eich" contracts to "i'ch"; "yr hyn y cawsant"
followed a singular "neb"; "ar hyd y ffordd" is a calque; the thank-you differed from
the site's own. The English help page gains Meic's line, which the Welsh already had.
A text is corrected only where it is still exactly as shipped: one staff changed is
theirs. Asks are found by their English title as shipped.
"""
from __future__ import annotations

import sqlite_utils

from campaign.migrations.history import record_history

LAUNCH_SLUG = "stop-trafficking-networks"

#: {"campaign": {column: (as shipped, corrected)}, "asks": {English title: {column: (...)}}}
CORRECTIONS: dict = {'asks': {'Full support for victims': {'paragraph_cy': ('Dylai dioddefwyr masnachu pobl '
                                                        '[[gael|dderbyn]] cymorth llawn: tai '
                                                        'diogel, cymorth cyfreithiol, cwnsela ac, '
                                                        "i'r rhai sy'n dymuno hynny, llwybr diogel "
                                                        'adref. Ni ddylid eu [[trin fel '
                                                        'troseddwyr|cosbi]] am yr hyn y cawsant eu '
                                                        "gorfodi i'w wneud.\n"
                                                        '\n'
                                                        'Mae angen cymorth priodol ar bobl sydd '
                                                        "wedi'u masnachu: [[rhywle diogel i "
                                                        'fyw|lle diogel i aros]], cyngor '
                                                        'cyfreithiol, cwnsela, a ffordd ddiogel '
                                                        'adref os mai dyna yw eu dewis. [[Ni '
                                                        'ddylid eu herlyn|Ni ddylai neb gael ei '
                                                        'erlyn]] am yr hyn y cawsant eu gorfodi '
                                                        "i'w wneud.\n"
                                                        '\n'
                                                        'Hoffwn i ddioddefwyr masnachu pobl gael '
                                                        'cymorth llawn, gan gynnwys [[tai '
                                                        'diogel|lle diogel i fyw]], cymorth '
                                                        'cyfreithiol a chwnsela, gyda llwybr '
                                                        "diogel adref i unrhyw un sy'n dymuno "
                                                        'hynny. Mae eu trin fel troseddwyr am '
                                                        "weithredoedd y cawsant eu gorfodi i'w "
                                                        "cyflawni [[yn helpu'r masnachwyr yn "
                                                        "unig|yn chwarae i ddwylo'r masnachwyr]].",
                                                        '[[Mae angen cymorth llawn ar ddioddefwyr '
                                                        'masnachu pobl|Mae dioddefwyr masnachu '
                                                        'pobl yn haeddu cymorth llawn]]: tai '
                                                        'diogel, cymorth cyfreithiol, cwnsela ac, '
                                                        "i'r rhai sy'n dymuno hynny, llwybr diogel "
                                                        'adref. Ni ddylid eu [[trin fel '
                                                        'troseddwyr|cosbi]] am yr hyn y cawsant eu '
                                                        "gorfodi i'w wneud.\n"
                                                        '\n'
                                                        'Mae angen cymorth priodol ar bobl sydd '
                                                        "wedi'u masnachu: [[rhywle diogel i "
                                                        'fyw|lle diogel i aros]], cyngor '
                                                        'cyfreithiol, cwnsela, a ffordd ddiogel '
                                                        'adref os mai dyna yw eu dewis. [[Ni '
                                                        'ddylid eu herlyn am yr hyn y cawsant eu '
                                                        "gorfodi i'w wneud|Ni ddylai neb gael ei "
                                                        "erlyn am yr hyn y cafodd ei orfodi i'w "
                                                        'wneud]].\n'
                                                        '\n'
                                                        'Hoffwn i ddioddefwyr masnachu pobl gael '
                                                        'cymorth llawn, gan gynnwys [[tai '
                                                        'diogel|lle diogel i fyw]], cymorth '
                                                        'cyfreithiol a chwnsela, gyda llwybr '
                                                        "diogel adref i unrhyw un sy'n dymuno "
                                                        'hynny. Mae eu trin fel troseddwyr am '
                                                        "weithredoedd y cawsant eu gorfodi i'w "
                                                        "cyflawni [[yn helpu'r masnachwyr yn "
                                                        "unig|yn chwarae i ddwylo'r "
                                                        'masnachwyr]].')},
          'Treat exploited children as victims first': {'paragraph_cy': ('Dylai plant a phobl '
                                                                         'ifanc yn eu harddegau '
                                                                         "sydd wedi'u masnachu neu "
                                                                         "sy'n dioddef "
                                                                         'camfanteisio, gan '
                                                                         "gynnwys y rhai sy'n cael "
                                                                         'eu gorfodi i werthu '
                                                                         'cyffuriau ar linellau '
                                                                         'cyffuriau, gael eu trin '
                                                                         'fel dioddefwyr [[yn '
                                                                         'gyntaf|yn gyntaf oll]]. '
                                                                         'Mae [[gormod o|llawer '
                                                                         'gormod o]] bobl ifanc yn '
                                                                         'y llys yn y pen draw am '
                                                                         'droseddau y cawsant eu '
                                                                         "denu neu eu gorfodi i'w "
                                                                         'cyflawni.\n'
                                                                         '\n'
                                                                         'Dylai plant a phobl '
                                                                         'ifanc yn eu harddegau '
                                                                         "sydd wedi'u masnachu neu "
                                                                         'sydd wedi dioddef '
                                                                         'camfanteisio, gan '
                                                                         'gynnwys y rhai sydd '
                                                                         "wedi'u gwthio i werthu "
                                                                         'cyffuriau ar linellau '
                                                                         'cyffuriau, gael eu gweld '
                                                                         '[[yn ddioddefwyr yn '
                                                                         'gyntaf|yn ddioddefwyr '
                                                                         'cyn dim arall]]. [[Yn '
                                                                         'rhy aml|Yn llawer rhy '
                                                                         'aml]], caiff pobl ifanc '
                                                                         'eu herlyn am droseddau y '
                                                                         'cawsant eu denu neu eu '
                                                                         "gorfodi i'w cyflawni.\n"
                                                                         '\n'
                                                                         'Yn aml, mae pobl ifanc '
                                                                         "sy'n cael eu tynnu i "
                                                                         'mewn i linellau '
                                                                         'cyffuriau wedi cael eu '
                                                                         'denu, eu bygwth neu eu '
                                                                         "masnachu. [[Rwy'n "
                                                                         "credu|Rwy'n teimlo'n "
                                                                         'gryf]] y dylid eu trin '
                                                                         'fel dioddefwyr [[yn '
                                                                         'gyntaf|yn gyntaf oll]], '
                                                                         'fel eu bod yn cael eu '
                                                                         "[[hamddiffyn a'u "
                                                                         "cefnogi|cadw'n ddiogel "
                                                                         "a'u helpu]] yn hytrach "
                                                                         "na'u herlyn yn unig.",
                                                                         'Dylai plant a phobl '
                                                                         'ifanc yn eu harddegau '
                                                                         "sydd wedi'u masnachu neu "
                                                                         "sy'n dioddef "
                                                                         'camfanteisio, gan '
                                                                         "gynnwys y rhai sy'n cael "
                                                                         'eu gorfodi i werthu '
                                                                         'cyffuriau ar linellau '
                                                                         'cyffuriau, gael eu trin '
                                                                         'fel dioddefwyr [[yn '
                                                                         'gyntaf|yn gyntaf oll]]. '
                                                                         'Mae [[gormod o|llawer '
                                                                         'gormod o]] bobl ifanc yn '
                                                                         'y llys yn y pen draw am '
                                                                         'droseddau y cawsant eu '
                                                                         "gorfodi i'w cyflawni, "
                                                                         'neu eu harwain atynt gan '
                                                                         "rywun a fu'n meithrin "
                                                                         'perthynas amhriodol â '
                                                                         'nhw.\n'
                                                                         '\n'
                                                                         'Dylai plant a phobl '
                                                                         'ifanc yn eu harddegau '
                                                                         "sydd wedi'u masnachu neu "
                                                                         'sydd wedi dioddef '
                                                                         'camfanteisio, gan '
                                                                         'gynnwys y rhai sydd '
                                                                         "wedi'u gwthio i werthu "
                                                                         'cyffuriau ar linellau '
                                                                         'cyffuriau, gael eu gweld '
                                                                         '[[yn ddioddefwyr yn '
                                                                         'gyntaf|yn ddioddefwyr '
                                                                         'cyn dim arall]]. [[Yn '
                                                                         'rhy aml|Yn llawer rhy '
                                                                         'aml]], caiff pobl ifanc '
                                                                         'eu herlyn am droseddau y '
                                                                         "cawsant eu gorfodi i'w "
                                                                         'cyflawni, neu eu harwain '
                                                                         "atynt gan rywun a fu'n "
                                                                         'meithrin perthynas '
                                                                         'amhriodol â nhw.\n'
                                                                         '\n'
                                                                         'Yn aml, mae rhywun wedi '
                                                                         'meithrin perthynas '
                                                                         "amhriodol â'r bobl ifanc "
                                                                         "sy'n cael eu tynnu i "
                                                                         'mewn i linellau '
                                                                         "cyffuriau, neu wedi'u "
                                                                         'bygwth neu eu masnachu. '
                                                                         "[[Rwy'n credu|Rwy'n "
                                                                         "teimlo'n gryf]] y dylid "
                                                                         'eu trin fel dioddefwyr '
                                                                         '[[yn gyntaf|yn gyntaf '
                                                                         'oll]], fel eu bod yn '
                                                                         "cael eu [[hamddiffyn a'u "
                                                                         "cefnogi|cadw'n ddiogel "
                                                                         "a'u helpu]] yn hytrach "
                                                                         "na'u herlyn yn unig.")}},
 'campaign': {'help_text': ('If you think someone is being trafficked or exploited, you can tell '
                            'someone, safely and, if you wish, anonymously.\n'
                            '\n'
                            '- Someone is in immediate danger: call the police on 999.\n'
                            '- Police, not an emergency: call 101.\n'
                            '- Crimestoppers, an anonymous and independent charity: call 0800 555 '
                            '111, or use the online form at '
                            'https://crimestoppers-uk.org/give-information. They never ask your '
                            'name.\n'
                            '- Modern Slavery & Exploitation Helpline, 24 hours: call 08000 121 '
                            '700.\n'
                            "- Victims of trafficking: The Salvation Army's confidential line, 24 "
                            'hours: call 0800 808 3733.\n'
                            '\n'
                            'If you are young and something feels wrong, you are not in trouble '
                            'for asking for help:\n'
                            '\n'
                            '- Childline, free and confidential, for anyone under 19: call 0800 '
                            '1111, or talk online at https://www.childline.org.uk.\n'
                            '- Fearless, from Crimestoppers, is where young people can pass on '
                            'what they know about crime, anonymously: https://www.fearless.org.\n'
                            '\n'
                            'Signs to look out for:\n'
                            '\n'
                            "- Someone who seems controlled by others, is rarely alone, or doesn't "
                            'know their own address.\n'
                            '- Young people with unexplained cash, phones or clothes, or who '
                            'travel far from home without explanation.\n'
                            '- Many people living at one address, or workers collected and dropped '
                            'off at odd hours.',
                            'If you think someone is being trafficked or exploited, you can tell '
                            'someone, safely and, if you wish, anonymously.\n'
                            '\n'
                            '- Someone is in immediate danger: call the police on 999.\n'
                            '- Police, not an emergency: call 101.\n'
                            '- Crimestoppers, an anonymous and independent charity: call 0800 555 '
                            '111, or use the online form at '
                            'https://crimestoppers-uk.org/give-information. They never ask your '
                            'name.\n'
                            '- Modern Slavery & Exploitation Helpline, 24 hours: call 08000 121 '
                            '700.\n'
                            "- Victims of trafficking: The Salvation Army's confidential line, 24 "
                            'hours: call 0800 808 3733.\n'
                            '\n'
                            'If you are young and something feels wrong, you are not in trouble '
                            'for asking for help:\n'
                            '\n'
                            '- Meic, the helpline for children and young people in Wales, free and '
                            'confidential, in Welsh or English: call 080880 23456.\n'
                            '- Childline, free and confidential, for anyone under 19: call 0800 '
                            '1111, or talk online at https://www.childline.org.uk.\n'
                            '- Fearless, from Crimestoppers, is where young people can pass on '
                            'what they know about crime, anonymously: https://www.fearless.org.\n'
                            '\n'
                            'Signs to look out for:\n'
                            '\n'
                            "- Someone who seems controlled by others, is rarely alone, or doesn't "
                            'know their own address.\n'
                            '- Young people with unexplained cash, phones or clothes, or who '
                            'travel far from home without explanation.\n'
                            '- Many people living at one address, or workers collected and dropped '
                            'off at odd hours.'),
              'minister_closing_cy': ('Deallaf na allwch, fel Gweinidog, lofnodi cynigion '
                                      "cynnar-yn-y-dydd (early day motions) na holi'r Llywodraeth "
                                      "yn Nhŷ'r Cyffredin. Byddwn yn ddiolchgar pe baech yn "
                                      "[[codi'r pwyntiau hyn gyda'r|cyflwyno'r pwyntiau hyn i'r]] "
                                      "Ysgrifennydd Cartref a'r gweinidogion sy'n gyfrifol, yn "
                                      'gweithredu arnynt lle gall eich adran eich hun wneud hynny, '
                                      'ac yn rhoi gwybod i mi sut maent yn ymateb.\n'
                                      '\n'
                                      "Fel aelod o'r Llywodraeth, ni allwch [[holi|gyflwyno "
                                      "cwestiynau i]] eich gweinidogion eich hun yn Nhŷ'r "
                                      "Cyffredin, felly gofynnaf i chi godi'r pwyntiau hyn yn "
                                      "uniongyrchol gyda'r Ysgrifennydd Cartref, ac [[i roi gwybod "
                                      'i mi|i ddweud wrthyf]] beth fydd y Llywodraeth yn ei wneud '
                                      'yn eu cylch.',
                                      'Deallaf na allwch, fel Gweinidog, lofnodi cynigion '
                                      "cynnar-yn-y-dydd (early day motions) na holi'r Llywodraeth "
                                      "yn Nhŷ'r Cyffredin. Byddwn yn ddiolchgar pe baech yn "
                                      "[[codi'r pwyntiau hyn gyda'r|cyflwyno'r pwyntiau hyn i'r]] "
                                      "Ysgrifennydd Cartref a'r gweinidogion sy'n gyfrifol, yn "
                                      'gweithredu arnynt lle gall eich adran eich hun wneud hynny, '
                                      'ac yn rhoi gwybod i mi sut maent yn ymateb.\n'
                                      '\n'
                                      "Fel aelod o'r Llywodraeth, ni allwch [[holi'ch|gyflwyno "
                                      "cwestiynau i'ch]] gweinidogion eich hun yn Nhŷ'r Cyffredin, "
                                      "felly gofynnaf i chi godi'r pwyntiau hyn yn uniongyrchol "
                                      "gyda'r Ysgrifennydd Cartref, ac [[i roi gwybod i mi|i "
                                      'ddweud wrthyf]] beth fydd y Llywodraeth yn ei wneud yn eu '
                                      'cylch.'),
              'opening_cy': ("[[Rwy'n ysgrifennu atoch|Ysgrifennaf atoch]] fel un o'ch etholwyr yn "
                             "etholaeth {{ constituency }} ynglŷn â'r [[rhwydweithiau troseddu "
                             "cyfundrefnol|rhwydweithiau troseddol cyfundrefnol]] sy'n masnachu "
                             "pobl a chyffuriau [[i'r DU|i Brydain]], a'r bobl ifanc y maent yn "
                             '[[camfanteisio arnynt|eu targedu]]. [[Hoffwn ofyn am eich cefnogaeth '
                             "i'r|Gofynnaf am eich help gyda'r]] hyn a nodaf isod.\n"
                             '\n'
                             "Fel [[un o'ch etholwyr|rhywun sy'n byw]] yn etholaeth {{ "
                             "constituency }}, rwy'n ysgrifennu ynglŷn â'r "
                             "[[rhwydweithiau|gangiau]] troseddol sy'n [[dod â phobl|smyglo pobl]] "
                             "a chyffuriau i'r wlad hon, ac ynglŷn â'r [[plant a'r oedolion "
                             "ifanc|bobl ifanc]] y maent yn eu [[denu i'w masnach|tynnu i mewn i'w "
                             "busnes]]. [[Rwy'n esbonio isod|Rwy'n nodi isod]] yr hyn rwy'n "
                             'gobeithio y byddwch yn ei [[gefnogi|hyrwyddo]].\n'
                             '\n'
                             "Rwy'n byw yn etholaeth {{ constituency }} ac rwy'n ysgrifennu atoch "
                             "am fy mod yn [[pryderu|poeni]] am gangiau cyfundrefnol sy'n masnachu "
                             "pobl a chyffuriau [[i'r DU|i Brydain]] ac yn camfanteisio ar bobl "
                             'ifanc [[ar hyd y ffordd|wrth wneud hynny]]. [[Hoffwn ofyn i chi '
                             "gefnogi'r|Byddwn yn ddiolchgar pe baech yn cefnogi'r]] hyn a "
                             '[[nodaf|gynigiaf]] isod.\n'
                             '\n'
                             "[[Rwy'n un o'ch etholwyr|Rwy'n un o'r bobl rydych yn eu "
                             "cynrychioli]] yn etholaeth {{ constituency }}. Mae'r gangiau sy'n "
                             "[[symud|smyglo]] pobl a chyffuriau [[i'r DU|i Brydain]], a'r bobl "
                             'ifanc y maent yn [[camfanteisio arnynt|eu targedu]], yn [[peri '
                             "pryder i mi|destun pryder gwirioneddol i mi]], ac rwy'n gobeithio y "
                             "byddwch yn [[cefnogi'r|ategu'r]] hyn a ofynnaf gennych isod.",
                             "[[Rwy'n ysgrifennu atoch|Ysgrifennaf atoch]] fel un o'ch etholwyr yn "
                             "etholaeth {{ constituency }} ynglŷn â'r [[rhwydweithiau troseddu "
                             "cyfundrefnol|rhwydweithiau troseddol cyfundrefnol]] sy'n masnachu "
                             "pobl a chyffuriau [[i'r DU|i Brydain]], a'r bobl ifanc y maent yn "
                             '[[camfanteisio arnynt|eu targedu]]. [[Hoffwn ofyn am eich cefnogaeth '
                             "i'r|Gofynnaf am eich help gyda'r]] hyn a nodaf isod.\n"
                             '\n'
                             "Fel [[un o'ch etholwyr|rhywun sy'n byw]] yn etholaeth {{ "
                             "constituency }}, rwy'n ysgrifennu ynglŷn â'r "
                             "[[rhwydweithiau|gangiau]] troseddol sy'n [[dod â phobl|smyglo pobl]] "
                             "a chyffuriau i'r wlad hon, ac ynglŷn â'r [[plant a'r oedolion "
                             "ifanc|bobl ifanc]] y maent yn eu [[denu i'w masnach|tynnu i mewn i'w "
                             "busnes]]. [[Rwy'n esbonio isod|Rwy'n nodi isod]] yr hyn rwy'n "
                             'gobeithio y byddwch yn ei [[gefnogi|hyrwyddo]].\n'
                             '\n'
                             "Rwy'n byw yn etholaeth {{ constituency }} ac rwy'n ysgrifennu atoch "
                             "am fy mod yn [[pryderu|poeni]] am gangiau cyfundrefnol sy'n masnachu "
                             "pobl a chyffuriau [[i'r DU|i Brydain]] ac yn camfanteisio ar bobl "
                             'ifanc [[yn y broses|wrth wneud hynny]]. [[Hoffwn ofyn i chi '
                             "gefnogi'r|Byddwn yn ddiolchgar pe baech yn cefnogi'r]] hyn a "
                             '[[nodaf|gynigiaf]] isod.\n'
                             '\n'
                             "[[Rwy'n un o'ch etholwyr|Rwy'n un o'r bobl rydych yn eu "
                             "cynrychioli]] yn etholaeth {{ constituency }}. Mae'r gangiau sy'n "
                             "[[symud|smyglo]] pobl a chyffuriau [[i'r DU|i Brydain]], a'r bobl "
                             'ifanc y maent yn [[camfanteisio arnynt|eu targedu]], yn [[peri '
                             "pryder i mi|destun pryder gwirioneddol i mi]], ac rwy'n gobeithio y "
                             "byddwch yn [[cefnogi'r|ategu'r]] hyn a ofynnaf gennych isod."),
              'subject_cy': ('Camau yn erbyn rhwydweithiau masnachu pobl ac amddiffyn eu '
                             'dioddefwyr',
                             "Camau yn erbyn rhwydweithiau masnachu pobl, ac amddiffyniad i'w "
                             'dioddefwyr'),
              'thank_you_cy': ("Mae'r ymgyrch hon wedi dod i ben. Diolch i bawb a ysgrifennodd at "
                               'eu Haelod Seneddol.',
                               "Mae'r ymgyrch hon wedi cau. Diolch i bawb a ysgrifennodd at eu "
                               'hAS.')}}

ACTION = "Welsh corrected after a review, and Meic added to the help page (migration 26)"
# What the campaign's own history entries record of it, as migration 21 records it.
_CAMPAIGN_SNAPSHOT = ("title", "slug", "summary", "intro", "thank_you", "help_title",
                      "help_footer", "help_text", "status")


def correct_launch_campaign(db: sqlite_utils.Database) -> None:
    """Give the launch campaign each correction where the text is still as shipped,
    recording each change in its history (inside the migration)."""
    for row in list(db.query("select * from campaigns where slug = ?", [LAUNCH_SLUG])):
        changed = _corrected(row, CORRECTIONS["campaign"])
        if changed:
            db.table("campaigns").update(row["id"], changed)
            snapshot = {name: row.get(name) or "" for name in _CAMPAIGN_SNAPSHOT}
            record_history(db, row["id"], "campaign", ACTION, {**snapshot, **changed})
        for ask in list(db.query("select * from asks where campaign_id = ?", [row["id"]])):
            corrections = CORRECTIONS["asks"].get(ask["title"])
            changed = _corrected(ask, corrections or {})
            if changed:
                db.table("asks").update(ask["id"], changed)
                snapshot = {"title": ask["title"], "explanation": ask["explanation"] or "",
                            "paragraph": ask["paragraph"], "enabled": bool(ask["enabled"]),
                            "position": ask["position"], **changed}
                record_history(db, row["id"], "ask", ACTION, snapshot, ask_id=ask["id"])


def _corrected(row: dict, corrections: dict) -> dict[str, str]:
    """The columns of `row` whose text is exactly as shipped, with their corrections."""
    return {column: corrected for column, (shipped, corrected) in corrections.items()
            if column in row and row[column] == shipped}
