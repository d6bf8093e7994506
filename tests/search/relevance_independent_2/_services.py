# ruff: noqa: RUF001  (real-world punctuation in the texts: en dashes, a Chinese comma)
"""The evaluator's own list of services (labels kept out of directory.json).

Each entry: S(town, organisation, service name, description, needs, **options)

- town: where an in-person service happens, or where a home-visit/phone service has its
  office (see `mode`); None for a service with no address at all.
- needs: "need:weight ..." where 3 = what the service is mainly for, 2 = a real secondary
  offer. Need labels are the evaluator's own (see README).
- mode: "in" (people go there, default), "phone" (phone line, no location), "online"
  (website/web chat, no location), "home" (visits people at home; its office location is
  "not open to the public" or a postal address).
- area: the HSDS service_area name as a feed would write it (None = no service area).
- aud: who it is for, when it is only for some people.
- langs: languages other than English offered (ISO 639-1 codes).
- for_lang: the service is for the speakers of one language community.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Svc:
    town: str | None
    org: str
    name: str
    desc: str
    needs: dict[str, int]
    mode: str = "in"
    area: str | None = None
    aud: str | None = None
    langs: list[str] = field(default_factory=list)
    for_lang: str | None = None
    key: str = ""


SERVICES: list[Svc] = []


def S(town: str | None, org: str, name: str, desc: str, needs: str, **kw: object) -> None:
    parsed = {n: int(w) for n, w in (p.split(":") for p in needs.split())}
    svc = Svc(town, org, name, desc, parsed, **kw)  # type: ignore[arg-type]
    svc.key = f"{org}|{name}|{town}"
    SERVICES.append(svc)


# ---------------------------------------------------------------------------------------
# Scotland-wide phone and online services (no physical location)
# ---------------------------------------------------------------------------------------
SC = "Scotland"
S(
    None,
    "Breathing Space",
    "Breathing Space phone line",
    "Free, confidential phone line for anyone in Scotland feeling down, depressed or anxious. "
    "Open evenings through the week and all weekend.",
    "mental:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Samaritans Scotland",
    "Samaritans listening line",
    "Round-the-clock listening by phone or email for anyone struggling to cope, including "
    "thoughts of suicide. You don't have to be suicidal to call.",
    "mental:3 lonely:1",
    mode="phone",
    area=SC,
)
S(
    None,
    "Silver Line Scotland",
    "Friendship line for older people",
    "Free confidential telephone friendship and information line for older people, open day "
    "and night. Regular weekly calls with a volunteer friend can be arranged.",
    "lonely:3 older:3",
    mode="phone",
    area=SC,
    aud="older",
)
S(
    None,
    "Cruse Scotland",
    "Bereavement helpline",
    "Support for adults and children after someone has died: call our national helpline or "
    "ask for one-to-one sessions by phone or video.",
    "bereave:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Money Advice Scotland",
    "National debt line",
    "Free impartial advice if you owe money: rent and council tax arrears, credit cards, "
    "payday loans, bankruptcy and the Debt Arrangement Scheme.",
    "debt:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Citizens Advice Scotland",
    "Advice direct Scotland",
    "Phone and web chat advice on benefits, universal credit, work, consumer problems and "
    "money worries for anyone living in Scotland.",
    "benefits:3 debt:2 work:1",
    mode="phone",
    area=SC,
)
S(
    None,
    "Home Energy Scotland",
    "Energy advice line",
    "Free advice on keeping your home warm for less, grants for insulation and heating, and "
    "help if you are struggling to pay gas and electricity bills.",
    "fuel:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Shelter Scotland",
    "Housing advice helpline",
    "Advice if you are homeless, at risk of losing your home, facing eviction or living in "
    "poor conditions. Phone or use our online advice pages.",
    "housing:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Scotland's Domestic Abuse and Forced Marriage Helpline",
    "24 hour helpline",
    "Confidential support any time of day or night for anyone experiencing domestic abuse or "
    "forced marriage, and for friends, family and professionals. Interpreters available.",
    "abuse:3",
    mode="phone",
    area=SC,
    langs=["pl", "ar", "uk", "zh"],
)
S(
    None,
    "Alzheimer Scotland",
    "Dementia helpline",
    "Free 24-hour line for people living with dementia, their carers and families: "
    "information, emotional support and signposting to local groups.",
    "dementia:3 carers:2",
    mode="phone",
    area=SC,
)
S(
    None,
    "Carers Trust Scotland",
    "Carers online community",
    "Online forums and live chats where unpaid carers can talk to others who understand, and "
    "find out about carers' rights and breaks.",
    "carers:3",
    mode="online",
    area=SC,
)
S(
    None,
    "Scottish Families Affected by Alcohol and Drugs",
    "Family support helpline",
    "Helpline for anyone worried about someone else's drinking or drug use, and for bereaved "
    "families. Phone, email or web chat.",
    "addiction:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "We Are With You Scotland",
    "Online drug and alcohol chat",
    "Free confidential web chat with trained advisers if you want to cut down or stop "
    "drinking or using drugs.",
    "addiction:3",
    mode="online",
    area=SC,
)
S(
    None,
    "GamCare Scotland",
    "Gambling support line",
    "If gambling is causing you problems with money or relationships, talk to an adviser by "
    "phone or chat, any time.",
    "gambling:3 addiction:1 debt:1",
    mode="phone",
    area=SC,
)
S(
    None,
    "Veterans First Point Scotland",
    "Veterans helpline",
    "Veterans and their families can call for peer support, help with mental health, "
    "housing, employment and benefits. Staffed by veterans.",
    "veterans:3 mental:2",
    mode="phone",
    area=SC,
    aud="veterans",
)
S(
    None,
    "Scottish Refugee Council",
    "Refugee advice line",
    "Advice for people seeking asylum and refugees in Scotland: asylum process, family "
    "reunion, housing and getting settled. Interpreting in many languages.",
    "newscots:3 housing:1",
    mode="phone",
    area=SC,
    langs=["ar", "uk", "zh", "pl"],
    aud="newscots",
)
S(
    None,
    "LGBT Health and Wellbeing",
    "LGBT+ helpline Scotland",
    "Emotional support and information for lesbian, gay, bisexual and trans people and "
    "those questioning, two evenings a week by phone.",
    "lgbt:3 mental:2",
    mode="phone",
    area=SC,
    aud="lgbt",
)
S(
    None,
    "Childline",
    "Childline Scotland",
    "Children and young people under 19 can talk about anything by phone or online, free "
    "and confidentially.",
    "youth:3 mental:2",
    mode="phone",
    area=SC,
    aud="young",
)
S(
    None,
    "Parent Club Scotland",
    "Parenting advice online",
    "Practical tips for parents and carers of children of all ages: tantrums, sleep, "
    "screen time, teenagers and money worries.",
    "parenting:3",
    mode="online",
    area=SC,
    aud="parents",
)
S(
    None,
    "Chest Heart & Stroke Scotland",
    "Advice line for long-term conditions",
    "Nurses answer questions about living with chest, heart and stroke conditions, long "
    "COVID and fatigue, by phone, text or email.",
    "ltc:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Macmillan Cancer Support",
    "Cancer support line",
    "Emotional, practical and financial support for anyone affected by cancer, including "
    "benefits advice for people with cancer.",
    "ltc:3 benefits:2",
    mode="phone",
    area=SC,
    aud="cancer",
)
S(
    None,
    "Scottish Government Digital Participation",
    "Connecting Scotland online learning",
    "Free short online courses to get started with email, video calls, online banking and "
    "staying safe on the internet.",
    "digital:3",
    mode="online",
    area=SC,
)
S(
    None,
    "Social Security Scotland",
    "Benefits helpline",
    "Find out about and apply for Scottish benefits such as Adult Disability Payment, "
    "Pension Age Winter Heating Payment, Scottish Child Payment and Carer Support Payment.",
    "benefits:3 disability:1 fuel:1",
    mode="phone",
    area=SC,
)
S(
    None,
    "Disability Information Scotland",
    "Disability information line",
    "Information on equipment, travel, rights, social care and activities for disabled "
    "people and their families.",
    "disability:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Age Scotland",
    "Helpline for older people",
    "Free helpline for people over 50 and their carers: benefit checks, care homes, "
    "loneliness, scams and getting older.",
    "older:3 benefits:2 lonely:2",
    mode="phone",
    area=SC,
    aud="older",
)
S(
    None,
    "Men's Sheds Association Scotland",
    "Find a shed",
    "National association that helps men find and start community sheds; we do not run "
    "sessions ourselves.",
    "lonely:1",
    mode="online",
    area=SC,
    aud="men",
)
S(
    None,
    "NHS 24",
    "Mental health hub",
    "Phone 111 for urgent mental health support when your GP surgery is closed.",
    "mental:3",
    mode="phone",
    area=SC,
)
S(
    None,
    "Fair Work Online",
    "Jobs and skills online portal",
    "Search job vacancies, build a CV and book careers advice appointments online.",
    "work:3",
    mode="online",
    area=SC,
)

# ---------------------------------------------------------------------------------------
# Dumfries and Galloway: Dumfries, Annan, Stranraer
# ---------------------------------------------------------------------------------------
DG = "Dumfries and Galloway"
S(
    "Dumfries",
    "Dumfries Foodbank Trust",
    "Dumfries food bank",
    "Three days of emergency food for people referred by advisers, GPs or social work. "
    "Toiletries and baby items too.",
    "food:3",
)
S(
    "Dumfries",
    "St John's Episcopal Church",
    "Community lunch on Thursdays",
    "Hot two-course lunch and company every Thursday, pay what you can. All welcome.",
    "food:2 lonely:2",
)
S(
    "Dumfries",
    "Dumfries and Galloway Citizens Advice Service",
    "Money advice in Dumfries",
    "Appointments with our money advisers to sort out debts, deal with creditors and check "
    "you get every benefit you are entitled to.",
    "debt:3 benefits:3",
    area=DG,
)
S(
    "Dumfries",
    "Third Age Dumfries",
    "Tuesday tea and chat club",
    "A friendly afternoon of tea, scones and conversation for people over 60 who find "
    "themselves on their own.",
    "lonely:3 older:2",
    aud="older",
)
S(
    "Dumfries",
    "Nithsdale Bereavement Group",
    "Walking through grief",
    "A monthly support group for people who have lost a partner, child or parent, led by "
    "trained volunteers.",
    "bereave:3",
)
S(
    "Dumfries",
    "Dumfries and Galloway Carers Centre",
    "Carers centre drop-in",
    "Support for unpaid carers of all ages: a carer support plan, short breaks, peer groups "
    "and advice.",
    "carers:3",
    area=DG,
)
S(
    "Dumfries",
    "Dementia Friendly Dumfries",
    "Memory café",
    "Monthly café for people living with dementia and those who care for them, with music "
    "and reminiscence.",
    "dementia:3 carers:2",
)
S(
    "Dumfries",
    "Support in Mind Scotland",
    "Dumfries wellbeing hub",
    "Drop-in and peer support for adults living with mental ill health, anxiety or low mood.",
    "mental:3 lonely:1",
)
S(
    "Dumfries",
    "Alcohol and Drugs Support South West Scotland",
    "Recovery café Dumfries",
    "Peer-led recovery café on Friday evenings for anyone in or seeking recovery from drink "
    "or drugs.",
    "addiction:3",
)
S(
    "Dumfries",
    "DG Health Walks",
    "Dumfries riverside walks",
    "Short, gentle, led walks along the Nith every Monday and Wednesday; suitable for people "
    "who have not exercised for a while.",
    "active:3 lonely:1",
)
S(
    "Dumfries",
    "Loreburn Housing",
    "Housing options and tenancy support",
    "Help for people who are homeless or about to lose their tenancy, including rent "
    "arrears and finding somewhere to live.",
    "housing:3 debt:1",
    area=DG,
)
S(
    "Dumfries",
    "Women's Aid Dumfries and Galloway",
    "Women's Aid outreach",
    "Refuge, outreach and court support for women and children experiencing domestic abuse.",
    "abuse:3",
    aud="women",
    area=DG,
)
S(
    "Dumfries",
    "The Stove Network",
    "Open studio art sessions",
    "Creative drop-in with paints, print and clay for adults; no experience needed.",
    "arts:3 lonely:1",
)
S(
    "Dumfries",
    "DG Works",
    "Employability service Dumfries",
    "Keyworkers help you into training, volunteering or paid work, with CVs and interview "
    "practice.",
    "work:3",
    area=DG,
)
S(
    "Dumfries",
    "Dumfries Library",
    "Digital drop-in at Ewart Library",
    "Bring your phone, tablet or laptop and get one-to-one help with the basics.",
    "digital:3",
)
S(
    "Dumfries",
    "LGBT Plus Dumfries",
    "Rainbow social night",
    "Monthly social for LGBT+ adults and friends in a safe, friendly space.",
    "lgbt:3 lonely:2",
    aud="lgbt",
)
S(
    "Dumfries",
    "Dumfries Multicultural Association",
    "New Scots welcome group",
    "Conversation English classes, help with forms and a weekly shared meal for refugees and "
    "migrants.",
    "newscots:3 lonely:1",
    langs=["ar", "uk"],
    aud="newscots",
)
S(
    "Dumfries",
    "Youth Beatz Dumfries",
    "Youth drop-in",
    "Evening drop-in for young people aged 12 to 18 with games, music and a youth worker to "
    "talk to.",
    "youth:3",
    aud="young",
)
S(
    "Annan",
    "Annan Food Share",
    "Annan community pantry",
    "Members pay a small weekly amount and choose fresh and cupboard food; no referral needed.",
    "food:3",
)
S(
    "Annan",
    "Annan Old Parish Church",
    "Friendship lunch club",
    "Fortnightly lunch club for older people in Annan and district, with transport.",
    "lonely:3 older:2 food:1",
    aud="older",
)
S(
    "Annan",
    "Annandale Men's Shed",
    "Annan men's shed",
    "Woodwork, repairs and a cuppa with other men, Tuesday to Thursday mornings.",
    "lonely:3 arts:1",
    aud="men",
)
S(
    "Annan",
    "Annandale Parent Network",
    "Parents and toddlers group",
    "Play, stories and support for parents and carers of under-fives.",
    "parenting:3",
    aud="parents",
)
S(
    "Stranraer",
    "Stranraer Foodbank",
    "Stranraer food bank",
    "Emergency food parcels with referral from any agency in Wigtownshire.",
    "food:3",
)
S(
    "Stranraer",
    "Wigtownshire Citizens Advice",
    "Benefits and debt advice Stranraer",
    "Benefit checks, universal credit help, debt advice and energy bill support.",
    "benefits:3 debt:3 fuel:2",
    area=DG,
)
S(
    "Stranraer",
    "Stranraer Befriending",
    "Rhins befriending",
    "A volunteer visits or phones you each week if you are lonely or isolated.",
    "lonely:3",
)
S(
    "Stranraer",
    "Wigtownshire Carers",
    "Carers support Stranraer",
    "Information, breaks and a monthly coffee morning for unpaid carers in the west of the region.",
    "carers:3",
    area=DG,
)
S(
    "Stranraer",
    "Stranraer Veterans Breakfast Club",
    "Veterans breakfast",
    "Monthly breakfast for ex-service men and women and their families.",
    "veterans:3 lonely:2",
    aud="veterans",
)
S(
    "Dumfries",
    "Dumfries and Galloway Council",
    "Home energy support visits",
    "Energy advisers visit your home across Dumfries and Galloway to help with heating "
    "controls, fuel debt and insulation grants. Office not open to the public.",
    "fuel:3 debt:1",
    mode="home",
    area=DG,
)
S(
    "Dumfries",
    "NHS Dumfries and Galloway",
    "Living well with long-term conditions",
    "Six-week self-management course for people with diabetes, COPD, heart disease or "
    "chronic pain.",
    "ltc:3 active:1",
    area=DG,
)
S(
    "Dumfries",
    "Dumfries Disability Forum",
    "Disability access and advice",
    "Peer advice for disabled people on blue badges, adaptations and access to services.",
    "disability:3",
)

# ---------------------------------------------------------------------------------------
# Stirling (Stirling, Callander) and Clackmannanshire (Alloa)
# ---------------------------------------------------------------------------------------
S(
    "Stirling",
    "Start Up Stirling",
    "Stirling food bank",
    "Emergency food parcels, fresh fruit and veg, and a hardship fund. Phone or be referred.",
    "food:3",
)
S(
    "Stirling",
    "Stirling Community Larder",
    "Raploch community larder",
    "Low-cost shop for surplus food; join for free and pay a small amount per visit.",
    "food:3",
)
S(
    "Stirling",
    "Citizens Advice Stirling",
    "Money and benefits advice",
    "Advisers help with benefit claims, appeals, debt, council tax and energy arrears.",
    "benefits:3 debt:3 fuel:2",
    area="Stirling",
)
S(
    "Stirling",
    "Stirling Carers Centre",
    "Support for unpaid carers",
    "Carer support plans, respite funding, training and carers' groups.",
    "carers:3",
    area="Stirling",
)
S(
    "Stirling",
    "Forth Valley Recovery Community",
    "Recovery café Stirling",
    "Peer support and activities for people recovering from alcohol or drug problems.",
    "addiction:3 lonely:1",
)
S(
    "Stirling",
    "Signpost Recovery",
    "Drug and alcohol counselling",
    "One-to-one counselling and group work for anyone worried about their drinking or drug use.",
    "addiction:3 mental:1",
    area="Forth Valley",
)
S(
    "Stirling",
    "Stirling Baptist Church",
    "Warm space and soup",
    "A warm room, free soup and company every weekday afternoon through the winter.",
    "fuel:2 food:2 lonely:2",
)
S(
    "Stirling",
    "Forth Valley Sensory Centre",
    "Sight and hearing loss support",
    "Equipment, rehabilitation and social groups for people with sight or hearing loss.",
    "disability:3",
)
S(
    "Stirling",
    "Stirling Men's Shed",
    "Men's shed at Springkerse",
    "Workshop and friendship for men of any age; woodwork, metalwork and bike repair.",
    "lonely:3 arts:1",
    aud="men",
)
S(
    "Stirling",
    "Macrobert Arts Centre",
    "Creative ageing workshops",
    "Weekly drama, dance and visual art sessions for people over 55.",
    "arts:3 older:2",
    aud="older",
)
S(
    "Stirling",
    "Stirling Council",
    "Active Stirling health walks",
    "Gentle walks led by volunteers from the Peak and Raploch; all abilities.",
    "active:3",
)
S(
    "Stirling",
    "Stirling Council",
    "Homeless and housing options",
    "Advice and emergency accommodation if you have nowhere to stay tonight or are about to "
    "become homeless.",
    "housing:3",
    area="Stirling",
)
S(
    "Stirling",
    "Open Secret",
    "Counselling for survivors of abuse",
    "Counselling and support for adults who experienced childhood sexual abuse.",
    "mental:2 abuse:2",
)
S(
    "Stirling",
    "Stirling Women's Aid",
    "Women's Aid Stirling",
    "Safe accommodation, outreach and children's workers for women affected by domestic abuse.",
    "abuse:3",
    aud="women",
    area="Stirling",
)
S(
    "Stirling",
    "Stirling University LGBT+",
    "Pride Stirling community group",
    "Social meet-ups and peer support for LGBT+ people in Stirling.",
    "lgbt:3",
    aud="lgbt",
)
S(
    "Stirling",
    "Stirling Multicultural Partnership",
    "ESOL and welcome café",
    "English classes and a welcome café for new Scots; Ukrainian and Arabic speakers on the team.",
    "newscots:3",
    langs=["uk", "ar"],
    aud="newscots",
)
S(
    "Stirling",
    "Stirling Council Employability",
    "Stirling works",
    "One-to-one support to find work or training, including help for people with health "
    "conditions.",
    "work:3",
    area="Stirling",
)
S(
    "Stirling",
    "Stirling Libraries",
    "Get online at the library",
    "Free computer sessions for beginners, help setting up email and a universal credit journal.",
    "digital:3 benefits:1",
)
S(
    "Stirling",
    "Dementia Forth Valley",
    "Dementia resource centre",
    "Post-diagnostic support, cognitive stimulation groups and help for families.",
    "dementia:3 carers:2",
    area="Forth Valley",
)
S(
    "Stirling",
    "Stirling Young Carers",
    "Young carers group",
    "Breaks and activities for children and young people who look after someone at home.",
    "carers:3 youth:2",
    aud="young",
)
S(
    "Stirling",
    "Forth Valley Veterans",
    "Veterans drop-in",
    "Drop-in for ex-forces personnel: benefits, housing and a brew.",
    "veterans:3",
    aud="veterans",
)
S(
    "Stirling",
    "Stirling and District Bereavement Service",
    "Bereavement counselling",
    "Free one-to-one bereavement counselling for adults.",
    "bereave:3",
)
S(
    "Stirling",
    "Forth Valley Befriending",
    "Befriending for adults",
    "A volunteer befriender meets you once a week for a coffee or a walk. For adults in "
    "Stirling and Clackmannanshire.",
    "lonely:3",
    mode="home",
    area="Stirling and Clackmannanshire",
)
S(
    "Alloa",
    "Clackmannanshire Food Bank",
    "Alloa food bank",
    "Food parcels for anyone in crisis; call ahead or come to the Tuesday or Friday session.",
    "food:3",
)
S(
    "Alloa",
    "Clackmannanshire Citizens Advice",
    "Advice service Alloa",
    "Benefits, debt, housing and employment advice for people in Clackmannanshire.",
    "benefits:3 debt:3 housing:1",
    area="Clackmannanshire",
)
S(
    "Alloa",
    "Clacks Community Mental Health",
    "Wellbeing café Alloa",
    "Friendly space to talk about how you are feeling, with peer supporters.",
    "mental:3 lonely:2",
)
S(
    "Alloa",
    "Clackmannanshire Carers Centre",
    "Carers centre Alloa",
    "Support, advice and short breaks for unpaid carers in Clackmannanshire.",
    "carers:3",
    area="Clackmannanshire",
)
S(
    "Alloa",
    "Alloa Family Centre",
    "Parenting programme",
    "Incredible Years parenting groups and one-to-one family support.",
    "parenting:3",
    aud="parents",
)
S(
    "Alloa",
    "Clacks Energy Advice",
    "Fuel poverty advice Clackmannanshire",
    "Help with energy debt, switching tariffs and emergency fuel vouchers.",
    "fuel:3",
    area="Clackmannanshire",
)
S(
    "Callander",
    "Callander Community Hub",
    "Callander lunch and chat",
    "Community lunch on Wednesdays with a chance to meet neighbours.",
    "lonely:3 food:2",
)
S(
    "Callander",
    "Rural Stirling Housing",
    "Rural housing advice",
    "Advice on affordable housing and homelessness in rural Stirling.",
    "housing:3",
    area="Stirling",
)

# ---------------------------------------------------------------------------------------
# Falkirk council area: Falkirk, Grangemouth
# ---------------------------------------------------------------------------------------
FA = "Falkirk council area"
S(
    "Falkirk",
    "Falkirk Foodbank",
    "Falkirk food bank",
    "Three-day food parcels with a referral voucher; open Monday, Wednesday and Friday.",
    "food:3",
)
S(
    "Falkirk",
    "Falkirk Council",
    "Falkirk debt advice service",
    "Free, confidential council service for people with debts, arrears and money problems.",
    "debt:3 benefits:2",
    area=FA,
)
S(
    "Falkirk",
    "Falkirk Council",
    "Homeless services",
    "Emergency accommodation and advice if you are homeless or at risk.",
    "housing:3",
    area=FA,
)
S(
    "Falkirk",
    "Falkirk District Association for Mental Health",
    "Mental health drop-in",
    "Peer support, groups and a listening ear for adults with mental health problems.",
    "mental:3",
)
S(
    "Falkirk",
    "Falkirk and Clackmannanshire Carers Centre",
    "Carers centre Falkirk",
    "Information, advocacy and breaks for unpaid carers.",
    "carers:3",
    area="Falkirk and Clackmannanshire",
)
S(
    "Falkirk",
    "Falkirk Council Community Learning",
    "ESOL classes Falkirk",
    "Free English classes for adults whose first language is not English.",
    "newscots:3",
    langs=["pl"],
    aud="newscots",
)
S(
    "Falkirk",
    "Polish Community Falkirk",
    "Polish advice and support",
    "Help for Polish speakers with benefits, work, housing and official letters.",
    "newscots:3 benefits:2 work:1",
    langs=["pl"],
    for_lang="pl",
)
S(
    "Falkirk",
    "Falkirk Men's Shed",
    "Men's shed Falkirk",
    "Making, mending and friendship for men in the Falkirk area.",
    "lonely:3 arts:1",
    aud="men",
)
S(
    "Falkirk",
    "Falkirk Community Trust",
    "Walking football and health walks",
    "Walking football, chair-based exercise and led walks for people getting back into activity.",
    "active:3",
)
S(
    "Falkirk",
    "Falkirk Council",
    "Employment and training unit",
    "Help finding a job, apprenticeships, CV help and work placements.",
    "work:3",
    area=FA,
)
S(
    "Falkirk",
    "Falkirk Women's Aid",
    "Domestic abuse support Falkirk",
    "Support and refuge for women, children and young people affected by domestic abuse.",
    "abuse:3",
    aud="women",
    area=FA,
)
S(
    "Falkirk",
    "Cruse Falkirk",
    "Bereavement support group Falkirk",
    "A group for people coping with the death of someone close.",
    "bereave:3",
)
S(
    "Falkirk",
    "Falkirk Dementia Hub",
    "Dementia café Falkirk",
    "Weekly café and activities for people with dementia and their carers.",
    "dementia:3 carers:2",
)
S(
    "Falkirk",
    "Falkirk Alcohol and Drug Partnership",
    "Substance use team",
    "NHS and council team for people with drug or alcohol dependence: treatment, "
    "prescribing and recovery support.",
    "addiction:3",
    area=FA,
)
S(
    "Falkirk",
    "Falkirk Libraries",
    "Digital help at Falkirk library",
    "Free help using computers, smartphones and the internet.",
    "digital:3",
)
S(
    "Falkirk",
    "Falkirk Youth Project",
    "Youth club",
    "Youth work, outdoor trips and a safe space for 11–18-year-olds.",
    "youth:3",
    aud="young",
)
S(
    "Falkirk",
    "Falkirk Veterans Hub",
    "Armed forces veterans hub",
    "Advice and social support for veterans and their families.",
    "veterans:3",
    aud="veterans",
)
S(
    "Falkirk",
    "Falkirk Council",
    "Disability equipment and adaptations",
    "Assessments for equipment and home adaptations for disabled people. Office not open to "
    "the public; staff visit you at home.",
    "disability:3",
    mode="home",
    area=FA,
)
S(
    "Grangemouth",
    "Grangemouth Community Pantry",
    "Grangemouth pantry",
    "Low-cost groceries for members; all welcome to join.",
    "food:3",
)
S(
    "Grangemouth",
    "Grangemouth Befriending Service",
    "Telephone and home befriending",
    "Volunteers phone or visit lonely adults in Grangemouth and Bo'ness.",
    "lonely:3",
    mode="home",
    area="Grangemouth and Bo'ness",
)
S(
    "Grangemouth",
    "Zetland Park Church",
    "Grangemouth warm hub",
    "Warm room, hot drinks and energy-saving advice on Tuesdays and Thursdays.",
    "fuel:2 lonely:2",
)
S(
    "Grangemouth",
    "Grangemouth Community Council",
    "Grangemouth knit and natter",
    "Knitting and crafts group meeting weekly.",
    "arts:3 lonely:2",
)
S(
    "Grangemouth",
    "Grangemouth Parents Hub",
    "Parents hub",
    "Support for parents of children and teenagers, including a dads group.",
    "parenting:3",
    aud="parents",
)

# ---------------------------------------------------------------------------------------
# Perth and Kinross: Perth, Crieff, Pitlochry, Blairgowrie
# ---------------------------------------------------------------------------------------
PK = "Perth & Kinross"
S(
    "Perth",
    "Perth & Kinross Foodbank",
    "Perth food bank",
    "Emergency food for individuals and families in crisis. Referral by an agency.",
    "food:3",
)
S(
    "Perth",
    "Perth Community Fridge",
    "Community fridge",
    "Free surplus food anyone can take, no questions asked.",
    "food:3",
)
S(
    "Perth",
    "Citizens Advice Perth",
    "Benefits and money advice Perth",
    "Benefits checks, help with forms and appeals, debt advice and energy bill support.",
    "benefits:3 debt:3 fuel:2",
    area=PK,
)
S(
    "Perth",
    "SCARF",
    "Perth and Kinross energy advice",
    "Advice on heating your home affordably, fuel debt and grants; home visits available.",
    "fuel:3",
    area=PK,
)
S(
    "Perth",
    "PKAVS",
    "Carers hub Perth",
    "Support for adult and young carers in Perth and Kinross, including breaks and "
    "emotional support.",
    "carers:3",
    area=PK,
)
S(
    "Perth",
    "PKAVS",
    "Minority communities hub",
    "Advice, translation and social groups for migrants, refugees and minority ethnic "
    "communities. Polish, Arabic and Chinese spoken.",
    "newscots:3 benefits:1",
    langs=["pl", "ar", "zh"],
)
S(
    "Perth",
    "Perth & Kinross Council",
    "Housing options Perth",
    "Advice on homelessness, temporary accommodation and finding a home.",
    "housing:3",
    area=PK,
)
S(
    "Perth",
    "Churches Action for the Homeless",
    "CATH drop-in",
    "Day centre for homeless and vulnerably housed people: meals, showers, advice.",
    "housing:3 food:2",
)
S(
    "Perth",
    "Perth Association for Mental Health",
    "Mental health resource centre",
    "Groups, one-to-one support and a crisis café for adults struggling with their mental health.",
    "mental:3",
)
S(
    "Perth",
    "Andy's Man Club Perth",
    "Men's talking group",
    "Peer-to-peer support group for men, every Monday evening. It's okay to talk.",
    "mental:3 lonely:2",
    aud="men",
)
S(
    "Perth",
    "Perth Befriending",
    "Befriending Perth and district",
    "Volunteer befrienders for adults who feel isolated after illness, loss or a move.",
    "lonely:3 bereave:1",
    mode="home",
    area=PK,
)
S(
    "Perth",
    "Cruse Perth",
    "Cruse bereavement support Perth",
    "One-to-one support for adults and young people after a death.",
    "bereave:3",
)
S(
    "Perth",
    "Dementia Friendly Perth",
    "Memory lane café",
    "Social café for people with memory problems and the people who support them.",
    "dementia:3 lonely:1",
)
S(
    "Perth",
    "Perth Recovery Café",
    "Recovery café",
    "Peer support for anyone affected by alcohol, drugs or gambling.",
    "addiction:3",
)
S(
    "Perth",
    "Live Active Leisure",
    "Exercise referral scheme",
    "A twelve-week supported gym and swimming programme for people referred by a health "
    "professional.",
    "active:3 ltc:2",
)
S(
    "Perth",
    "Live Active Leisure",
    "Perth health walks",
    "Free short walks led by volunteers, setting off from the North Inch.",
    "active:3",
)
S(
    "Perth",
    "Perth Theatre and Concert Hall",
    "Creative community classes",
    "Singing, drama and music for adults, including a choir for people with lung conditions.",
    "arts:3 ltc:1",
)
S(
    "Perth",
    "Perth Men's Shed",
    "Perth men's shed",
    "Woodwork, gardening and company for men of all ages.",
    "lonely:3 arts:1",
    aud="men",
)
S(
    "Perth",
    "Women's Aid Perth",
    "Perth Women's Aid",
    "Refuge and outreach for women and children affected by domestic abuse.",
    "abuse:3",
    aud="women",
    area=PK,
)
S(
    "Perth",
    "Perth & Kinross Council",
    "Employability network",
    "Keyworker support into work, training and volunteering, including for disabled people.",
    "work:3 disability:1",
    area=PK,
)
S(
    "Perth",
    "AK Bell Library",
    "Digital skills classes",
    "Beginners' computer and tablet classes for adults.",
    "digital:3",
)
S(
    "Perth",
    "Perth Youth Services",
    "Young people's drop-in",
    "Advice, activities and someone to talk to for 12–25s.",
    "youth:3 mental:1",
    aud="young",
)
S(
    "Perth",
    "Perth LGBT+ Network",
    "LGBT+ coffee meet",
    "Relaxed monthly meet-up for LGBT+ adults.",
    "lgbt:3 lonely:2",
    aud="lgbt",
)
S(
    "Perth",
    "Perth Veterans Group",
    "Veterans social club",
    "Social club and advice for veterans and families.",
    "veterans:3 lonely:1",
    aud="veterans",
)
S(
    "Perth",
    "Perth Disability Access Panel",
    "Disability advice",
    "Advice and advocacy for disabled people on rights, benefits and access.",
    "disability:3 benefits:1",
)
S(
    "Perth",
    "Perth & Kinross Council",
    "Council tax and welfare rights team",
    "Welfare rights officers help with benefits entitlement and appeals. Office not open to "
    "the public: appointments by phone or home visit.",
    "benefits:3",
    mode="home",
    area=PK,
)
S(
    "Perth",
    "Perth Family Support",
    "Parenting support Perth",
    "One-to-one family support and parenting courses.",
    "parenting:3",
    aud="parents",
)
S(
    "Perth",
    "Highland Home Carers",
    "Highland carers outreach",
    "Home-based support for carers in the Highland council area. Our administrative office "
    "in Perth is not open to the public.",
    "carers:3",
    mode="home",
    area="Highland",
)
S(
    "Crieff",
    "Crieff Community Pantry",
    "Crieff pantry",
    "Low-cost food for members in Strathearn.",
    "food:3",
)
S(
    "Crieff",
    "Crieff Parish Church",
    "Friendship café",
    "Weekly café for anyone who would like company.",
    "lonely:3",
)
S(
    "Crieff",
    "Strathearn Carers",
    "Carers group Crieff",
    "Monthly group for unpaid carers in Strathearn.",
    "carers:3",
)
S(
    "Crieff",
    "Crieff Walking Group",
    "Crieff strollers",
    "Friendly walks around the Knock of Crieff for all fitness levels.",
    "active:3 lonely:1",
)
S(
    "Pitlochry",
    "Highland Perthshire Foodbank",
    "Pitlochry food bank",
    "Food parcels for people in Highland Perthshire.",
    "food:3",
)
S(
    "Pitlochry",
    "Highland Perthshire Befriending",
    "Rural befriending",
    "Visits and phone calls for isolated older people in Highland Perthshire.",
    "lonely:3 older:2",
    aud="older",
    mode="home",
    area="Highland Perthshire",
)
S(
    "Pitlochry",
    "Pitlochry Dementia Group",
    "Dementia support Pitlochry",
    "Monthly café and carer support for families affected by dementia.",
    "dementia:3",
)
S(
    "Blairgowrie",
    "Blairgowrie Foodbank",
    "Blairgowrie and Rattray food bank",
    "Emergency food; referrals accepted from any professional.",
    "food:3",
)
S(
    "Blairgowrie",
    "Blairgowrie Men's Shed",
    "Blairgowrie men's shed",
    "Open three days a week for men who want to make, mend and chat.",
    "lonely:3",
    aud="men",
)
S(
    "Blairgowrie",
    "Blairgowrie Citizens Advice",
    "Advice outreach Blairgowrie",
    "Fortnightly benefits and debt outreach clinic in the community centre.",
    "benefits:3 debt:3",
    area=PK,
)

# ---------------------------------------------------------------------------------------
# Scottish Borders: Galashiels, Hawick, Kelso
# ---------------------------------------------------------------------------------------
SB = "Scottish Borders"
S(
    "Galashiels",
    "Borders Foodbank",
    "Galashiels food bank",
    "Emergency food parcels and fuel top-ups for people in crisis.",
    "food:3 fuel:2",
)
S(
    "Galashiels",
    "Citizens Advice Central Borders",
    "Money advice Galashiels",
    "Debt, benefits and energy advice; appointments and drop-in.",
    "debt:3 benefits:3 fuel:2",
    area=SB,
)
S(
    "Galashiels",
    "Borders Carers Centre",
    "Carers centre Borders",
    "Support plans, breaks and groups for unpaid carers across the Borders.",
    "carers:3",
    area=SB,
)
S(
    "Galashiels",
    "Borders Care and Repair",
    "Warm home checks",
    "Home visits to look at heating, insulation and small repairs for older and disabled "
    "homeowners. Office not open to the public.",
    "fuel:3 older:1 disability:1",
    mode="home",
    area=SB,
)
S(
    "Galashiels",
    "Scottish Borders Council",
    "Homelessness service",
    "Housing advice and emergency accommodation for people in the Scottish Borders.",
    "housing:3",
    area=SB,
)
S(
    "Galashiels",
    "Borders Mental Health Network",
    "Wellbeing drop-in Galashiels",
    "Peer support for people with anxiety, depression and stress.",
    "mental:3",
)
S(
    "Galashiels",
    "Borders Addiction Service",
    "Drug and alcohol service",
    "Assessment, treatment and recovery support for alcohol and drug use.",
    "addiction:3",
    area=SB,
)
S(
    "Galashiels",
    "Galashiels Bereavement Support",
    "Bereavement café",
    "A relaxed café for people who have lost someone.",
    "bereave:3 lonely:1",
)
S(
    "Galashiels",
    "Live Borders",
    "Active Borders health walks",
    "Led walks and gentle exercise classes for adults.",
    "active:3",
)
S(
    "Galashiels",
    "Borders Women's Aid",
    "Domestic abuse service Borders",
    "Refuge and outreach for women and children; also supports men by phone.",
    "abuse:3",
    area=SB,
)
S(
    "Galashiels",
    "Heriot-Watt Borders Campus",
    "Digital skills for all",
    "Free community classes to build computer confidence.",
    "digital:3",
)
S(
    "Galashiels",
    "Borders College",
    "Skills for work",
    "Short courses and job support for adults returning to work.",
    "work:3",
)
S(
    "Galashiels",
    "Borders New Scots",
    "Welcome hub",
    "Support for refugees and asylum seekers settling in the Borders: English classes, "
    "advice and social events, with Ukrainian and Arabic interpreters.",
    "newscots:3",
    langs=["uk", "ar"],
    aud="newscots",
)
S(
    "Galashiels",
    "Borders Youth Theatre",
    "Youth theatre",
    "Drama for young people aged 8 to 18.",
    "youth:3 arts:3",
    aud="young",
)
S(
    "Galashiels",
    "Galashiels Art Club",
    "Painting group",
    "Weekly painting and drawing group for adults of all abilities.",
    "arts:3 lonely:1",
)
S(
    "Galashiels",
    "Brainhealth Borders",
    "Dementia support service",
    "Post-diagnostic support for people with dementia and their families.",
    "dementia:3 carers:1",
    area=SB,
)
S(
    "Hawick",
    "Hawick Foodbank",
    "Hawick food bank",
    "Food parcels with referral; also a free community fridge.",
    "food:3",
)
S(
    "Hawick",
    "Hawick Citizens Advice",
    "Advice Hawick",
    "Benefits and debt advice for people in Teviot and Liddesdale.",
    "benefits:3 debt:3",
    area=SB,
)
S(
    "Hawick",
    "Hawick Befriending",
    "Befriending Teviot",
    "One-to-one befriending for adults who feel lonely.",
    "lonely:3",
)
S(
    "Hawick",
    "Hawick Men's Shed",
    "Hawick men's shed",
    "A workshop and social space for men.",
    "lonely:3",
    aud="men",
)
S(
    "Hawick",
    "Teviot Carers",
    "Carers support Hawick",
    "Monthly group and one-to-one support for carers.",
    "carers:3",
)
S(
    "Hawick",
    "Hawick Veterans Association",
    "Veterans club Hawick",
    "Social club and welfare support for veterans.",
    "veterans:3",
    aud="veterans",
)
S("Kelso", "Kelso Community Pantry", "Kelso pantry", "Affordable food for members.", "food:3")
S(
    "Kelso",
    "Kelso Parish Church",
    "Lunch club for older people",
    "Weekly lunch for older people, with a minibus.",
    "lonely:3 older:2 food:1",
    aud="older",
)
S(
    "Kelso",
    "Kelso Walking Group",
    "Kelso walkers",
    "Weekly walks along the Tweed.",
    "active:3 lonely:1",
)

# ---------------------------------------------------------------------------------------
# Na h-Eileanan Siar / Western Isles: Stornoway, Benbecula
# ---------------------------------------------------------------------------------------
WI = "Western Isles"
S(
    "Stornoway",
    "Lewis and Harris Foodbank",
    "Stornoway food bank",
    "Emergency food for people in Lewis and Harris.",
    "food:3",
)
S(
    "Stornoway",
    "Citizens Advice Western Isles",
    "Advice service Stornoway",
    "Advice on benefits, debt, energy bills and housing across the islands.",
    "benefits:3 debt:3 fuel:2",
    area=WI,
)
S(
    "Stornoway",
    "Tighean Innse Gall",
    "Home energy advice",
    "Help with heating, insulation and fuel poverty across the Western Isles; advisers visit "
    "homes. Office not open to the public.",
    "fuel:3",
    mode="home",
    area=WI,
)
S(
    "Stornoway",
    "Western Isles Association for Mental Health",
    "Mental health support",
    "Drop-in and outreach for adults with mental health difficulties.",
    "mental:3",
)
S(
    "Stornoway",
    "Western Isles Befriending",
    "Befriending Lewis",
    "Volunteer befrienders for people living alone.",
    "lonely:3",
)
S(
    "Stornoway",
    "Western Isles Carers",
    "Carers centre Stornoway",
    "Support for unpaid carers across the islands.",
    "carers:3",
    area=WI,
)
S(
    "Stornoway",
    "Lewis Walking Group",
    "Stornoway walking group",
    "Weekly walks around Lews Castle grounds.",
    "active:3 lonely:1",
)
S(
    "Stornoway",
    "Stornoway Recovery Hub",
    "Recovery hub",
    "Support for people affected by alcohol and drugs.",
    "addiction:3",
)
S(
    "Stornoway",
    "Comhairle nan Eilean Siar",
    "Housing options",
    "Housing advice and homelessness service.",
    "housing:3",
    area=WI,
)
S(
    "Stornoway",
    "Western Isles Dementia Group",
    "Dementia café Stornoway",
    "Social group for people with dementia and families.",
    "dementia:3",
)
S(
    "Stornoway",
    "An Lanntair",
    "Community arts programme",
    "Arts workshops, film and music for all ages.",
    "arts:3",
)
S(
    "Stornoway",
    "Stornoway Men's Shed",
    "Men's shed Stornoway",
    "Workshop and company for men.",
    "lonely:3",
    aud="men",
)
S("Benbecula", "Uist Foodbank", "Benbecula food bank", "Food parcels for Uist and Barra.", "food:3")
S(
    "Benbecula",
    "Uist Carers",
    "Carers support Uist",
    "Support for unpaid carers in Uist and Barra.",
    "carers:3",
)
S(
    "Benbecula",
    "Uist Befriending",
    "Befriending Uist",
    "Volunteers visit isolated people in Uist.",
    "lonely:3",
)

# ---------------------------------------------------------------------------------------
# Highland: Thurso, Wick, Fort William, Inverness (Inverness postcodes are not in the pack)
# ---------------------------------------------------------------------------------------
HI = "Highland"
S(
    "Thurso",
    "Caithness Foodbank",
    "Thurso food bank",
    "Emergency food for people in Caithness.",
    "food:3",
)
S(
    "Thurso",
    "Caithness Citizens Advice",
    "Advice Thurso",
    "Benefits, debt and energy advice.",
    "benefits:3 debt:3 fuel:2",
    area="Caithness",
)
S(
    "Thurso",
    "Caithness Befriending",
    "Caithness befriending",
    "Befrienders for isolated adults across Caithness.",
    "lonely:3",
    mode="home",
    area="Caithness",
)
S(
    "Thurso",
    "Thurso Men's Shed",
    "Thurso men's shed",
    "Men's shed open Monday to Friday.",
    "lonely:3",
    aud="men",
)
S("Wick", "Wick Foodbank", "Wick food bank", "Food parcels for people in crisis.", "food:3")
S(
    "Wick",
    "Caithness Mental Health Support",
    "Mental health support Wick",
    "Peer support and drop-in for adults.",
    "mental:3",
)
S("Wick", "Caithness Carers", "Carers group Wick", "Monthly support group for carers.", "carers:3")
S(
    "Wick",
    "Wick Recovery Group",
    "Recovery group Wick",
    "Mutual aid for people recovering from addiction.",
    "addiction:3",
)
S(
    "Fort William",
    "Lochaber Foodbank",
    "Fort William food bank",
    "Food parcels and fuel vouchers for Lochaber.",
    "food:3 fuel:2",
)
S(
    "Fort William",
    "Lochaber Citizens Advice",
    "Lochaber advice",
    "Benefits and debt advice.",
    "benefits:3 debt:3",
    area="Lochaber",
)
S(
    "Fort William",
    "Lochaber Hope",
    "Mental health and wellbeing",
    "Counselling and wellbeing support for adults in Lochaber.",
    "mental:3",
)
S(
    "Fort William",
    "Lochaber Carers",
    "Carers centre Lochaber",
    "Support for unpaid carers.",
    "carers:3",
)
S(
    "Fort William",
    "Lochaber Walkers",
    "Health walks Fort William",
    "Led walks for all abilities.",
    "active:3",
)
S(
    "Fort William",
    "Lochaber Dementia Support",
    "Dementia café Fort William",
    "Café for people with dementia and carers.",
    "dementia:3",
)
S(
    "Inverness",
    "Inverness Foodbank",
    "Inverness food bank",
    "Emergency food for people in Inverness.",
    "food:3",
)
S(
    "Inverness",
    "Highland Council",
    "Welfare support team",
    "Benefits and money advice for Highland residents.",
    "benefits:3 debt:2",
    area=HI,
)
S(
    "Inverness",
    "Mikeysline",
    "Mental health text and drop-in",
    "Text support and drop-in for people in emotional crisis.",
    "mental:3",
)
S(
    "Inverness",
    "Inverness Befriending",
    "Befriending Inverness",
    "Volunteers for isolated adults.",
    "lonely:3",
)
S(
    "Inverness",
    "Highland Carers Centre",
    "Carers centre Inverness",
    "Support for unpaid carers across Highland.",
    "carers:3",
    area=HI,
)
S(
    "Inverness",
    "Inverness Men's Shed",
    "Men's shed Inverness",
    "Workshop and social for men.",
    "lonely:3",
    aud="men",
)
S(
    "Inverness",
    "Highland Homeless Trust",
    "Homeless hostel Inverness",
    "Supported accommodation for homeless people.",
    "housing:3",
)
S(
    "Inverness",
    "Inverness Walking Group",
    "Inverness health walks",
    "Free led walks by the river Ness.",
    "active:3",
)
S(
    None,
    "Highland Council",
    "Highland home energy helpline",
    "Phone advice on heating, fuel debt and grants for Highland households.",
    "fuel:3",
    mode="phone",
    area="Highland Council area",
)

# ---------------------------------------------------------------------------------------
# Orkney (Kirkwall) and Shetland (Lerwick)
# ---------------------------------------------------------------------------------------
S(
    "Kirkwall",
    "Orkney Foodbank",
    "Kirkwall food bank",
    "Food parcels for people in Orkney.",
    "food:3",
)
S(
    "Kirkwall",
    "Citizens Advice Orkney",
    "Advice Orkney",
    "Benefits, debt and energy advice.",
    "benefits:3 debt:3 fuel:2",
    area="Orkney",
)
S(
    "Kirkwall",
    "Orkney Befriending",
    "Befriending Orkney",
    "Befrienders for people living alone in Orkney.",
    "lonely:3",
)
S(
    "Kirkwall",
    "Orkney Carers Hub",
    "Carers hub Kirkwall",
    "Support for unpaid carers.",
    "carers:3",
    area="Orkney",
)
S(
    "Kirkwall",
    "Orkney Mental Health",
    "Wellbeing support Kirkwall",
    "Drop-in support for mental health.",
    "mental:3",
)
S("Kirkwall", "Orkney Dementia Group", "Dementia café Kirkwall", "Monthly café.", "dementia:3")
S("Kirkwall", "Orkney Walking Group", "Kirkwall walks", "Weekly walks.", "active:3")
S("Lerwick", "Shetland Foodbank", "Lerwick food bank", "Food parcels for Shetland.", "food:3")
S(
    "Lerwick",
    "Citizens Advice Shetland",
    "Advice Shetland",
    "Benefits and debt advice.",
    "benefits:3 debt:3",
    area="Shetland",
)
S(
    "Lerwick",
    "Shetland Befriending",
    "Befriending Shetland",
    "Befrienders for isolated people.",
    "lonely:3",
)
S(
    "Lerwick",
    "Shetland Carers",
    "Carers Shetland",
    "Support for carers.",
    "carers:3",
    area="Shetland",
)
S("Lerwick", "Shetland Mental Health", "Mental health Lerwick", "Drop-in support.", "mental:3")
S(
    "Lerwick",
    "Shetland Recreational Trust",
    "Active Shetland",
    "Exercise classes and swimming for health.",
    "active:3",
)
S(
    "Lerwick",
    "Shetland Men's Shed",
    "Men's shed Lerwick",
    "Workshop for men.",
    "lonely:3",
    aud="men",
)

# ---------------------------------------------------------------------------------------
# Glasgow city centre (G2)
# ---------------------------------------------------------------------------------------
S(
    "Glasgow",
    "Glasgow City Mission",
    "Drop-in centre",
    "Meals, showers and advice for homeless people in Glasgow city centre.",
    "housing:3 food:2",
)
S(
    "Glasgow",
    "Glasgow Central Citizens Advice",
    "Advice Glasgow",
    "Benefits and debt advice for Glasgow residents.",
    "benefits:3 debt:3",
    area="Glasgow City",
)
S(
    "Glasgow",
    "LGBT Health Glasgow",
    "LGBT+ centre",
    "Groups and support for LGBT+ people.",
    "lgbt:3 mental:1",
    aud="lgbt",
)
S(
    "Glasgow",
    "Glasgow Chinese Community Centre",
    "Chinese elders club",
    "Social club and advice in Cantonese and Mandarin for older Chinese people.",
    "lonely:3 older:2 newscots:2",
    langs=["zh"],
    aud="older",
    for_lang="zh",
)
S(
    "Glasgow",
    "Ukrainian Community Glasgow",
    "Ukrainian welcome centre",
    "Advice, English classes and community events for Ukrainians in Scotland.",
    "newscots:3",
    langs=["uk"],
    for_lang="uk",
)
S(
    "Glasgow",
    "Glasgow Arabic Women's Group",
    "Arabic-speaking women's group",
    "Peer support, English practice and wellbeing sessions for Arabic-speaking women.",
    "newscots:3 lonely:2 mental:1",
    langs=["ar"],
    aud="women",
    for_lang="ar",
)
