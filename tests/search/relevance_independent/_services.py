# ruff: noqa: E501  (hand-written data: long wordings)
"""The hand-written content of the independent directory (see README.md).

Each local service kind is a list of wordings; `PLACEMENTS` says in which towns each kind
runs, and the wording used rotates so that the same need is described differently in
different towns. `needs` and `audience` are the evaluator's own labels (used only to draft the
judgements in queries.json); they are never written into directory.json.
"""

from __future__ import annotations

# kind -> (primary need, secondary needs, audience, [variants])
# variant: (service name, organisation name, description, delivery, how to get it)
KINDS: dict[str, tuple[str, list[str], str, list[tuple[str, str, str, str, str]]]] = {
    "foodbank": (
        "food",
        ["money"],
        "all",
        [
            (
                "{town} Foodbank",
                "{town} Foodbank SCIO",
                "Emergency food parcels with three days of nutritionally balanced food for people in crisis. "
                "We also signpost to money advice and can usually help with toiletries and nappies.",
                "in_person",
                "Please bring a voucher from your GP, social worker, Citizens Advice or any referral agency. If you cannot get one, phone us.",
            ),
            (
                "{town} Community Food Hub",
                "{town} Churches Together",
                "If you are struggling to put meals on the table, come along. We give out free groceries, fresh fruit and veg "
                "and a hot cuppa, no questions asked. Nobody should go hungry in {town}.",
                "in_person",
                "Just turn up on a Tuesday or Friday between 11am and 2pm.",
            ),
            (
                "Food Share {town}",
                "{town} Community Trust",
                "Short of food this week? Our volunteers hand out food bags and household essentials every weekday afternoon. "
                "We can deliver to people who are housebound or self-isolating.",
                "in_person",
                "Drop in or phone to arrange a delivery.",
            ),
        ],
    ),
    "pantry": (
        "food",
        ["money"],
        "all",
        [
            (
                "{town} Community Pantry",
                "{town} Community Trust",
                "A members' shop: for a small weekly fee (£3.50) you choose ten or more items of groceries, chilled food and "
                "fresh produce worth much more. Helps your budget go further; membership open to anyone living locally.",
                "in_person",
                "Join at the pantry with proof of address.",
            ),
            (
                "The Larder, {town}",
                "{town} Development Trust",
                "Low-cost community larder and community fridge cutting food waste: surplus food from supermarkets shared free "
                "or for a donation. Cooking on a budget sessions once a month.",
                "in_person",
                "Open to all, no referral.",
            ),
        ],
    ),
    "lunch": (
        "food",
        ["loneliness"],
        "all",
        [
            (
                "Wednesday Community Lunch, {town}",
                "{town} Parish Church",
                "A free hot two-course meal in the church hall every Wednesday, served with good company. "
                "Everyone welcome, whatever your circumstances; a chance to get out of the house and meet folk.",
                "in_person",
                "Just come along at 12 noon.",
            ),
        ],
    ),
    "energy_advice": (
        "fuel",
        ["money"],
        "all",
        [
            (
                "Energy Advice Service, {town}",
                "{town} Citizens Advice Bureau",
                "Worried about your electricity or gas bills, or behind with payments to your supplier? Our energy advisers "
                "help you deal with arrears, check you are on the right tariff, apply for the Warm Home Discount and "
                "emergency top-up vouchers for prepayment meters.",
                "in_person",
                "Phone or drop in; home visits for people who cannot get out.",
            ),
            (
                "Keep Warm {town}",
                "{town} Energy Action",
                "Free, impartial help for households facing fuel poverty: we negotiate with energy companies about debts, "
                "help with smart meter and prepayment problems, and refer for insulation and heating grants.",
                "phone",
                "Self-referral by phone, or a professional can refer.",
            ),
        ],
    ),
    "cab": (
        "money",
        ["fuel", "housing"],
        "all",
        [
            (
                "Citizens Advice {town}",
                "{town} Citizens Advice Bureau",
                "Free, confidential and impartial advice on benefits, debt, employment, housing and consumer problems. "
                "We help with Universal Credit claims, PIP forms and appeals, and money worries of every kind.",
                "in_person",
                "Drop in Monday to Thursday mornings or phone for an appointment.",
            ),
        ],
    ),
    "welfare_rights": (
        "money",
        [],
        "all",
        [
            (
                "Welfare Rights and Money Advice, {town}",
                "{council} Council",
                "Council welfare rights officers check that you are getting everything you are entitled to, help fill in "
                "benefit applications (Adult Disability Payment, Pension Credit, Council Tax Reduction) and represent you "
                "at tribunals. Debt advisers can agree payment plans with creditors.",
                "phone",
                "Self-refer by phone or email; home visits available.",
            ),
            (
                "Income Maximisation Service, {town}",
                "{town} Advice Centre",
                "Benefit checks, help with forms, challenging sanctions and mandatory reconsiderations. Our money advisers "
                "also help people with rent arrears, council tax debt and payday loans.",
                "in_person",
                "Appointments by phone.",
            ),
        ],
    ),
    "befriending": (
        "loneliness",
        [],
        "older",
        [
            (
                "{town} Befriending",
                "Befriend {town}",
                "Do you feel isolated or lonely? A trained volunteer befriender will visit you at home or meet you for a "
                "cuppa once a week. For people aged 60 and over living in and around {town}.",
                "home_visit",
                "Self-referral or via your GP or link worker.",
            ),
            (
                "Good Morning Calls {town}",
                "{town} Older People's Forum",
                "A friendly daily telephone call for older people who live alone, to check you are well and have a blether. "
                "Helps reduce isolation and gives peace of mind to families.",
                "phone",
                "Phone us or ask a relative to refer.",
            ),
        ],
    ),
    "social_group": (
        "loneliness",
        ["arts"],
        "all",
        [
            (
                "Open Door Drop-in, {town}",
                "{town} Community Centre",
                "A relaxed weekly get-together for anyone who would like some company: tea, cake, board games and a chat. "
                "Many people come because they have moved to {town}, lost a partner or just want to meet new people.",
                "in_person",
                "Drop in any Thursday 2-4pm.",
            ),
            (
                "Men's Breakfast Club, {town}",
                "{town} Men's Network",
                "Monthly breakfast for men of all ages to meet, chat and make friends in a no-pressure setting.",
                "in_person",
                "Just turn up.",
            ),
        ],
    ),
    "mens_shed": (
        "mens_shed",
        ["loneliness", "arts"],
        "men",
        [
            (
                "{town} Men's Shed",
                "{town} Men's Shed SCIO",
                "A workshop where men (and increasingly women) come together to share skills, repair and build things from "
                "wood and metal, and enjoy the company. Good for wellbeing, especially after retirement or redundancy.",
                "in_person",
                "Come along for a tea and a look round, open Tuesday to Thursday.",
            ),
        ],
    ),
    "walking": (
        "exercise",
        ["loneliness"],
        "all",
        [
            (
                "{town} Health Walks",
                "Paths for All volunteers, {town}",
                "Free, short, gentle group walks led by trained volunteer walk leaders, at an easy pace on level paths. "
                "Ideal if you are getting back into activity after illness or just want fresh air and company.",
                "in_person",
                "Meet at the library every Monday at 10.30am, no need to book.",
            ),
            (
                "Walk and Talk {town}",
                "{town} Leisure Trust",
                "Weekly countryside walks of 3-5 miles for people who want to get fitter and improve their mood. "
                "Walks are graded and the group stops for a picnic.",
                "in_person",
                "Book a place by phone.",
            ),
        ],
    ),
    "exercise_referral": (
        "exercise",
        ["long_term"],
        "all",
        [
            (
                "Active Referral Scheme, {town}",
                "{town} Leisure Trust",
                "A 12-week supported physical activity programme at the leisure centre for adults with health conditions "
                "such as heart disease, diabetes, arthritis or low mood. Gym, swimming and classes at a reduced price.",
                "in_person",
                "Referral from a GP, physiotherapist or link worker.",
            ),
            (
                "Move More {town}",
                "{town} Leisure Trust",
                "Gentle exercise classes, seated exercise and strength and balance sessions for people living with cancer "
                "or a long-term condition, led by specially trained instructors.",
                "in_person",
                "Self-referral welcome.",
            ),
        ],
    ),
    "chair_exercise": (
        "exercise",
        ["loneliness"],
        "older",
        [
            (
                "Fit for Life Chair Exercise, {town}",
                "{town} Community Centre",
                "Seated exercise to music for older adults, improving strength, balance and mobility. Helps prevent falls.",
                "in_person",
                "Drop in, £2 a class.",
            ),
        ],
    ),
    "mental_health_local": (
        "mental_health",
        [],
        "all",
        [
            (
                "{town} Wellbeing Hub",
                "{town} Mental Health Association",
                "Support for adults struggling with anxiety, stress, low mood or depression. One-to-one sessions with a "
                "support worker, peer support groups and courses on managing worry and panic attacks.",
                "in_person",
                "Self-referral by phone or through your GP.",
            ),
            (
                "Hope Space {town}",
                "{town} Mental Health Network",
                "A calm place to talk when you are feeling overwhelmed, anxious or not coping. Listening support, "
                "wellbeing courses and a weekly peer group. Evening drop-in on Fridays.",
                "in_person",
                "Drop in or phone.",
            ),
            (
                "{town} Counselling Service",
                "{town} Counselling Centre",
                "Low-cost counselling (pay what you can) for adults dealing with depression, anxiety, relationship problems, "
                "trauma or life changes. Qualified counsellors, up to 12 sessions.",
                "in_person",
                "Fill in the self-referral form; waiting list about six weeks.",
            ),
        ],
    ),
    "bereavement": (
        "bereavement",
        ["mental_health"],
        "all",
        [
            (
                "{town} Bereavement Support",
                "{town} Hospice",
                "If someone close to you has died, our trained volunteers offer one-to-one support and a monthly "
                "bereavement café where you can share memories and talk about grief with others who understand.",
                "in_person",
                "Phone to self-refer; open to anyone, not only hospice families.",
            ),
            (
                "Coping with Loss Group, {town}",
                "{town} Parish Church",
                "A gentle group for people who have lost a husband, wife, partner, parent or child, meeting fortnightly.",
                "in_person",
                "Phone the church office.",
            ),
        ],
    ),
    "carers": (
        "carers",
        ["mental_health"],
        "carers",
        [
            (
                "{town} Carers Centre",
                "{town} Carers Centre",
                "Information and support for unpaid carers looking after a family member, partner or friend: adult carer "
                "support plans, short breaks, carers' groups and help with Carer's Allowance and Carer Support Payment.",
                "in_person",
                "Self-referral by phone, email or drop in.",
            ),
        ],
    ),
    "dementia": (
        "dementia",
        ["carers"],
        "all",
        [
            (
                "Memory Café, {town}",
                "{town} Dementia Friendly Community",
                "A welcoming monthly café for people living with dementia or memory loss and their families and carers, "
                "with music, reminiscence and advice on hand.",
                "in_person",
                "Just come along; no diagnosis needed.",
            ),
            (
                "Dementia Resource Centre, {town}",
                "Alzheimer's Network Scotland",
                "Post-diagnostic support for people recently diagnosed with dementia or Alzheimer's disease, day activities, "
                "and support for the family members who care for them.",
                "in_person",
                "Referral from GP or memory clinic, or phone us.",
            ),
        ],
    ),
    "housing": (
        "housing",
        ["money"],
        "all",
        [
            (
                "Housing Options {town}",
                "{council} Council",
                "If you are homeless or at risk of losing your home, speak to our housing options team. We help with "
                "emergency accommodation, applications for council housing, and preventing eviction.",
                "in_person",
                "Phone or visit the council office; out of hours emergency number available.",
            ),
            (
                "{town} Tenancy Support",
                "{town} Housing Association",
                "Help to keep your tenancy: dealing with rent arrears, setting up a new home, furniture and starter packs, "
                "and support for people moving on from homelessness or rough sleeping.",
                "in_person",
                "Referral from housing officer or self-referral.",
            ),
        ],
    ),
    "addiction": (
        "addiction",
        ["mental_health"],
        "all",
        [
            (
                "{town} Recovery Café",
                "{town} Recovery Community",
                "A friendly, alcohol-free and drug-free space run by people in recovery. Peer support, mutual aid meetings "
                "and activities for anyone affected by alcohol or drug use, including families.",
                "in_person",
                "Drop in any evening except Sunday.",
            ),
            (
                "{town} Alcohol and Drug Support",
                "{council} Alcohol and Drug Partnership",
                "Confidential help if your drinking or drug use is worrying you: harm reduction, naloxone, support to cut "
                "down or stop, and recovery planning.",
                "in_person",
                "Self-referral by phone or drop in.",
            ),
        ],
    ),
    "domestic_abuse": (
        "domestic_abuse",
        [],
        "women",
        [
            (
                "{town} Women's Aid",
                "{town} Women's Aid",
                "Support, information and safe refuge accommodation for women, children and young people experiencing "
                "domestic abuse, coercive control or violence from a partner or ex-partner.",
                "phone",
                "Phone us in confidence; we can meet you somewhere safe.",
            ),
        ],
    ),
    "new_scots": (
        "new_scots",
        ["employability"],
        "all",
        [
            (
                "New Scots Welcome Project, {town}",
                "{town} Multicultural Association",
                "Help for refugees, asylum seekers and people newly arrived in Scotland: English (ESOL) conversation "
                "classes, help with paperwork, registering with a GP and schools, and a weekly social club.",
                "in_person",
                "Drop in Mondays 10-1. Interpreters available.",
            ),
            (
                "{town} ESOL Classes",
                "{town} Adult Learning",
                "Free English language classes for speakers of other languages at beginner to advanced level, "
                "including conversation cafés and help with the Life in the UK test.",
                "in_person",
                "Enrol by phone or in person.",
            ),
        ],
    ),
    "digital": (
        "digital",
        [],
        "all",
        [
            (
                "Get Online {town}",
                "{town} Libraries",
                "Free one-to-one help with computers, tablets and smartphones: setting up email, video calls with family, "
                "online shopping and banking safely, and applying for things online. Bring your own device or use ours.",
                "in_person",
                "Book a session at the library.",
            ),
            (
                "Tech Café {town}",
                "{town} Community Centre",
                "Struggling with your phone or laptop? Our digital volunteers help with the basics, from WhatsApp to "
                "your Universal Credit journal. Loan devices and free data SIMs for people who are not online.",
                "in_person",
                "Drop in on Wednesday afternoons.",
            ),
        ],
    ),
    "employability": (
        "employability",
        ["digital"],
        "all",
        [
            (
                "{town} Employability Hub",
                "{council} Council",
                "One-to-one support to get into work: help with CVs, job applications and interviews, training and "
                "qualifications, volunteering placements and in-work support. Funded through No One Left Behind.",
                "in_person",
                "Self-referral or through the Jobcentre.",
            ),
            (
                "Routes to Work {town}",
                "{town} Employment Trust",
                "Keyworker support for people who have been out of work a long time, or who have a disability or health "
                "condition, to find a job that suits them. Help with confidence, travel and childcare costs.",
                "in_person",
                "Phone for an informal chat.",
            ),
        ],
    ),
    "parenting": (
        "parenting",
        [],
        "parents",
        [
            (
                "{town} Family Support Service",
                "{town} Family Centre",
                "Practical and emotional support for parents and carers of children aged 0-12: parenting groups, stay and "
                "play sessions, and home visits for families going through a difficult time.",
                "in_person",
                "Self-referral or via health visitor.",
            ),
            (
                "Bumps and Babies {town}",
                "{town} Family Centre",
                "Weekly group for new mums, dads and parents-to-be: meet other parents, share tips on feeding, sleep and "
                "crying, and get advice from a visiting health visitor.",
                "in_person",
                "Drop in, no need to book.",
            ),
        ],
    ),
    "long_term": (
        "long_term",
        ["exercise"],
        "all",
        [
            (
                "{town} Breathe Easy Group",
                "{town} Lung Support",
                "Support group for people living with COPD, asthma and other lung conditions, with singing for lung health "
                "and talks from respiratory nurses.",
                "in_person",
                "Come along to any meeting.",
            ),
            (
                "Living Well with Diabetes, {town}",
                "{town} Diabetes Group",
                "Peer support group for people with type 1 or type 2 diabetes, sharing tips on diet, medication and "
                "staying well.",
                "in_person",
                "Just come along.",
            ),
            (
                "{town} Stroke and Heart Club",
                "{town} Stroke and Heart Club",
                "Social and exercise club for people recovering from a stroke or heart attack or living with heart "
                "failure, with communication support and gentle activity.",
                "in_person",
                "Phone the organiser.",
            ),
            (
                "Chronic Pain Self-Management Course, {town}",
                "{town} Health and Social Care Partnership",
                "A six-week course helping people living with persistent pain, fibromyalgia or arthritis learn pacing, "
                "relaxation and ways to manage flare-ups.",
                "in_person",
                "Referral from GP, physio or link worker.",
            ),
        ],
    ),
    "arts": (
        "arts",
        ["loneliness", "mental_health"],
        "all",
        [
            (
                "Creative Minds Art Group, {town}",
                "{town} Arts Centre",
                "A friendly weekly art group: painting, drawing and printmaking for beginners. Materials provided. "
                "Many members come for their wellbeing and find it helps with low mood.",
                "in_person",
                "Drop in, £2 a session.",
            ),
            (
                "Knit and Natter {town}",
                "{town} Library",
                "Bring your knitting, crochet or sewing and join us for a chat and a cuppa. Beginners welcome; "
                "we have spare needles and wool.",
                "in_person",
                "Every Tuesday afternoon in the library.",
            ),
            (
                "{town} Community Choir",
                "{town} Arts Trust",
                "A no-audition community choir singing pop, folk and Scottish songs. You do not need to read music; "
                "singing together is great for mind and body.",
                "in_person",
                "Come along to a rehearsal.",
            ),
        ],
    ),
    "garden": (
        "garden",
        ["exercise", "loneliness", "mental_health"],
        "all",
        [
            (
                "{town} Community Garden",
                "{town} Green Spaces",
                "Get your hands dirty growing fruit and vegetables with others. Volunteering sessions twice a week in our "
                "garden and polytunnel; good for body and mind, no experience needed.",
                "in_person",
                "Drop in or phone the garden coordinator.",
            ),
        ],
    ),
}

