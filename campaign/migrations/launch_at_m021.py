"""The launch campaign's English and Welsh as m021_launch_campaign_welsh gives them, frozen.

Taken from campaign/data/launch-campaign.json at 124702d: m021 shipped at e382867 and
read the file live, and 124702d mended three of its Welsh texts (an opening's phrasing,
"a hoffwn" in two rules) before this copy was made; the English it matches is the
same in both. This is what m021 gave an old database when it was frozen. Trimmed to
the texts it reads; a later change to the file never changes what it does.
"""
from __future__ import annotations

LAUNCH_AT_M021: dict = {'slug': 'stop-trafficking-networks',
 'title': 'Break the networks that traffic people and exploit young people',
 'title_cy': "Chwalu'r rhwydweithiau sy'n masnachu pobl ac yn camfanteisio ar bobl ifanc",
 'summary': 'Organised crime networks bring people and drugs into the UK and draw teenagers into '
            'county lines. Ask your MP to back action that stops the networks and protects their '
            'victims.',
 'summary_cy': "Mae rhwydweithiau troseddu cyfundrefnol yn dod â phobl a chyffuriau i mewn i'r DU "
               'ac yn denu pobl ifanc yn eu harddegau i linellau cyffuriau (county lines). '
               "Gofynnwch i'ch AS gefnogi camau sy'n atal y rhwydweithiau ac yn amddiffyn eu "
               'dioddefwyr.',
 'intro': "Organised crime networks, Albanian groups prominent among them, run much of the UK's "
          'cocaine trade (a market the Home Office has put at up to £6 billion a year), cannabis '
          'farms, sexual exploitation and people smuggling. They recruit teenagers with pictures '
          'of cash and cars, move them along county lines, and launder the profits through cash '
          'businesses.\n'
          '\n'
          'The people they exploit are often children. Many trafficked young people end up in '
          'court for crimes they were coerced into. Cooperation with European partners works: '
          'since the UK–Albania returns agreement, small-boat arrivals from Albania fell by about '
          '95%.\n'
          '\n'
          'Tick the asks you support and add a line of your own. We make a letter you can print, '
          'sign and post to your MP, or edit first.',
 'intro_cy': 'Mae rhwydweithiau troseddu cyfundrefnol, gyda grwpiau o Albania yn amlwg yn eu '
             "plith, yn rheoli llawer o'r fasnach gocên yn y DU (marchnad y mae'r Swyddfa Gartref "
             'wedi amcangyfrif ei bod yn werth hyd at £6 biliwn y flwyddyn), ffermydd canabis, '
             "camfanteisio rhywiol a smyglo pobl. Maen nhw'n recriwtio pobl ifanc yn eu harddegau "
             'â lluniau o arian parod a cheir, yn eu symud ar hyd llinellau cyffuriau (county '
             "lines: y rhwydweithiau sy'n cludo cyffuriau o'r dinasoedd i drefi llai ac i'r "
             "arfordir), ac yn gwyngalchu'r elw drwy fusnesau arian parod.\n"
             '\n'
             "Yn aml, plant yw'r bobl y maen nhw'n camfanteisio arnynt. Mae llawer o bobl ifanc "
             "sydd wedi'u masnachu yn cael eu dwyn gerbron llys am droseddau y cawsant eu gorfodi "
             "i'w cyflawni. Mae cydweithio â phartneriaid Ewropeaidd yn gweithio: ers cytundeb "
             "dychwelyd y DU ac Albania, mae nifer y bobl o Albania sy'n cyrraedd mewn cychod bach "
             'wedi gostwng tua 95%.\n'
             '\n'
             "Ticiwch y pethau rydych chi'n eu cefnogi, ac ychwanegwch frawddeg yn eich geiriau "
             "eich hun. Byddwn ni'n llunio llythyr y gallwch ei argraffu, ei lofnodi a'i bostio at "
             'eich AS, neu ei olygu yn gyntaf.',
 'subject': 'Action against trafficking networks and protection for their victims',
 'subject_cy': 'Camau yn erbyn rhwydweithiau masnachu pobl ac amddiffyn eu dioddefwyr',
 'opening': '[[I am writing to you|I write to you]] as a constituent in {{ constituency }} about '
            'the [[organised crime networks|organised criminal networks]] that traffic people and '
            'drugs into [[the UK|Britain]], and the young people they [[exploit|prey on]]. [[I '
            'would like to ask for your support on|I am asking for your help with]] what I set out '
            'below.\n'
            '\n'
            'As [[one of your constituents|a constituent]] in {{ constituency }}, I am writing '
            'about the criminal [[networks|gangs]] that [[bring|smuggle]] people and drugs into '
            'this country, and about the [[children and young adults|young people]] they [[draw '
            'into their trade|pull into their business]]. [[Below I explain|I set out below]] what '
            'I hope you will [[support|get behind]].\n'
            '\n'
            'I live in {{ constituency }} and I am writing because I am [[concerned|worried]] '
            'about organised gangs that traffic people and drugs into [[the UK|Britain]] and '
            'exploit young people [[along the way|in the process]]. I would [[ask you to back|be '
            'grateful if you would support]] what I [[set out|propose]] below.\n'
            '\n'
            'I am [[one of your constituents|a constituent of yours]] in {{ constituency }}. The '
            'gangs that [[move|smuggle]] people and drugs into [[the UK|Britain]], and the young '
            'people they [[exploit|prey on]], [[worry me|are a real concern to me]], and I hope '
            'you will [[support|back]] what I ask of you below.',
 'opening_cy': "[[Rwy'n ysgrifennu atoch|Ysgrifennaf atoch]] fel un o'ch etholwyr yn etholaeth {{ "
               "constituency }} ynglŷn â'r [[rhwydweithiau troseddu cyfundrefnol|rhwydweithiau "
               "troseddol cyfundrefnol]] sy'n masnachu pobl a chyffuriau [[i'r DU|i Brydain]], a'r "
               'bobl ifanc y maent yn [[camfanteisio arnynt|eu targedu]]. [[Hoffwn ofyn am eich '
               "cefnogaeth i'r|Gofynnaf am eich help gyda'r]] hyn a nodaf isod.\n"
               '\n'
               "Fel [[un o'ch etholwyr|rhywun sy'n byw]] yn etholaeth {{ constituency }}, rwy'n "
               "ysgrifennu ynglŷn â'r [[rhwydweithiau|gangiau]] troseddol sy'n [[dod â "
               "phobl|smyglo pobl]] a chyffuriau i'r wlad hon, ac ynglŷn â'r [[plant a'r oedolion "
               "ifanc|bobl ifanc]] y maent yn eu [[denu i'w masnach|tynnu i mewn i'w busnes]]. "
               "[[Rwy'n esbonio isod|Rwy'n nodi isod]] yr hyn rwy'n gobeithio y byddwch yn ei "
               '[[gefnogi|hyrwyddo]].\n'
               '\n'
               "Rwy'n byw yn etholaeth {{ constituency }} ac rwy'n ysgrifennu atoch am fy mod yn "
               "[[pryderu|poeni]] am gangiau cyfundrefnol sy'n masnachu pobl a chyffuriau [[i'r "
               'DU|i Brydain]] ac yn camfanteisio ar bobl ifanc [[ar hyd y ffordd|wrth wneud '
               "hynny]]. [[Hoffwn ofyn i chi gefnogi'r|Byddwn yn ddiolchgar pe baech yn "
               "cefnogi'r]] hyn a [[nodaf|gynigiaf]] isod.\n"
               '\n'
               "[[Rwy'n un o'ch etholwyr|Rwy'n un o'r bobl rydych yn eu cynrychioli]] yn etholaeth "
               "{{ constituency }}. Mae'r gangiau sy'n [[symud|smyglo]] pobl a chyffuriau [[i'r "
               "DU|i Brydain]], a'r bobl ifanc y maent yn [[camfanteisio arnynt|eu targedu]], yn "
               "[[peri pryder i mi|destun pryder gwirioneddol i mi]], ac rwy'n gobeithio y byddwch "
               "yn [[cefnogi'r|ategu'r]] hyn a ofynnaf gennych isod.",
 'closing': '[[I would be grateful for a reply|I would appreciate a reply]] [[setting out your '
            'view|explaining your position]] on [[these points|these issues]] and what you will do '
            'to [[take them forward|act on them]], whether [[by raising them|that means raising '
            'them]] with the Home Secretary, [[asking a question in the House|asking a '
            'parliamentary question]] or supporting legislation.\n'
            '\n'
            'I would [[welcome|appreciate]] a reply telling me where you stand on [[these '
            'points|these issues]] and what you [[plan|intend]] to do about them, for example by '
            'raising them with ministers or [[in the House|in Parliament]].\n'
            '\n'
            'Thank you for [[reading this|taking the time to read this]]. I would be grateful to '
            '[[hear your view|know what you think]] on what I have [[asked|raised]], and whether '
            'you will take [[these points|these issues]] up with the Home Office or support them '
            'in Parliament.\n'
            '\n'
            'I look forward to [[your reply|hearing from you]], and to [[hearing|learning]] what '
            'steps you are able to take on these issues, whether through [[questions, '
            'debates|written questions, debates]] or [[conversations|meetings]] with the Home '
            'Secretary.',
 'closing_cy': '[[Byddwn yn ddiolchgar am ateb|Byddwn yn gwerthfawrogi ateb]] yn [[nodi eich '
               "barn|egluro eich safbwynt]] ar [[y pwyntiau hyn|y materion hyn]] a'r hyn y byddwch "
               'yn ei wneud [[i fwrw ymlaen â nhw|i weithredu arnynt]], boed [[drwy eu '
               "codi|hynny'n golygu eu codi]] gyda'r Ysgrifennydd Cartref, [[gofyn cwestiwn yn "
               "Nhŷ'r Cyffredin|gofyn cwestiwn seneddol]] neu gefnogi deddfwriaeth.\n"
               '\n'
               'Byddwn yn [[croesawu|gwerthfawrogi]] ateb yn dweud wrthyf beth yw eich safbwynt ar '
               "[[y pwyntiau hyn|y materion hyn]] a'r hyn rydych yn [[bwriadu|cynllunio]] ei wneud "
               "yn eu cylch, er enghraifft drwy eu codi gyda gweinidogion neu [[yn Nhŷ'r "
               'Cyffredin|yn Senedd y DU]].\n'
               '\n'
               "Diolch i chi am [[ddarllen hwn|roi o'ch amser i ddarllen hwn]]. Byddwn yn "
               'ddiolchgar [[o gael clywed eich barn|o wybod beth yw eich barn]] ar yr hyn a '
               "[[ofynnais|godais]], ac a fyddwch yn [[codi'r pwyntiau hyn|codi'r materion hyn]] "
               "gyda'r Swyddfa Gartref neu'n eu cefnogi yn Senedd y DU.\n"
               '\n'
               'Edrychaf ymlaen at [[gael eich ateb|glywed gennych]], ac at [[glywed|ddysgu]] pa '
               'gamau y gallwch eu cymryd ar y materion hyn, boed drwy [[gwestiynau, '
               "dadleuon|gwestiynau ysgrifenedig, dadleuon]] neu [[sgyrsiau|gyfarfodydd]] gyda'r "
               'Ysgrifennydd Cartref.',
 'minister_closing': 'I understand that as a Minister you cannot sign early day motions or '
                     'question the Government in the House. I would be grateful if you would '
                     '[[raise these points with|put these points to]] the Home Secretary and the '
                     'ministers responsible, act on them where your own department can, and let me '
                     'know how they reply.\n'
                     '\n'
                     'As a member of the Government you cannot [[question|table questions to]] '
                     'your own ministers in the House, so I would ask you to take these points up '
                     'with the Home Secretary directly, and to [[let me know|tell me]] what the '
                     'Government will do about them.',
 'minister_closing_cy': 'Deallaf na allwch, fel Gweinidog, lofnodi cynigion cynnar-yn-y-dydd '
                        "(early day motions) na holi'r Llywodraeth yn Nhŷ'r Cyffredin. Byddwn yn "
                        "ddiolchgar pe baech yn [[codi'r pwyntiau hyn gyda'r|cyflwyno'r pwyntiau "
                        "hyn i'r]] Ysgrifennydd Cartref a'r gweinidogion sy'n gyfrifol, yn "
                        'gweithredu arnynt lle gall eich adran eich hun wneud hynny, ac yn rhoi '
                        'gwybod i mi sut maent yn ymateb.\n'
                        '\n'
                        "Fel aelod o'r Llywodraeth, ni allwch [[holi|gyflwyno cwestiynau i]] eich "
                        "gweinidogion eich hun yn Nhŷ'r Cyffredin, felly gofynnaf i chi godi'r "
                        "pwyntiau hyn yn uniongyrchol gyda'r Ysgrifennydd Cartref, ac [[i roi "
                        'gwybod i mi|i ddweud wrthyf]] beth fydd y Llywodraeth yn ei wneud yn eu '
                        'cylch.',
 'shadow_closing': 'As a shadow minister you speak for your party. I would be grateful if you '
                   'would [[press the Government on these points|put these points to the '
                   'Government]], urge your party to adopt them, and let me know where your party '
                   'stands on them.\n'
                   '\n'
                   "I would [[welcome|appreciate]] a reply setting out your party's position on "
                   'these points, and whether you will press the Home Secretary on them from the '
                   'opposition front bench.',
 'shadow_closing_cy': 'Fel gweinidog cysgodol, rydych yn siarad ar ran eich plaid. Byddwn yn '
                      'ddiolchgar pe baech yn [[pwyso ar y Llywodraeth ynghylch y pwyntiau '
                      "hyn|cyflwyno'r pwyntiau hyn i'r Llywodraeth]], yn annog eich plaid i'w "
                      'mabwysiadu, ac yn rhoi gwybod i mi beth yw safbwynt eich plaid arnynt.\n'
                      '\n'
                      'Byddwn yn [[croesawu|gwerthfawrogi]] ateb yn nodi safbwynt eich plaid ar y '
                      'pwyntiau hyn, ac a fyddwch yn pwyso ar yr Ysgrifennydd Cartref yn eu cylch '
                      'o fainc flaen yr wrthblaid.',
 'supporter_opening': '[[Thank you|I am grateful to you]] for supporting action against the '
                      '[[organised crime networks|criminal gangs]] that traffic people and drugs '
                      'into [[the UK|Britain]] and exploit young people. As a constituent in {{ '
                      'constituency }}, I am writing to ask you to go further, and to press for '
                      'what I set out below.\n'
                      '\n'
                      'As [[one of your constituents|a constituent]] in {{ constituency }}, I want '
                      'to thank you for [[backing|supporting]] this campaign against the gangs '
                      'that traffic people and drugs and prey on young people, and to ask you to '
                      '[[go further|do more]] on what I set out below.',
 'supporter_opening_cy': "[[Diolch i chi|Rwy'n ddiolchgar i chi]] am gefnogi camau yn erbyn y "
                         "[[rhwydweithiau troseddu cyfundrefnol|gangiau troseddol]] sy'n masnachu "
                         "pobl a chyffuriau [[i'r DU|i Brydain]] ac yn camfanteisio ar bobl ifanc. "
                         "Fel un o'ch etholwyr yn etholaeth {{ constituency }}, rwy'n ysgrifennu i "
                         'ofyn i chi fynd ymhellach, ac i bwyso am yr hyn a nodaf isod.\n'
                         '\n'
                         "Fel [[un o'ch etholwyr|rhywun sy'n byw]] yn etholaeth {{ constituency "
                         "}}, hoffwn ddiolch i chi am [[gefnogi'r|ategu'r]] ymgyrch hon yn erbyn y "
                         "gangiau sy'n masnachu pobl a chyffuriau ac yn targedu pobl ifanc, a "
                         "gofyn i chi [[fynd ymhellach|wneud mwy]] ynglŷn â'r hyn a nodaf isod.",
 'prompts': 'Has trafficking or county lines touched your area, your work or someone you know?\n'
            'Why does protecting young people from exploitation matter to you?\n'
            'What would you most like your MP to do first?',
 'prompts_cy': 'A yw masnachu pobl neu linellau cyffuriau wedi effeithio ar eich ardal, eich '
               "gwaith neu rywun rydych chi'n ei adnabod?\n"
               'Pam mae amddiffyn pobl ifanc rhag camfanteisio yn bwysig i chi?\n'
               "Beth fyddai orau gennych i'ch AS ei wneud yn gyntaf?",
 'thank_you': 'This campaign has closed. Thank you to everyone who wrote to their MP.',
 'thank_you_cy': "Mae'r ymgyrch hon wedi dod i ben. Diolch i bawb a ysgrifennodd at eu Haelod "
                 'Seneddol.',
 'help_title': 'Report trafficking or exploitation',
 'help_title_cy': 'Rhoi gwybod am fasnachu pobl neu gamfanteisio',
 'help_footer': 'If someone is in immediate danger, call 999.',
 'help_footer_cy': 'Os yw rhywun mewn perygl uniongyrchol, ffoniwch 999.',
 'help_text': 'If you think someone is being trafficked or exploited, you can tell someone, safely '
              'and, if you wish, anonymously.\n'
              '\n'
              '- Someone is in immediate danger: call the police on 999.\n'
              '- Police, not an emergency: call 101.\n'
              '- Crimestoppers, an anonymous and independent charity: call 0800 555 111, or use '
              'the online form at https://crimestoppers-uk.org/give-information. They never ask '
              'your name.\n'
              '- Modern Slavery & Exploitation Helpline, 24 hours: call 08000 121 700.\n'
              "- Victims of trafficking: The Salvation Army's confidential line, 24 hours: call "
              '0800 808 3733.\n'
              '\n'
              'If you are young and something feels wrong, you are not in trouble for asking for '
              'help:\n'
              '\n'
              '- Childline, free and confidential, for anyone under 19: call 0800 1111, or talk '
              'online at https://www.childline.org.uk.\n'
              '- Fearless, from Crimestoppers, is where young people can pass on what they know '
              'about crime, anonymously: https://www.fearless.org.\n'
              '\n'
              'Signs to look out for:\n'
              '\n'
              "- Someone who seems controlled by others, is rarely alone, or doesn't know their "
              'own address.\n'
              '- Young people with unexplained cash, phones or clothes, or who travel far from '
              'home without explanation.\n'
              '- Many people living at one address, or workers collected and dropped off at odd '
              'hours.',
 'help_text_cy': "Os ydych chi'n credu bod rhywun yn dioddef masnachu pobl neu gamfanteisio, "
                 'gallwch ddweud wrth rywun, yn ddiogel ac, os dymunwch, yn ddienw.\n'
                 '\n'
                 '- Mae rhywun mewn perygl uniongyrchol: ffoniwch yr heddlu ar 999.\n'
                 "- Yr heddlu, pan nad yw'n argyfwng: ffoniwch 101.\n"
                 "- Crimestoppers, elusen annibynnol sy'n eich cadw'n ddienw: ffoniwch 0800 555 "
                 '111, neu ddefnyddiwch y ffurflen ar-lein yn '
                 'https://crimestoppers-uk.org/give-information. Ni fyddant byth yn gofyn am eich '
                 'enw.\n'
                 '- Llinell Gymorth Caethwasiaeth Fodern a Chamfanteisio (Modern Slavery & '
                 'Exploitation Helpline), 24 awr: ffoniwch 08000 121 700.\n'
                 '- Dioddefwyr masnachu pobl: llinell gyfrinachol Byddin yr Iachawdwriaeth (The '
                 'Salvation Army), 24 awr: ffoniwch 0800 808 3733.\n'
                 '\n'
                 "Os ydych chi'n ifanc a bod rhywbeth yn teimlo'n anghywir, ni fyddwch mewn helynt "
                 'am ofyn am help:\n'
                 '\n'
                 '- Meic, y llinell gymorth i blant a phobl ifanc yng Nghymru, am ddim ac yn '
                 "gyfrinachol, yn Gymraeg neu'n Saesneg: ffoniwch 080880 23456.\n"
                 '- Childline, am ddim ac yn gyfrinachol, i unrhyw un dan 19 oed: ffoniwch 0800 '
                 '1111, neu siaradwch ar-lein yn https://www.childline.org.uk.\n'
                 "- Fearless, gan Crimestoppers, yw'r lle y gall pobl ifanc rannu'r hyn maen nhw'n "
                 'ei wybod am droseddu, yn ddienw: https://www.fearless.org.\n'
                 '\n'
                 'Arwyddion i gadw llygad amdanynt:\n'
                 '\n'
                 "- Rhywun y mae'n ymddangos bod eraill yn ei reoli, sy'n anaml ar ei ben ei hun, "
                 "neu nad yw'n gwybod ei gyfeiriad ei hun.\n"
                 "- Pobl ifanc ag arian parod, ffonau neu ddillad na ellir eu hesbonio, neu sy'n "
                 'teithio ymhell o gartref heb esboniad.\n'
                 "- Llawer o bobl yn byw yn yr un cyfeiriad, neu weithwyr yn cael eu casglu a'u "
                 'gollwng ar oriau anarferol.',
 'asks': [{'title': 'Stronger laws against traffickers',
           'title_cy': 'Cyfreithiau cryfach yn erbyn masnachwyr pobl',
           'explanation': 'Tougher enforcement against the people who run trafficking, with better '
                          'protection for the people they exploit.',
           'explanation_cy': "Gorfodi'r gyfraith yn llymach yn erbyn y rhai sy'n rhedeg masnachu "
                             "pobl, gyda gwell amddiffyniad i'r bobl y maen nhw'n camfanteisio "
                             'arnynt.',
           'paragraph': 'First, the law and its enforcement should bear down harder on '
                        'traffickers, with [[stronger|better]] protection for their victims. The '
                        'people who organise trafficking should face [[the full weight of the '
                        'law|the full force of the law]]; the people they trafficked should not.\n'
                        '\n'
                        '[[I would like to see|I want to see]] tougher enforcement against the '
                        'people who run trafficking operations, [[alongside|together with]] better '
                        'protection for those they exploit. The [[organisers|ringleaders]] should '
                        'bear the full force of the law, not the people they have trafficked.\n'
                        '\n'
                        'Those who organise trafficking [[should face|ought to face]] stronger '
                        'laws and more determined enforcement, while the people they have '
                        'trafficked are [[protected|looked after]] rather than punished.',
           'paragraph_cy': "Yn gyntaf, dylai'r gyfraith a'r modd y caiff ei gorfodi fod yn llymach "
                           "ar fasnachwyr pobl, gydag amddiffyniad [[cryfach|gwell]] i'w "
                           "dioddefwyr. Dylai'r rhai sy'n trefnu masnachu pobl wynebu [[holl rym y "
                           "gyfraith|grym llawn y gyfraith]]; ni ddylai'r bobl a fasnachwyd "
                           'ganddynt.\n'
                           '\n'
                           "[[Hoffwn weld|Rwyf am weld]] y gyfraith yn cael ei gorfodi'n llymach "
                           "yn erbyn y rhai sy'n rhedeg gweithgarwch masnachu pobl, [[ochr yn ochr "
                           "â|ynghyd â]] gwell amddiffyniad i'r rhai y maent yn camfanteisio "
                           'arnynt. [[Y trefnwyr|Yr arweinwyr]] ddylai wynebu grym llawn y '
                           "gyfraith, nid y bobl y maent wedi'u masnachu.\n"
                           '\n'
                           "[[Dylai'r|Mae angen i'r]] rhai sy'n trefnu masnachu pobl wynebu "
                           "cyfreithiau cryfach a gorfodi mwy penderfynol, tra bo'r bobl y maent "
                           "wedi'u masnachu yn cael eu [[hamddiffyn|diogelu]] yn hytrach na'u "
                           'cosbi.',
           'nations': {'S': {'decided_by': 'the Scottish Parliament',
                             'decided_by_cy': 'Senedd yr Alban',
                             'paragraph': 'Trafficking law in Scotland is made by the Scottish '
                                          'Parliament, under the Human Trafficking and '
                                          'Exploitation (Scotland) Act 2015. The networks work '
                                          'across the whole UK, though, and the National Crime '
                                          'Agency and Border Force answer to Westminster. [[I '
                                          'would like you to press|Please press]] UK ministers to '
                                          'work closely with the Scottish Government, so that '
                                          'traffickers are pursued across borders and the people '
                                          'they exploit are protected wherever they are found.\n'
                                          '\n'
                                          'In Scotland the law against trafficking is the Scottish '
                                          "Parliament's to make, but much of the work against the "
                                          'networks is not: the National Crime Agency, Border '
                                          'Force and our borders are matters for Westminster. [[I '
                                          'hope you will ask|Please ask]] UK ministers to work '
                                          'with the Scottish Government so that enforcement does '
                                          'not stop at the border and victims are '
                                          '[[protected|looked after]] wherever they are found.',
                             'paragraph_cy': "Senedd yr Alban sy'n llunio'r gyfraith ar fasnachu "
                                             'pobl yn yr Alban, o dan y Human Trafficking and '
                                             "Exploitation (Scotland) Act 2015. Ond mae'r "
                                             "rhwydweithiau'n gweithredu ar draws y DU gyfan, ac "
                                             "mae'r Asiantaeth Troseddu Genedlaethol a Llu'r "
                                             'Ffiniau yn atebol i San Steffan. [[Hoffwn i chi '
                                             'bwyso ar|Gofynnaf i chi bwyso ar]] weinidogion y DU '
                                             "i gydweithio'n agos â Llywodraeth yr Alban, fel bod "
                                             'masnachwyr pobl yn cael eu herlid ar draws ffiniau a '
                                             'bod y bobl y maent yn camfanteisio arnynt yn cael eu '
                                             'hamddiffyn lle bynnag y deuir o hyd iddynt.\n'
                                             '\n'
                                             "Yn yr Alban, Senedd yr Alban sy'n gyfrifol am y "
                                             'gyfraith yn erbyn masnachu pobl, ond nid felly '
                                             "llawer o'r gwaith yn erbyn y rhwydweithiau: mae'r "
                                             "Asiantaeth Troseddu Genedlaethol, Llu'r Ffiniau a'n "
                                             "ffiniau ni yn faterion i San Steffan. [[Rwy'n "
                                             'gobeithio y byddwch yn gofyn i|Gofynnwch, os gwelwch '
                                             'yn dda, i]] weinidogion y DU gydweithio â '
                                             "Llywodraeth yr Alban fel nad yw'r gwaith gorfodi yn "
                                             'dod i ben wrth y ffin a bod dioddefwyr yn cael eu '
                                             '[[hamddiffyn|diogelu]] lle bynnag y deuir o hyd '
                                             'iddynt.',
                             'note': 'Scotland has its own law: the Human Trafficking and '
                                     'Exploitation (Scotland) Act 2015.',
                             'note_cy': 'Mae gan yr Alban ei chyfraith ei hun: y Human Trafficking '
                                        'and Exploitation (Scotland) Act 2015.'},
                       'N': {'decided_by': 'the Northern Ireland Assembly',
                             'decided_by_cy': 'Cynulliad Gogledd Iwerddon',
                             'paragraph': 'Trafficking law in Northern Ireland is made by the '
                                          'Assembly, which passed its own Act in 2015. The '
                                          'networks work across the whole UK and across the '
                                          'border, though, and the National Crime Agency and '
                                          'Border Force answer to Westminster. [[I would like you '
                                          'to press|Please press]] UK ministers to work closely '
                                          'with the Department of Justice in Belfast, so that '
                                          'traffickers are pursued wherever they operate and the '
                                          'people they exploit are protected wherever they are '
                                          'found.\n'
                                          '\n'
                                          'In Northern Ireland the law against trafficking is the '
                                          "Assembly's to make, but much of the work against the "
                                          'networks is not: the National Crime Agency, Border '
                                          'Force and immigration are matters for Westminster. [[I '
                                          'hope you will ask|Please ask]] UK ministers to work '
                                          'with the Northern Ireland Executive so that enforcement '
                                          'does not stop at any border and victims are '
                                          '[[protected|looked after]] wherever they are found.',
                             'paragraph_cy': "Y Cynulliad sy'n llunio'r gyfraith ar fasnachu pobl "
                                             'yng Ngogledd Iwerddon, a phasiodd ei Ddeddf ei hun '
                                             "yn 2015. Ond mae'r rhwydweithiau'n gweithredu ar "
                                             "draws y DU gyfan a thros y ffin, ac mae'r Asiantaeth "
                                             "Troseddu Genedlaethol a Llu'r Ffiniau yn atebol i "
                                             'San Steffan. [[Hoffwn i chi bwyso ar|Gofynnaf i chi '
                                             "bwyso ar]] weinidogion y DU i gydweithio'n agos â'r "
                                             'Adran Gyfiawnder ym Melffast, fel bod masnachwyr '
                                             'pobl yn cael eu herlid lle bynnag y maent yn '
                                             'gweithredu a bod y bobl y maent yn camfanteisio '
                                             'arnynt yn cael eu hamddiffyn lle bynnag y deuir o '
                                             'hyd iddynt.\n'
                                             '\n'
                                             "Yng Ngogledd Iwerddon, y Cynulliad sy'n gyfrifol am "
                                             'y gyfraith yn erbyn masnachu pobl, ond nid felly '
                                             "llawer o'r gwaith yn erbyn y rhwydweithiau: mae'r "
                                             "Asiantaeth Troseddu Genedlaethol, Llu'r Ffiniau a "
                                             "mewnfudo yn faterion i San Steffan. [[Rwy'n "
                                             'gobeithio y byddwch yn gofyn i|Gofynnwch, os gwelwch '
                                             'yn dda, i]] weinidogion y DU gydweithio â '
                                             "Gweithrediaeth Gogledd Iwerddon fel nad yw'r gwaith "
                                             'gorfodi yn dod i ben wrth unrhyw ffin a bod '
                                             'dioddefwyr yn cael eu [[hamddiffyn|diogelu]] lle '
                                             'bynnag y deuir o hyd iddynt.',
                             'note': 'Northern Ireland has its own trafficking law, passed in '
                                     '2015.',
                             'note_cy': 'Mae gan Ogledd Iwerddon ei chyfraith ei hun ar fasnachu '
                                        'pobl, a basiwyd yn 2015.'}}},
          {'title': 'Joint task forces with European partners',
           'title_cy': 'Tasgluoedd ar y cyd â phartneriaid Ewropeaidd',
           'explanation': 'Work with other countries to break up networks and reach victims before '
                          'they cross borders.',
           'explanation_cy': 'Gweithio gyda gwledydd eraill i chwalu rhwydweithiau a chyrraedd '
                             'dioddefwyr cyn iddynt groesi ffiniau.',
           'paragraph': '[[I would like to see|I want to see]] joint task forces with European '
                        'partners that [[dismantle|break up]] these networks and '
                        '[[intercept|reach]] victims before they cross borders, building on the '
                        'Joint Migration Task Force now extended from Albania and Kosovo to North '
                        'Macedonia.\n'
                        '\n'
                        'Trafficking networks work across borders, so our response must too. [[I '
                        'hope you will support|Please support]] joint task forces with European '
                        'partners that break up these networks and reach victims before they '
                        '[[make the crossing|cross]], building on the Joint Migration Task Force, '
                        'which now covers North Macedonia as well as Albania and Kosovo.\n'
                        '\n'
                        'Cooperation with other countries has already [[made a difference|shown '
                        'results]]. Please support more joint task forces with European partners '
                        'to dismantle trafficking networks and [[intercept|reach]] victims before '
                        'they cross borders, extending the work of the Joint Migration Task Force.',
           'paragraph_cy': '[[Hoffwn weld|Rwyf am weld]] tasgluoedd ar y cyd â phartneriaid '
                           "Ewropeaidd sy'n [[datgymalu'r|chwalu'r]] rhwydweithiau hyn ac yn "
                           '[[rhyng-gipio|cyrraedd]] dioddefwyr cyn iddynt groesi ffiniau, gan '
                           "adeiladu ar y Tasglu Mudo ar y Cyd, sydd bellach wedi'i ymestyn o "
                           'Albania a Kosovo i Ogledd Macedonia.\n'
                           '\n'
                           'Mae rhwydweithiau masnachu pobl yn gweithredu ar draws ffiniau, felly '
                           "rhaid i'n hymateb ninnau wneud yr un peth. [[Rwy'n gobeithio y byddwch "
                           'yn cefnogi|Gofynnaf i chi gefnogi]] tasgluoedd ar y cyd â phartneriaid '
                           "Ewropeaidd sy'n chwalu'r rhwydweithiau hyn ac yn cyrraedd dioddefwyr "
                           'cyn iddynt [[wneud y daith|groesi]], gan adeiladu ar y Tasglu Mudo ar '
                           'y Cyd, sydd bellach yn cynnwys Gogledd Macedonia yn ogystal ag Albania '
                           'a Kosovo.\n'
                           '\n'
                           'Mae cydweithio â gwledydd eraill eisoes wedi [[gwneud '
                           'gwahaniaeth|dangos canlyniadau]]. Byddwn yn ddiolchgar pe baech yn '
                           'cefnogi rhagor o dasgluoedd ar y cyd â phartneriaid Ewropeaidd i '
                           'ddatgymalu rhwydweithiau masnachu pobl ac i [[ryng-gipio|gyrraedd]] '
                           'dioddefwyr cyn iddynt groesi ffiniau, gan ymestyn gwaith y Tasglu Mudo '
                           'ar y Cyd.',
           'nations': {}},
          {'title': 'Full support for victims',
           'title_cy': 'Cymorth llawn i ddioddefwyr',
           'explanation': 'Safe housing, legal help, counselling and a safe route home for those '
                          'who want it.',
           'explanation_cy': "Tai diogel, cymorth cyfreithiol, cwnsela a llwybr diogel adref i'r "
                             "rhai sy'n dymuno hynny.",
           'paragraph': 'Victims of trafficking [[need|deserve]] full support: safe housing, legal '
                        'help, counselling and, for those who want it, a safe route home. They '
                        'should not be [[treated as criminals|punished]] for what they were forced '
                        'to do.\n'
                        '\n'
                        'People who have been trafficked need proper support: [[somewhere safe to '
                        'live|a safe place to stay]], legal advice, counselling, and a safe way '
                        'home if they choose it. [[They should not|No one should]] be prosecuted '
                        'for what they were made to do.\n'
                        '\n'
                        'I would like victims of trafficking to receive full support, including '
                        '[[safe housing|a safe place to live]], legal help and counselling, with a '
                        'safe route home for anyone who wants one. Treating them as criminals for '
                        'acts they were forced into [[only helps the traffickers|plays into the '
                        "traffickers' hands]].",
           'paragraph_cy': 'Dylai dioddefwyr masnachu pobl [[gael|dderbyn]] cymorth llawn: tai '
                           "diogel, cymorth cyfreithiol, cwnsela ac, i'r rhai sy'n dymuno hynny, "
                           'llwybr diogel adref. Ni ddylid eu [[trin fel troseddwyr|cosbi]] am yr '
                           "hyn y cawsant eu gorfodi i'w wneud.\n"
                           '\n'
                           "Mae angen cymorth priodol ar bobl sydd wedi'u masnachu: [[rhywle "
                           'diogel i fyw|lle diogel i aros]], cyngor cyfreithiol, cwnsela, a '
                           'ffordd ddiogel adref os mai dyna yw eu dewis. [[Ni ddylid eu herlyn|Ni '
                           "ddylai neb gael ei erlyn]] am yr hyn y cawsant eu gorfodi i'w wneud.\n"
                           '\n'
                           'Hoffwn i ddioddefwyr masnachu pobl gael cymorth llawn, gan gynnwys '
                           '[[tai diogel|lle diogel i fyw]], cymorth cyfreithiol a chwnsela, gyda '
                           "llwybr diogel adref i unrhyw un sy'n dymuno hynny. Mae eu trin fel "
                           "troseddwyr am weithredoedd y cawsant eu gorfodi i'w cyflawni [[yn "
                           "helpu'r masnachwyr yn unig|yn chwarae i ddwylo'r masnachwyr]].",
           'nations': {'S': {'decided_by': 'the Scottish Government',
                             'decided_by_cy': 'Llywodraeth yr Alban',
                             'paragraph': 'Support for victims of trafficking in Scotland is '
                                          'provided by the Scottish Government, but whether '
                                          'someone is recognised as a victim is decided by the '
                                          'Home Office through the National Referral Mechanism. '
                                          '[[I would like you to ask|Please ask]] UK ministers to '
                                          'make those decisions [[quickly|without delay]] and to '
                                          'work with the Scottish Government, so that victims get '
                                          'safe housing, legal help and counselling, and are not '
                                          'treated as criminals for what they were forced to do.',
                             'paragraph_cy': "Llywodraeth yr Alban sy'n darparu cymorth i "
                                             'ddioddefwyr masnachu pobl yn yr Alban, ond y Swyddfa '
                                             "Gartref sy'n penderfynu a yw rhywun yn cael ei "
                                             "gydnabod yn ddioddefwr, drwy'r Mecanwaith Atgyfeirio "
                                             'Cenedlaethol. [[Hoffwn i chi ofyn i|Gofynnwch, os '
                                             'gwelwch yn dda, i]] weinidogion y DU wneud y '
                                             'penderfyniadau hynny [[yn gyflym|yn ddi-oed]] a '
                                             'chydweithio â Llywodraeth yr Alban, fel bod '
                                             'dioddefwyr yn cael tai diogel, cymorth cyfreithiol a '
                                             'chwnsela, ac nad ydynt yn cael eu trin fel '
                                             "troseddwyr am yr hyn y cawsant eu gorfodi i'w wneud.",
                             'note': ''},
                       'N': {'decided_by': 'the Department of Justice in Northern Ireland',
                             'decided_by_cy': 'Adran Gyfiawnder Gogledd Iwerddon',
                             'paragraph': 'Support for victims of trafficking in Northern Ireland '
                                          'is arranged by its Department of Justice, but whether '
                                          'someone is recognised as a victim is decided by the '
                                          'Home Office through the National Referral Mechanism. '
                                          '[[I would like you to ask|Please ask]] UK ministers to '
                                          'make those decisions [[quickly|without delay]] and to '
                                          'work with the Northern Ireland Executive, so that '
                                          'victims get safe housing, legal help and counselling, '
                                          'and are not treated as criminals for what they were '
                                          'forced to do.',
                             'paragraph_cy': "Adran Gyfiawnder Gogledd Iwerddon sy'n trefnu "
                                             'cymorth i ddioddefwyr masnachu pobl yng Ngogledd '
                                             "Iwerddon, ond y Swyddfa Gartref sy'n penderfynu a yw "
                                             "rhywun yn cael ei gydnabod yn ddioddefwr, drwy'r "
                                             'Mecanwaith Atgyfeirio Cenedlaethol. [[Hoffwn i chi '
                                             'ofyn i|Gofynnwch, os gwelwch yn dda, i]] weinidogion '
                                             'y DU wneud y penderfyniadau hynny [[yn gyflym|yn '
                                             'ddi-oed]] a chydweithio â Gweithrediaeth Gogledd '
                                             'Iwerddon, fel bod dioddefwyr yn cael tai diogel, '
                                             'cymorth cyfreithiol a chwnsela, ac nad ydynt yn cael '
                                             'eu trin fel troseddwyr am yr hyn y cawsant eu '
                                             "gorfodi i'w wneud.",
                             'note': ''}}},
          {'title': 'Treat exploited children as victims first',
           'title_cy': "Trin plant sy'n dioddef camfanteisio fel dioddefwyr yn gyntaf",
           'explanation': 'Children and teenagers coerced into county lines are victims, not just '
                          'offenders.',
           'explanation_cy': "Mae plant a phobl ifanc yn eu harddegau sy'n cael eu gorfodi i "
                             'weithio i linellau cyffuriau yn ddioddefwyr, nid troseddwyr yn unig.',
           'paragraph': 'Trafficked and exploited children and teenagers, including those coerced '
                        'into county lines drug dealing, should be treated as victims '
                        '[[first|first and foremost]]. [[Too many|Far too many]] young people end '
                        'up in court for offences they were groomed or forced into.\n'
                        '\n'
                        'Children and teenagers who have been trafficked or exploited, including '
                        'those pushed into county lines drug dealing, should be seen [[first as '
                        'victims|as victims before anything else]]. [[Too often|All too often]] '
                        'young people are prosecuted for offences they were groomed or coerced '
                        'into committing.\n'
                        '\n'
                        'Young people drawn into county lines are often groomed, threatened or '
                        'trafficked. [[I believe|I feel strongly that]] they should be treated as '
                        'victims [[first|first and foremost]], so that they are [[protected and '
                        'supported|kept safe and helped]] rather than simply prosecuted.',
           'paragraph_cy': "Dylai plant a phobl ifanc yn eu harddegau sydd wedi'u masnachu neu "
                           "sy'n dioddef camfanteisio, gan gynnwys y rhai sy'n cael eu gorfodi i "
                           'werthu cyffuriau ar linellau cyffuriau, gael eu trin fel dioddefwyr '
                           '[[yn gyntaf|yn gyntaf oll]]. Mae [[gormod o|llawer gormod o]] bobl '
                           'ifanc yn y llys yn y pen draw am droseddau y cawsant eu denu neu eu '
                           "gorfodi i'w cyflawni.\n"
                           '\n'
                           "Dylai plant a phobl ifanc yn eu harddegau sydd wedi'u masnachu neu "
                           "sydd wedi dioddef camfanteisio, gan gynnwys y rhai sydd wedi'u gwthio "
                           'i werthu cyffuriau ar linellau cyffuriau, gael eu gweld [[yn '
                           'ddioddefwyr yn gyntaf|yn ddioddefwyr cyn dim arall]]. [[Yn rhy aml|Yn '
                           'llawer rhy aml]], caiff pobl ifanc eu herlyn am droseddau y cawsant eu '
                           "denu neu eu gorfodi i'w cyflawni.\n"
                           '\n'
                           "Yn aml, mae pobl ifanc sy'n cael eu tynnu i mewn i linellau cyffuriau "
                           "wedi cael eu denu, eu bygwth neu eu masnachu. [[Rwy'n credu|Rwy'n "
                           "teimlo'n gryf]] y dylid eu trin fel dioddefwyr [[yn gyntaf|yn gyntaf "
                           "oll]], fel eu bod yn cael eu [[hamddiffyn a'u cefnogi|cadw'n ddiogel "
                           "a'u helpu]] yn hytrach na'u herlyn yn unig.",
           'nations': {'W': {'decided_by': '',
                             'paragraph': '',
                             'note': "In Wales the Welsh Government runs children's services; the "
                                     'rest of this ask is for Westminster.',
                             'note_cy': "Yng Nghymru, Llywodraeth Cymru sy'n gyfrifol am "
                                        "wasanaethau plant; San Steffan sy'n penderfynu gweddill y "
                                        'mater hwn.'},
                       'S': {'decided_by': 'the Scottish Government',
                             'decided_by_cy': 'Llywodraeth yr Alban',
                             'paragraph': "In Scotland, children's services and the prosecution of "
                                          'young people are matters for the Scottish Government '
                                          'and Parliament. County lines run across the border, '
                                          'though, and [[I would like you to press|I hope you will '
                                          'press]] UK ministers to work with the Scottish '
                                          'Government so that trafficked and exploited children '
                                          'and teenagers, including those coerced into county '
                                          'lines, are treated as victims first wherever in the UK '
                                          'they are found.',
                             'paragraph_cy': 'Yn yr Alban, mae gwasanaethau plant ac erlyn pobl '
                                             'ifanc yn faterion i Lywodraeth a Senedd yr Alban. '
                                             "Ond mae llinellau cyffuriau yn croesi'r ffin, [[a "
                                             "hoffwn i chi bwyso ar|ac rwy'n gobeithio y byddwch "
                                             'yn pwyso ar]] weinidogion y DU i gydweithio â '
                                             'Llywodraeth yr Alban fel bod plant a phobl ifanc yn '
                                             "eu harddegau sydd wedi'u masnachu neu sy'n dioddef "
                                             "camfanteisio, gan gynnwys y rhai sy'n cael eu "
                                             'gorfodi i weithio i linellau cyffuriau, yn cael eu '
                                             'trin fel dioddefwyr yn gyntaf lle bynnag yn y DU y '
                                             'deuir o hyd iddynt.',
                             'note': ''},
                       'N': {'decided_by': 'the Northern Ireland Executive',
                             'decided_by_cy': 'Gweithrediaeth Gogledd Iwerddon',
                             'paragraph': "In Northern Ireland, children's services and the "
                                          'prosecution of young people are matters for the '
                                          'Executive and the Assembly. The networks that exploit '
                                          'children work across the UK, though, and [[I would like '
                                          'you to press|I hope you will press]] UK ministers to '
                                          'work with the Northern Ireland Executive so that '
                                          'trafficked and exploited children and teenagers are '
                                          'treated as victims first wherever in the UK they are '
                                          'found.',
                             'paragraph_cy': 'Yng Ngogledd Iwerddon, mae gwasanaethau plant ac '
                                             "erlyn pobl ifanc yn faterion i'r Weithrediaeth a'r "
                                             "Cynulliad. Ond mae'r rhwydweithiau sy'n camfanteisio "
                                             'ar blant yn gweithredu ar draws y DU, [[a hoffwn i '
                                             "chi bwyso ar|ac rwy'n gobeithio y byddwch yn pwyso "
                                             'ar]] weinidogion y DU i gydweithio â Gweithrediaeth '
                                             'Gogledd Iwerddon fel bod plant a phobl ifanc yn eu '
                                             "harddegau sydd wedi'u masnachu neu sy'n dioddef "
                                             'camfanteisio yn cael eu trin fel dioddefwyr yn '
                                             'gyntaf lle bynnag yn y DU y deuir o hyd iddynt.',
                             'note': ''}}},
          {'title': 'Fund and evaluate prevention at source',
           'title_cy': 'Ariannu a gwerthuso gwaith atal yn y man cychwyn',
           'explanation': 'Education, jobs and youth programmes where gangs recruit, and help for '
                          'those sent home.',
           'explanation_cy': "Addysg, swyddi a rhaglenni ieuenctid lle mae gangiau'n recriwtio, a "
                             "help i'r rhai sy'n cael eu hanfon adref.",
           'paragraph': 'Prevention at source deserves [[steady|long-term]] funding and proper '
                        'evaluation: education, jobs and youth programmes in the '
                        '[[regions|places]] gangs recruit from, and reintegration for people who '
                        'are returned, so they are not [[recruited again|drawn back in]]. The Home '
                        "Office's £2.7 million prevention project in northern Albania was a start; "
                        'we [[need to|should]] learn what works and do more of it.\n'
                        '\n'
                        '[[I would like to see|I want to see]] steady, properly evaluated funding '
                        'for prevention where gangs recruit: education, jobs and youth programmes, '
                        'and [[help|support]] for people who are returned so that they are not '
                        "drawn back in. The Home Office's £2.7 million project in northern Albania "
                        'was [[a useful start|a good first step]], and we should learn from it.\n'
                        '\n'
                        'Preventing recruitment in the first place is [[worth investing in|money '
                        'well spent]]. Education, work and youth programmes in the places gangs '
                        'recruit from, and support for people returned home, deserve long-term '
                        'funding, with [[careful|proper]] evaluation so that the money goes to '
                        'what works.',
           'paragraph_cy': 'Mae gwaith atal yn y man cychwyn yn haeddu cyllid [[cyson|hirdymor]] a '
                           'gwerthuso priodol: addysg, swyddi a rhaglenni ieuenctid yn y '
                           "[[rhanbarthau|mannau]] lle mae gangiau'n recriwtio, a chymorth i "
                           "ailintegreiddio pobl sy'n cael eu dychwelyd, fel nad ydynt yn cael eu "
                           "[[recriwtio eto|tynnu'n ôl i mewn]]. Roedd prosiect atal £2.7 miliwn y "
                           'Swyddfa Gartref yng ngogledd Albania yn ddechrau; [[mae angen i '
                           "ni|dylem]] ddysgu beth sy'n gweithio a gwneud mwy ohono.\n"
                           '\n'
                           "[[Hoffwn weld|Rwyf am weld]] cyllid cyson, wedi'i werthuso'n briodol, "
                           "ar gyfer gwaith atal lle mae gangiau'n recriwtio: addysg, swyddi a "
                           "rhaglenni ieuenctid, a [[help|chymorth]] i bobl sy'n cael eu dychwelyd "
                           "fel nad ydynt yn cael eu tynnu'n ôl i mewn. Roedd prosiect £2.7 miliwn "
                           'y Swyddfa Gartref yng ngogledd Albania yn [[ddechrau defnyddiol|gam '
                           'cyntaf da]], a dylem ddysgu ohono.\n'
                           '\n'
                           'Mae atal recriwtio yn y lle cyntaf [[yn werth buddsoddi ynddo|yn arian '
                           "wedi'i wario'n dda]]. Mae addysg, gwaith a rhaglenni ieuenctid yn y "
                           "mannau lle mae gangiau'n recriwtio, a chymorth i bobl sy'n cael eu "
                           'dychwelyd adref, yn haeddu cyllid hirdymor, gyda gwerthuso '
                           "[[gofalus|priodol]] fel bod yr arian yn mynd i'r hyn sy'n gweithio.",
           'nations': {}},
          {'title': 'Follow the money',
           'title_cy': 'Dilyn yr arian',
           'explanation': 'Go after laundering through cash businesses and informal money '
                          'transfers.',
           'explanation_cy': 'Mynd ar ôl gwyngalchu arian drwy fusnesau arian parod a '
                             'throsglwyddiadau arian anffurfiol.',
           'paragraph': 'The profits of trafficking are [[laundered|moved]] through cash '
                        'businesses and informal money transfers. I would like [[the '
                        'Government|ministers]] to follow the money, with the resources for '
                        'investigators to find it and the powers to seize it.\n'
                        '\n'
                        'Trafficking is driven by profit, and that profit is laundered through '
                        'cash businesses and informal money transfers. [[I would like|I urge]] the '
                        'Government to give investigators the [[resources|means]] to trace this '
                        'money and the powers to seize it.\n'
                        '\n'
                        'Following the money is one of the [[surest|most effective]] ways to '
                        'weaken these networks. Please support better resourcing for financial '
                        'investigators, and [[strong|effective]] powers to seize the proceeds of '
                        'trafficking laundered through cash businesses and informal transfers.',
           'paragraph_cy': 'Mae elw masnachu pobl yn cael ei [[wyngalchu|symud]] drwy fusnesau '
                           "arian parod a throsglwyddiadau arian anffurfiol. Hoffwn [[i'r "
                           "Llywodraeth|i weinidogion]] ddilyn yr arian, gan roi'r adnoddau i "
                           "ymchwilwyr ddod o hyd iddo a'r pwerau i'w atafaelu.\n"
                           '\n'
                           "Elw sy'n gyrru masnachu pobl, ac mae'r elw hwnnw'n cael ei wyngalchu "
                           'drwy fusnesau arian parod a throsglwyddiadau arian anffurfiol. '
                           "[[Hoffwn i'r Llywodraeth|Rwy'n annog y Llywodraeth i]] roi'r "
                           "[[adnoddau|modd]] i ymchwilwyr olrhain yr arian hwn a'r pwerau i'w "
                           'atafaelu.\n'
                           '\n'
                           "Dilyn yr arian yw un o'r ffyrdd [[sicraf|mwyaf effeithiol]] o wanhau'r "
                           'rhwydweithiau hyn. Byddwn yn ddiolchgar pe baech yn cefnogi gwell '
                           'adnoddau ar gyfer ymchwilwyr ariannol, a phwerau [[cryf|effeithiol]] i '
                           "atafaelu elw masnachu pobl sy'n cael ei wyngalchu drwy fusnesau arian "
                           'parod a throsglwyddiadau anffurfiol.',
           'nations': {}},
          {'title': 'Awareness and reducing demand',
           'title_cy': "Codi ymwybyddiaeth a lleihau'r galw",
           'explanation': 'Help the public spot the signs, and penalise knowingly buying sex from '
                          'trafficked people.',
           'explanation_cy': "Helpu'r cyhoedd i adnabod yr arwyddion, a chosbi'r rhai sy'n talu am "
                             "ryw gyda phobl y maent yn gwybod eu bod wedi'u masnachu.",
           'paragraph': 'The public can help [[if they know|when they can recognise]] the signs of '
                        'trafficking, and demand [[can be reduced|can be cut]], including with '
                        'penalties for knowingly paying for sex with people who have been '
                        'trafficked.\n'
                        '\n'
                        'More people should know how to recognise the signs of trafficking and '
                        '[[where to report them|how to report them]]. I would also '
                        '[[support|back]] measures to reduce demand, including penalties for '
                        'anyone who knowingly pays for sex with a person who has been trafficked.\n'
                        '\n'
                        'Public awareness matters: neighbours, [[employers|colleagues]] and '
                        'customers are often [[best placed|the first]] to notice trafficking. '
                        'Alongside that, I would like demand to be reduced, with penalties for '
                        'knowingly buying sex from trafficked people.',
           'paragraph_cy': 'Gall y cyhoedd helpu [[os ydynt yn gwybod beth yw|pan fyddant yn gallu '
                           "adnabod]] arwyddion masnachu pobl, a gellir [[lleihau'r|torri'r]] "
                           "galw, gan gynnwys drwy gosbau i'r rhai sy'n talu am ryw gyda phobl y "
                           "maent yn gwybod eu bod wedi'u masnachu.\n"
                           '\n'
                           'Dylai mwy o bobl wybod sut i adnabod arwyddion masnachu pobl a [[ble i '
                           'roi gwybod amdanynt|sut i roi gwybod amdanynt]]. Byddwn hefyd yn '
                           "[[cefnogi|ategu]] mesurau i leihau'r galw, gan gynnwys cosbau i unrhyw "
                           "un sy'n talu am ryw gyda pherson y mae'n gwybod ei fod wedi'i "
                           'fasnachu.\n'
                           '\n'
                           'Mae ymwybyddiaeth y cyhoedd yn bwysig: cymdogion, '
                           '[[cyflogwyr|cydweithwyr]] a chwsmeriaid sydd yn aml [[yn y sefyllfa '
                           'orau|y cyntaf]] i sylwi ar fasnachu pobl. Ochr yn ochr â hynny, hoffwn '
                           "weld y galw'n cael ei leihau, gyda chosbau i'r rhai sy'n prynu rhyw "
                           "gan bobl y maent yn gwybod eu bod wedi'u masnachu.",
           'nations': {'S': {'decided_by': 'the Scottish Parliament',
                             'decided_by_cy': 'Senedd yr Alban',
                             'paragraph': '',
                             'note': ''},
                       'N': {'decided_by': 'the Northern Ireland Assembly',
                             'decided_by_cy': 'Cynulliad Gogledd Iwerddon',
                             'paragraph': '',
                             'note': 'It is already law there: paying for sex has been an offence '
                                     'in Northern Ireland since 2015.',
                             'note_cy': 'Mae eisoes yn gyfraith yno: mae talu am ryw wedi bod yn '
                                        'drosedd yng Ngogledd Iwerddon ers 2015.'}}},
          {'title': 'Technology and online platforms',
           'title_cy': 'Technoleg a llwyfannau ar-lein',
           'explanation': 'Use data to spot trafficking patterns, and make social media stop '
                          'online recruitment.',
           'explanation_cy': "Defnyddio data i adnabod patrymau masnachu pobl, a gorfodi'r "
                             'cyfryngau cymdeithasol i atal recriwtio ar-lein.',
           'paragraph': 'Data and analysis should be used [[to spot|to find]] the patterns of '
                        'trafficking, and social media companies should be [[required|made]] to '
                        'stop gangs recruiting young people on their platforms.\n'
                        '\n'
                        'Better use of data and analysis could help [[the authorities|police and '
                        'agencies]] spot trafficking patterns [[earlier|sooner]]. Social media '
                        'companies should also be required to stop gangs using their platforms to '
                        'recruit young people.\n'
                        '\n'
                        'Gangs now recruit teenagers online with pictures of [[cash and cars|cash, '
                        'cars and watches]]. I would like social media companies to be required to '
                        'stop this, and the authorities [[to make better|to make fuller]] use of '
                        'data to identify trafficking patterns.',
           'paragraph_cy': 'Dylid defnyddio data a dadansoddi [[i adnabod|i ganfod]] patrymau '
                           'masnachu pobl, a dylid [[ei gwneud yn ofynnol i gwmnïau cyfryngau '
                           'cymdeithasol|gorfodi cwmnïau cyfryngau cymdeithasol i]] atal gangiau '
                           'rhag recriwtio pobl ifanc ar eu llwyfannau.\n'
                           '\n'
                           "Gallai gwell defnydd o ddata a dadansoddi [[helpu'r awdurdodau|helpu'r "
                           'heddlu ac asiantaethau eraill]] i adnabod patrymau masnachu pobl [[yn '
                           'gynt|yn gynharach]]. Dylid hefyd ei gwneud yn ofynnol i gwmnïau '
                           'cyfryngau cymdeithasol atal gangiau rhag defnyddio eu llwyfannau i '
                           'recriwtio pobl ifanc.\n'
                           '\n'
                           'Mae gangiau bellach yn recriwtio pobl ifanc yn eu harddegau ar-lein â '
                           'lluniau o [[arian parod a cheir|arian parod, ceir ac oriorau]]. Hoffwn '
                           "weld cwmnïau cyfryngau cymdeithasol yn gorfod atal hyn, a'r "
                           "awdurdodau'n [[gwneud gwell defnydd|gwneud mwy o ddefnydd]] o ddata i "
                           'adnabod patrymau masnachu pobl.',
           'nations': {}}]}
