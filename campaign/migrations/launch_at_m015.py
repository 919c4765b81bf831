"""The launch campaign as m015_asks_by_nation and m016_campaign_targets shipped with it,
frozen: the asks (whose shipped "nations" m015 gives the unchanged ones) and the
second letters' targets m016 adds. Taken from campaign/data/launch-campaign.json at
46ed558 (the merge that shipped both), trimmed to what they read; a later change to that
file never changes what they do to an old database.
"""
from __future__ import annotations

LAUNCH_AT_M015: dict = {'slug': 'stop-trafficking-networks',
 'asks': [{'title': 'Stronger laws against traffickers',
           'explanation': 'Tougher enforcement against the people who run trafficking, with better '
                          'protection for the people they exploit.',
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
           'nations': {'S': {'devolved': True,
                             'decided_by': 'the Scottish Parliament',
                             'mp_letter': 'own',
                             'note': 'Scotland has its own law: the Human Trafficking and '
                                     'Exploitation (Scotland) Act 2015.',
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
                                          '[[protected|looked after]] wherever they are found.'},
                       'N': {'devolved': True,
                             'decided_by': 'the Northern Ireland Assembly',
                             'mp_letter': 'own',
                             'note': 'Northern Ireland has its own trafficking law, passed in '
                                     '2015.',
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
                                          '[[protected|looked after]] wherever they are found.'}}},
          {'title': 'Joint task forces with European partners',
           'explanation': 'Work with other countries to break up networks and reach victims before '
                          'they cross borders.',
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
                        'they cross borders, extending the work of the Joint Migration Task '
                        'Force.'},
          {'title': 'Full support for victims',
           'explanation': 'Safe housing, legal help, counselling and a safe route home for those '
                          'who want it.',
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
           'nations': {'S': {'devolved': True,
                             'decided_by': 'the Scottish Government',
                             'mp_letter': 'own',
                             'note': '',
                             'paragraph': 'Support for victims of trafficking in Scotland is '
                                          'provided by the Scottish Government, but whether '
                                          'someone is recognised as a victim is decided by the '
                                          'Home Office through the National Referral Mechanism. '
                                          '[[I would like you to ask|Please ask]] UK ministers to '
                                          'make those decisions [[quickly|without delay]] and to '
                                          'work with the Scottish Government, so that victims get '
                                          'safe housing, legal help and counselling, and are not '
                                          'treated as criminals for what they were forced to do.'},
                       'N': {'devolved': True,
                             'decided_by': 'the Department of Justice in Northern Ireland',
                             'mp_letter': 'own',
                             'note': '',
                             'paragraph': 'Support for victims of trafficking in Northern Ireland '
                                          'is arranged by its Department of Justice, but whether '
                                          'someone is recognised as a victim is decided by the '
                                          'Home Office through the National Referral Mechanism. '
                                          '[[I would like you to ask|Please ask]] UK ministers to '
                                          'make those decisions [[quickly|without delay]] and to '
                                          'work with the Northern Ireland Executive, so that '
                                          'victims get safe housing, legal help and counselling, '
                                          'and are not treated as criminals for what they were '
                                          'forced to do.'}}},
          {'title': 'Treat exploited children as victims first',
           'explanation': 'Children and teenagers coerced into county lines are victims, not just '
                          'offenders.',
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
           'nations': {'W': {'devolved': False,
                             'decided_by': '',
                             'mp_letter': 'omit',
                             'paragraph': '',
                             'note': "In Wales the Welsh Government runs children's services; the "
                                     'rest of this ask is for Westminster.'},
                       'S': {'devolved': True,
                             'decided_by': 'the Scottish Government',
                             'mp_letter': 'own',
                             'note': '',
                             'paragraph': "In Scotland, children's services and the prosecution of "
                                          'young people are matters for the Scottish Government '
                                          'and Parliament. County lines run across the border, '
                                          'though, and [[I would like you to press|I hope you will '
                                          'press]] UK ministers to work with the Scottish '
                                          'Government so that trafficked and exploited children '
                                          'and teenagers, including those coerced into county '
                                          'lines, are treated as victims first wherever in the UK '
                                          'they are found.'},
                       'N': {'devolved': True,
                             'decided_by': 'the Northern Ireland Executive',
                             'mp_letter': 'own',
                             'note': '',
                             'paragraph': "In Northern Ireland, children's services and the "
                                          'prosecution of young people are matters for the '
                                          'Executive and the Assembly. The networks that exploit '
                                          'children work across the UK, though, and [[I would like '
                                          'you to press|I hope you will press]] UK ministers to '
                                          'work with the Northern Ireland Executive so that '
                                          'trafficked and exploited children and teenagers are '
                                          'treated as victims first wherever in the UK they are '
                                          'found.'}}},
          {'title': 'Fund and evaluate prevention at source',
           'explanation': 'Education, jobs and youth programmes where gangs recruit, and help for '
                          'those sent home.',
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
                        'what works.'},
          {'title': 'Follow the money',
           'explanation': 'Go after laundering through cash businesses and informal money '
                          'transfers.',
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
                        'trafficking laundered through cash businesses and informal transfers.'},
          {'title': 'Awareness and reducing demand',
           'explanation': 'Help the public spot the signs, and penalise knowingly buying sex from '
                          'trafficked people.',
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
           'nations': {'S': {'devolved': True,
                             'decided_by': 'the Scottish Parliament',
                             'mp_letter': 'omit',
                             'paragraph': '',
                             'note': ''},
                       'N': {'devolved': True,
                             'decided_by': 'the Northern Ireland Assembly',
                             'mp_letter': 'omit',
                             'paragraph': '',
                             'note': 'It is already law there: paying for sex has been an offence '
                                     'in Northern Ireland since 2015.'}}},
          {'title': 'Technology and online platforms',
           'explanation': 'Use data to spot trafficking patterns, and make social media stop '
                          'online recruitment.',
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
                        'data to identify trafficking patterns.'}],
 'targets': [{'office': 'Cabinet Secretary for Justice and Home Affairs',
              'holder': 'Angela Constance MSP',
              'salutation': 'Dear Cabinet Secretary',
              'address': ['Scottish Government',
                          "St Andrew's House, Regent Road",
                          'EDINBURGH',
                          'EH1 3DG'],
              'email': '',
              'nations': ['S'],
              'subject': 'Action against trafficking networks and protection for their victims in '
                         'Scotland',
              'opening': '[[I am writing to you|I write to you]] as someone who lives in {{ '
                         'constituency }}, about the organised crime networks that traffic people '
                         'and drugs into Scotland and the young people they [[exploit|prey on]]. '
                         'Much of what would stop them and protect their victims is for the '
                         'Scottish Government and Parliament to decide, so I am asking for your '
                         '[[help|support]] with what I set out below.\n'
                         '\n'
                         'I live in {{ constituency }} and I am [[concerned|worried]] about the '
                         'criminal networks that bring people and drugs into Scotland and draw '
                         'young people into their trade. The law against them, and the support '
                         'their victims receive, are matters for the Scottish Government and '
                         'Parliament, and I hope you will [[act on|take forward]] what I set out '
                         'below.',
              'closing': 'I have also written to my MP, {{ mp_name }}, about what Westminster '
                         'decides. [[I would be grateful for a reply|I would appreciate a reply]] '
                         'setting out what the Scottish Government will do on [[these points|these '
                         'issues]].\n'
                         '\n'
                         'I have written to my MP, {{ mp_name }}, about the matters reserved to '
                         'Westminster. I would [[welcome|appreciate]] a reply telling me what the '
                         'Scottish Government [[plans|intends]] to do about the points I have '
                         'raised.',
              'ask_paragraphs': {}},
             {'office': 'Minister of Justice',
              'holder': 'Naomi Long MLA',
              'salutation': 'Dear Minister',
              'address': ['Department of Justice',
                          'Castle Buildings, Stormont Estate',
                          'BELFAST',
                          'BT4 3SG'],
              'email': '',
              'nations': ['N'],
              'subject': 'Action against trafficking networks and protection for their victims in '
                         'Northern Ireland',
              'opening': '[[I am writing to you|I write to you]] as someone who lives in {{ '
                         'constituency }}, about the organised crime networks that traffic people '
                         'and drugs into Northern Ireland and the young people they [[exploit|prey '
                         'on]]. Much of what would stop them and protect their victims is for the '
                         'Executive and the Assembly to decide, so I am asking for your '
                         '[[help|support]] with what I set out below.\n'
                         '\n'
                         'I live in {{ constituency }} and I am [[concerned|worried]] about the '
                         'criminal networks that bring people and drugs into Northern Ireland and '
                         'draw young people into their trade. The law against them, and the '
                         'support their victims receive, are matters for the Executive and the '
                         'Assembly, and I hope you will [[act on|take forward]] what I set out '
                         'below.',
              'closing': 'I have also written to my MP, {{ mp_name }}, about what Westminster '
                         'decides. [[I would be grateful for a reply|I would appreciate a reply]] '
                         'setting out what the Department of Justice will do on [[these '
                         'points|these issues]].\n'
                         '\n'
                         'I have written to my MP, {{ mp_name }}, about the matters reserved to '
                         'Westminster. I would [[welcome|appreciate]] a reply telling me what the '
                         'Department of Justice [[plans|intends]] to do about the points I have '
                         'raised.',
              'ask_paragraphs': {'Awareness and reducing demand': 'Paying for sex has been an '
                                                                  'offence in Northern Ireland '
                                                                  'since 2015. I would like to '
                                                                  'know how well that law is '
                                                                  'enforced, and to see more done '
                                                                  'so that the public can '
                                                                  '[[recognise|spot]] the signs of '
                                                                  'trafficking and know how to '
                                                                  'report them.'}}]}