# kind -> towns where it runs (variant chosen in turn)
PLACEMENTS: dict[str, list[str]] = {
    "foodbank": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Glasgow",
        "Galashiels",
        "Kirkwall",
        "Fort William",
        "Stirling",
        "Stranraer",
        "Wick",
        "Hawick",
        "Alloa",
    ],
    "pantry": ["Perth", "Grangemouth", "Dumfries", "Glasgow", "Crieff", "Galashiels"],
    "lunch": ["Perth", "Falkirk", "Lerwick", "Glasgow"],
    "energy_advice": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Stornoway",
        "Lerwick",
        "Galashiels",
        "Glasgow",
        "Kirkwall",
    ],
    "cab": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Glasgow",
        "Galashiels",
        "Fort William",
        "Stirling",
        "Wick",
        "Kirkwall",
    ],
    "welfare_rights": ["Perth", "Dumfries", "Glasgow", "Grangemouth"],
    "befriending": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Galashiels",
        "Kirkwall",
        "Pitlochry",
    ],
    "social_group": ["Perth", "Falkirk", "Dumfries", "Stornoway", "Glasgow", "Hawick"],
    "mens_shed": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Blairgowrie",
        "Galashiels",
        "Wick",
    ],
    "walking": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Galashiels",
        "Fort William",
        "Stirling",
        "Aviemore",
    ],
    "exercise_referral": ["Perth", "Falkirk", "Dumfries", "Glasgow"],
    "chair_exercise": ["Perth", "Stornoway", "Hawick"],
    "mental_health_local": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Glasgow",
        "Galashiels",
        "Kirkwall",
        "Stirling",
    ],
    "bereavement": ["Perth", "Falkirk", "Dumfries", "Lerwick", "Glasgow"],
    "carers": ["Perth", "Falkirk", "Dumfries", "Stornoway", "Galashiels", "Glasgow"],
    "dementia": ["Perth", "Falkirk", "Dumfries", "Lerwick", "Galashiels", "Stirling"],
    "housing": ["Glasgow", "Perth", "Falkirk", "Dumfries", "Stornoway", "Galashiels"],
    "addiction": ["Perth", "Falkirk", "Dumfries", "Glasgow", "Lerwick", "Wick"],
    "domestic_abuse": ["Perth", "Falkirk", "Dumfries", "Glasgow", "Stornoway"],
    "new_scots": ["Perth", "Falkirk", "Glasgow", "Dumfries", "Galashiels"],
    "digital": ["Perth", "Falkirk", "Dumfries", "Lerwick", "Stornoway", "Glasgow"],
    "employability": ["Perth", "Falkirk", "Dumfries", "Glasgow", "Stornoway"],
    "parenting": ["Perth", "Falkirk", "Dumfries", "Glasgow", "Lerwick", "Kirkwall"],
    "long_term": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Glasgow",
        "Galashiels",
        "Stornoway",
        "Stirling",
    ],
    "arts": [
        "Perth",
        "Falkirk",
        "Dumfries",
        "Lerwick",
        "Stornoway",
        "Glasgow",
        "Galashiels",
        "Kirkwall",
        "Crieff",
    ],
    "garden": ["Perth", "Falkirk", "Dumfries", "Glasgow"],
}

# Services with no physical location (Scotland-wide or area-wide by phone, online or home visit).
# (key, name, organisation, description, delivery, service areas, primary need, secondary, audience,
#  language codes)
REMOTE: list[tuple[str, str, str, str, str, list[str], str, list[str], str, list[str]]] = [
    (
        "nat_listening",
        "Calm Line Scotland",
        "Calm Line Scotland",
        "Free, confidential phone line for anyone in Scotland feeling down, anxious, stressed or unable to cope. "
        "Open weekday evenings and all weekend. You do not have to be in crisis to call.",
        "phone",
        ["Scotland"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "nat_crisis",
        "Night and Day Listening Line",
        "Listening Ear Scotland",
        "Whatever you are going through, you can talk to us day or night, 365 days a year. If you are having "
        "thoughts of suicide or self-harm, call us now.",
        "phone",
        ["Scotland"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "nat_cbt",
        "Living Better Online CBT",
        "NHS 24",
        "Free online cognitive behavioural therapy courses for mild to moderate depression, anxiety and "
        "sleep problems, with telephone coaching. For adults registered with a GP in Scotland.",
        "online",
        ["Scotland"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "nat_energy",
        "Warm Homes Advice Line Scotland",
        "Warm Homes Scotland",
        "Free impartial advice on saving energy and heating your home, help if you cannot afford your energy "
        "bills, and referral for home insulation, heat pumps and boiler grants funded by the Scottish Government.",
        "phone",
        ["Scotland"],
        "fuel",
        ["money"],
        "all",
        [],
    ),
    (
        "nat_money",
        "Money Talk Scotland Helpline",
        "Citizens Advice Network Scotland",
        "Free phone advice on benefits, debt and budgeting from anywhere in Scotland. We check your entitlement, "
        "help you deal with creditors and give advice about bills, including energy debt.",
        "phone",
        ["Scotland"],
        "money",
        ["fuel"],
        "all",
        ["pl", "ar"],
    ),
    (
        "nat_debt",
        "Debt Advice Online Scotland",
        "Scottish Debt Charity",
        "Online and webchat debt advice: a free personalised plan for dealing with council tax arrears, credit "
        "cards, loans and overdrafts, including Debt Arrangement Scheme and bankruptcy options.",
        "online",
        ["Scotland"],
        "money",
        [],
        "all",
        [],
    ),
    (
        "nat_friendship",
        "Friendship Line for Older People",
        "Age Together Scotland",
        "A free phone line and weekly friendship calls for people over 60 who feel lonely or cut off. "
        "Call any time for a chat, information or friendship.",
        "phone",
        ["Scotland"],
        "loneliness",
        [],
        "older",
        [],
    ),
    (
        "nat_bereavement",
        "Bereavement Helpline Scotland",
        "Grief Support Scotland",
        "Free bereavement support by phone and video across Scotland for adults and young people after a death, "
        "including sudden or traumatic death and loss through suicide.",
        "phone",
        ["Scotland"],
        "bereavement",
        [],
        "all",
        [],
    ),
    (
        "nat_carers",
        "Carers Online Scotland",
        "Carers Together Scotland",
        "Online forum, webchat and advice line for unpaid carers across Scotland, with information on rights, "
        "benefits, breaks and looking after your own health.",
        "online",
        ["Scotland"],
        "carers",
        [],
        "carers",
        [],
    ),
    (
        "nat_dementia",
        "24 Hour Dementia Helpline",
        "Alzheimer's Network Scotland",
        "Support and information at any time of day or night for people with dementia, their families and carers.",
        "phone",
        ["Scotland"],
        "dementia",
        ["carers"],
        "all",
        [],
    ),
    (
        "nat_housing",
        "Housing Rights Helpline Scotland",
        "Homes for All Scotland",
        "Free expert advice if you are homeless, facing eviction, in rent arrears or in poor housing. "
        "We explain your rights and can advocate with your landlord or the council.",
        "phone",
        ["Scotland"],
        "housing",
        [],
        "all",
        [],
    ),
    (
        "nat_da",
        "Scotland's Domestic Abuse Helpline",
        "Safer Homes Scotland",
        "24-hour confidential helpline for anyone experiencing domestic abuse or forced marriage, and for their "
        "friends, family and professionals. Interpreters available.",
        "phone",
        ["Scotland"],
        "domestic_abuse",
        [],
        "all",
        ["pl", "ar", "uk", "zh"],
    ),
    (
        "nat_alcohol",
        "Drink and Drug Helpline Scotland",
        "Recovery Scotland",
        "Free confidential advice if you are worried about your own or someone else's drinking or drug use, "
        "and information about local services.",
        "phone",
        ["Scotland"],
        "addiction",
        [],
        "all",
        [],
    ),
    (
        "nat_gambling",
        "Gambling Support Scotland",
        "Bet Free Scotland",
        "Free phone and online counselling for people harmed by gambling and their families.",
        "online",
        ["Scotland"],
        "addiction",
        ["money"],
        "all",
        [],
    ),
    (
        "nat_refugee",
        "Refugee Advice Line",
        "Scottish Refugee Support",
        "Advice for refugees and people seeking asylum anywhere in Scotland on the asylum process, family reunion, "
        "housing, benefits and getting settled. Interpreters for any language.",
        "phone",
        ["Scotland"],
        "new_scots",
        [],
        "all",
        ["ar", "uk", "zh", "pl"],
    ),
    (
        "nat_ukraine",
        "Ukrainian Welcome Line",
        "Scottish Refugee Support",
        "A phone line for people who came to Scotland from Ukraine: housing, work, schools, benefits and English "
        "classes. Ukrainian and Russian-speaking advisers.",
        "phone",
        ["Scotland"],
        "new_scots",
        ["housing"],
        "all",
        ["uk", "ru"],
    ),
    (
        "nat_parent",
        "Parentline Scotland",
        "Children First Scotland",
        "Free helpline, webchat and email for parents and carers about anything to do with their children: "
        "behaviour, sleep, school worries, teenagers and family stress.",
        "phone",
        ["Scotland"],
        "parenting",
        [],
        "parents",
        [],
    ),
    (
        "nat_digital",
        "Digital Buddies Scotland",
        "Connect Scotland",
        "Free devices, internet connection and a volunteer digital champion who helps you by phone to learn to "
        "use them, for people on low incomes who are not online.",
        "online",
        ["Scotland"],
        "digital",
        [],
        "all",
        [],
    ),
    (
        "nat_chss",
        "Heart, Chest and Stroke Advice Line",
        "Chest Heart Stroke Charity Scotland",
        "Nurses give confidential advice on living with a heart or lung condition or after a stroke, including "
        "Long Covid, by phone, text or email.",
        "phone",
        ["Scotland"],
        "long_term",
        [],
        "all",
        [],
    ),
    (
        "nat_jobs",
        "Fair Start Online Job Support",
        "Scottish Employability Network",
        "Remote keyworker support for disabled people and people with health conditions who want to work, "
        "anywhere in Scotland: job search, CVs and interview practice by video and phone.",
        "online",
        ["Scotland"],
        "employability",
        [],
        "all",
        [],
    ),
    (
        "nat_young_mh",
        "Youth Mental Health Text Line",
        "Young Scot Minds",
        "Text support for young people aged 12 to 25 in Scotland feeling anxious, low or stressed.",
        "online",
        ["Scotland"],
        "mental_health",
        [],
        "young",
        [],
    ),
    (
        "nat_mens",
        "Men's Mental Health Line",
        "Men Matter Scotland",
        "A phone and chat service for men who are struggling, feeling low or finding it hard to talk. "
        "Anonymous and judgement-free.",
        "phone",
        ["Scotland"],
        "mental_health",
        [],
        "men",
        [],
    ),
    # area-restricted, no physical location
    (
        "pk_home_energy",
        "Home Energy Visits, Perth and Kinross",
        "Perth and Kinross Energy Partnership",
        "Energy advisers visit your home to help you keep warm for less, sort out energy debt with your supplier, "
        "and apply for the Scottish Welfare Fund and fuel vouchers.",
        "home_visit",
        ["Perth and Kinross"],
        "fuel",
        ["money"],
        "all",
        [],
    ),
    (
        "pk_carers_phone",
        "Carer Support Line, Perth and Kinross",
        "PKAVS",
        "Telephone support, carer assessments and emergency planning for unpaid carers living in Perth and Kinross.",
        "phone",
        ["Perth and Kinross"],
        "carers",
        [],
        "carers",
        [],
    ),
    (
        "tayside_mh",
        "Tayside Mental Health Support Line",
        "NHS Tayside",
        "Phone support from mental health nurses for adults in Dundee, Angus and Perth and Kinross who are "
        "struggling with their mental health, including out of hours.",
        "phone",
        ["NHS Tayside"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "falkirk_warmth",
        "Falkirk Warm Homes Service",
        "Falkirk Council",
        "Help for Falkirk council area residents struggling to heat their homes: advice on bills and arrears, "
        "insulation and heating repairs for council tenants and homeowners.",
        "home_visit",
        ["Falkirk council area"],
        "fuel",
        [],
        "all",
        [],
    ),
    (
        "falkirk_befriend",
        "Falkirk Telephone Befriending",
        "Falkirk Older People's Network",
        "Weekly friendly phone calls for older people across the Falkirk council area who feel lonely or isolated.",
        "phone",
        ["Falkirk council area"],
        "loneliness",
        [],
        "older",
        [],
    ),
    (
        "fv_mh",
        "Forth Valley Distress Brief Intervention",
        "NHS Forth Valley",
        "Fourteen days of compassionate support for people in emotional distress, following referral by a GP, "
        "A&E, police or ambulance. Covers Falkirk, Stirling and Clackmannanshire.",
        "phone",
        ["NHS Forth Valley"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "shetland_befriend",
        "Shetland Befriending by Phone",
        "Shetland Community Connections",
        "Befriending calls and visits for isolated people of any age across the Shetland Islands, including the "
        "outer isles.",
        "phone",
        ["Shetland Islands"],
        "loneliness",
        [],
        "all",
        [],
    ),
    (
        "shetland_carers",
        "Shetland Carers Support",
        "Shetland Community Connections",
        "Support for unpaid carers throughout Shetland: information, short breaks and a carers' group in Lerwick.",
        "phone",
        ["Shetland Islands"],
        "carers",
        [],
        "carers",
        [],
    ),
    (
        "dg_hospice_home",
        "Hospice at Home, Dumfries and Galloway",
        "Dumfries and Galloway Hospice",
        "Nursing and bereavement support at home for families across Dumfries and Galloway.",
        "home_visit",
        ["Dumfries and Galloway"],
        "bereavement",
        [],
        "all",
        [],
    ),
    (
        "dg_da",
        "Galloway Domestic Abuse Outreach",
        "Dumfries and Galloway Women's Aid",
        "Outreach support for women experiencing domestic abuse throughout Dumfries and Galloway, including rural "
        "areas; we come to you.",
        "home_visit",
        ["Dumfries and Galloway"],
        "domestic_abuse",
        [],
        "women",
        [],
    ),
    (
        "wi_energy",
        "Western Isles Energy Advice",
        "Tighean Innse Gall",
        "Fuel poverty advice and home energy visits for households in the Outer Hebrides, where heating costs are "
        "among the highest in the UK. Help with energy bills, arrears and grants.",
        "home_visit",
        ["Na h-Eileanan Siar"],
        "fuel",
        ["money"],
        "all",
        [],
    ),
    (
        "borders_dementia",
        "Borders Dementia Outreach",
        "Borders Care Voice",
        "Home visits and phone support for people with dementia and their carers across the Scottish Borders.",
        "home_visit",
        ["Scottish Borders"],
        "dementia",
        ["carers"],
        "all",
        [],
    ),
    (
        "glasgow_money",
        "Glasgow Money Advice Line",
        "Glasgow City Council",
        "Phone advice for Glasgow City residents on benefits, debt and cost of living payments.",
        "phone",
        ["Glasgow City"],
        "money",
        ["fuel"],
        "all",
        [],
    ),
    (
        "highland_mh",
        "Highland Mental Wellbeing Line",
        "NHS Highland",
        "Phone and video support for adults across the Highland council area with low mood, anxiety or stress.",
        "phone",
        ["NHS Highland"],
        "mental_health",
        [],
        "all",
        [],
    ),
    (
        "orkney_digital",
        "Orkney Digital Champions",
        "Voluntary Action Orkney",
        "Volunteers visit you at home anywhere in Orkney to help you with your tablet, smartphone or computer.",
        "home_visit",
        ["Orkney Islands"],
        "digital",
        [],
        "all",
        [],
    ),
]
