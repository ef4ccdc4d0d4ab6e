"""Demo networking binder for `manage.py seed_demo`: invented people, safe to run again.

Everything here is made up: names, organisations, web sites (all under the reserved `.example`
top-level domain) and phone numbers (from ranges set aside for drama and fiction). The data is
planned from a fixed random seed first and only then written, so two runs give the same binder.
"""

import random
import re
import unicodedata
from datetime import timedelta

from django.utils import timezone

from apps.core.suppression import suppress

from .models import Industry, Occupation, Organisation, Professional, Resource
from .taxonomy import INDUSTRIES, SOC_MAJOR_GROUPS

# Alumni years are worked out from this year, not from today, so the data never drifts.
REFERENCE_YEAR = 2026
PROFESSIONALS_PER_INDUSTRY = 11
EXTRA_PROFESSIONALS = 2  # given to two industries picked at random: 18 * 11 + 2 = 200
PAUSED, RETIRED, DO_NOT_CONTACT = 7, 4, 2
CONSENT_OVERDUE = 15
REFERRALS = 15

OCCUPATIONS = {code[:2]: name for code, name in SOC_MAJOR_GROUPS}

# city: (country, IANA time zone, telephone style)
CITIES = {
    "London": ("UK", "Europe/London", "london"),
    "Manchester": ("UK", "Europe/London", "uk"),
    "Leeds": ("UK", "Europe/London", "uk"),
    "Bristol": ("UK", "Europe/London", "uk"),
    "Birmingham": ("UK", "Europe/London", "uk"),
    "Sheffield": ("UK", "Europe/London", "uk"),
    "Nottingham": ("UK", "Europe/London", "uk"),
    "Cambridge": ("UK", "Europe/London", "uk"),
    "Newcastle": ("UK", "Europe/London", "uk"),
    "Glasgow": ("UK", "Europe/London", "uk"),
    "Edinburgh": ("UK", "Europe/London", "uk"),
    "Cardiff": ("UK", "Europe/London", "uk"),
    "Belfast": ("UK", "Europe/London", "uk"),
    "Dublin": ("Ireland", "Europe/Dublin", ""),
    "Amsterdam": ("Netherlands", "Europe/Amsterdam", ""),
    "Rotterdam": ("Netherlands", "Europe/Amsterdam", ""),
    "Berlin": ("Germany", "Europe/Berlin", ""),
    "Paris": ("France", "Europe/Paris", ""),
    "Madrid": ("Spain", "Europe/Madrid", ""),
    "Lisbon": ("Portugal", "Europe/Lisbon", ""),
    "Stockholm": ("Sweden", "Europe/Stockholm", ""),
    "New York": ("USA", "America/New_York", "212"),
    "Chicago": ("USA", "America/Chicago", "312"),
    "San Francisco": ("USA", "America/Los_Angeles", "415"),
    "Toronto": ("Canada", "America/Toronto", "416"),
    "Vancouver": ("Canada", "America/Vancouver", "604"),
    "Mexico City": ("Mexico", "America/Mexico_City", ""),
    "São Paulo": ("Brazil", "America/Sao_Paulo", ""),
    "Mumbai": ("India", "Asia/Kolkata", ""),
    "Bengaluru": ("India", "Asia/Kolkata", ""),
    "Singapore": ("Singapore", "Asia/Singapore", ""),
    "Dubai": ("UAE", "Asia/Dubai", ""),
    "Tokyo": ("Japan", "Asia/Tokyo", ""),
    "Seoul": ("South Korea", "Asia/Seoul", ""),
    "Nairobi": ("Kenya", "Africa/Nairobi", ""),
    "Lagos": ("Nigeria", "Africa/Lagos", ""),
    "Accra": ("Ghana", "Africa/Accra", ""),
    "Cape Town": ("South Africa", "Africa/Johannesburg", ""),
    "Sydney": ("Australia", "Australia/Sydney", "sydney"),
    "Melbourne": ("Australia", "Australia/Melbourne", "melbourne"),
    "Auckland": ("New Zealand", "Pacific/Auckland", ""),
}
UK_CITIES = [c for c, (country, _, _) in CITIES.items() if country == "UK"]
ABROAD_CITIES = [c for c in CITIES if c not in UK_CITIES]

# Given names and family names that belong together, with a weight for how often to draw them.
NAME_POOLS = [
    (
        4,
        "Olivia Harriet James Thomas Eleanor George Charlotte Oliver Lucy Henry Grace Sam "
        "Daniel Rebecca Marcus Jade",
        "Whitaker Pembridge Ashworth Holloway Fenwick Marsh Caldwell Thornton Bramley "
        "Hargreaves Campbell Francis Clarke Greenwood Lockhart",
    ),
    (
        2,
        "Siobhán Niamh Ciarán Aoife Declan Eilidh Callum Fionn Róisín Ruairí Orla Struan",
        "Gallagher McAllister Brennan Doherty Quinlan MacLeod Fraser Kavanagh Nolan Rafferty",
    ),
    (
        2,
        "Priya Arjun Ananya Rohan Kavya Vikram Meera Sanjay Nisha Aditi",
        "Raman Iyer Chatterjee Deshpande Malhotra Krishnan Nair Bhatt",
    ),
    (
        1,
        "Imran Farah Zain Ayesha Bilal Sana Tahmina Rizwan",
        "Qureshi Siddiqui Chowdhury Rahman Hussain Mirza Akhtar",
    ),
    (1, "Harpreet Gurpreet Manjit Jaspreet Amrit Simran", "Sandhu Gill Dhillon Sidhu Bains"),
    (
        1,
        "Wei Mei Jia Hao Xin Lin Yun Jun Yifan Shu",
        "Zhang Chen Liu Huang Zhou Wu Lam Tan Ho Leung",
    ),
    (
        1,
        "Haruka Kenji Yuki Sora Daiki Aiko Ren Emi",
        "Takahashi Nakamura Fujita Yamamoto Sato Mori",
    ),
    (1, "Minji Jisoo Hyun-woo Seo-yeon Joon Ha-eun", "Park Kim Choi Shin Yoon Han"),
    (1, "Linh Minh Thao Quang Huong Tuan", "Nguyen Tran Pham Le Vu Hoang"),
    (1, "Maricel Paolo Jasmine Rodel Kristine Miguel", "Santos Reyes Bautista Villanueva Mendoza"),
    (
        2,
        "Chiamaka Tunde Ngozi Adaeze Oluwaseun Folake Emeka Ifeoma Chidi Bisi",
        "Adeyemi Okafor Eze Nwosu Adebayo Okonkwo Balogun Ogunleye",
    ),
    (1, "Kwame Ama Kofi Akosua Yaw Efua Kojo Abena", "Mensah Boateng Owusu Asante Darko Appiah"),
    (1, "Wanjiru Amani Njeri Baraka Akinyi Wambui", "Kamau Mwangi Odhiambo Wekesa Njoroge Ouma"),
    (
        1,
        "Lucía Mateo Camila Javier Valentina Diego Sofía Alejandro Inés Carmen Andrés",
        "Morales Fuentes Navarro Herrera Castillo Delgado Ibáñez Romero Vargas Peña",
    ),
    (
        1,
        "João Beatriz Thiago Mariana Rafael Larissa Gonçalo",
        "Oliveira Sousa Ribeiro Azevedo Moreira",
    ),
    (
        1,
        "Étienne Camille Mathieu Élodie Julien Margaux Théo Amélie Hugo",
        "Lefèvre Moreau Girard Rousseau Fontaine Mercier Chevalier Bonnet",
    ),
    (
        1,
        "Lukas Annika Jonas Greta Felix Katrin Moritz Lena",
        "Becker Hoffmann Schäfer Vogel Brandt Krüger",
    ),
    (1, "Maarten Femke Sander Lotte Joost Anouk", "de_Vries van_Dijk Bakker Visser Jansen Smit"),
    (
        1,
        "Björn Ingrid Sven Liv Astrid Erik Sigrid Mikkel",
        "Halvorsen Nyström Berg Sørensen Dahl Eriksen",
    ),
    (
        1,
        "Agnieszka Tomasz Katarzyna Piotr Magdalena Marek Zofia Jakub",
        "Nowak Kowalczyk Wójcik Mazur Dudek",
    ),
    (
        1,
        "Giulia Marco Chiara Luca Francesca Matteo Alessia",
        "Rossi Marchetti Bellini Conti Ferraro Gallo",
    ),
    (
        1,
        "Layla Omar Yasmin Karim Nour Tariq Rania Samir Hana",
        "Haddad Khalil Mansour Nasser Saleh Darwish Farouk",
    ),
    (1, "Elif Emre Zeynep Mert Deniz Burak Ayşe", "Yılmaz Demir Aydın Kaya Şahin Çelik"),
    (1, "Shirin Dariush Parisa Reza Nasrin Kian", "Tehrani Karimi Rahimi Ahmadi Moradi"),
    (
        1,
        "Eleni Nikos Sofia Dimitris Katerina Yannis",
        "Papadopoulos Georgiou Christodoulou Vlachos",
    ),
    (1, "Miriam Eli Noa Tamar Avi Judith", "Rosen Abramson Levin Sasson Halpern"),
]

# Per industry: organisations (name, domain, size, city, research notes), roles (job title, SOC
# major group, first-person sentence), a few more sentences, tags, alumni programmes, and its
# association and directory (name, domain, notes).
# fmt: off
BINDER = {
    "Accounting and Finance": {
        "organisations": [
            ("Halden & Crowe LLP", "haldencrowe", "medium", "Leeds",
             "Skim their transparency report and the owner-managed business pages; their partners "
             "warm quickly to students who can say why they prefer audit or advisory."),
            ("Brightwater Mutual", "brightwater-mutual", "large", "Bristol",
             "A member-owned building society: read the chair's letter in the annual report and "
             "the page on how members vote before asking about culture or careers."),
            ("Kestrel Capital Partners", "kestrelcapital", "small", "London",
             "A small private-equity house backing family firms; look through the portfolio page "
             "and pick one company you could ask an informed question about."),
            ("Tallyhouse", "tallyhouse", "small", "Manchester",
             "A cloud bookkeeping start-up for sole traders; try the free demo and read their "
             "blog on digital tax returns so you can talk about the product."),
        ],
        "roles": [
            ("Audit Manager", "13",
             "I run audits of mid-sized manufacturers and charities and can explain what the "
             "first two years of a training contract really look like."),
            ("Tax Adviser", "13",
             "I advise family businesses on tax and can talk about the exams, the study leave and "
             "why tax is less dry than people expect."),
            ("Financial Analyst", "13",
             "I build forecasts and board packs, so I can show you what a week in financial "
             "planning and analysis involves."),
            ("Finance Director", "11",
             "I lead a finance team of twelve and sit on hiring panels, so I can tell you what "
             "stands out in graduate applications."),
            ("Payroll Specialist", "43",
             "I keep payroll running for several thousand people and can talk about getting into "
             "finance without a finance degree."),
            ("Credit Risk Analyst", "13",
             "I assess lending decisions and can talk about how risk teams use data day to day."),
            ("Quantitative Analyst", "15",
             "I write models that price savings products and am happy to talk about moving from a "
             "maths degree into finance."),
            ("Trainee Chartered Accountant", "13",
             "I started my training contract two years ago, so the applications and first-year "
             "exams are still fresh in my mind."),
            ("Mortgage Adviser", "41",
             "I help first-time buyers through their mortgage and can talk about client-facing "
             "roles in financial services."),
            ("Investment Associate", "13",
             "I research companies we might invest in and can talk about how people move into "
             "private equity."),
        ],
        "sentences": [
            "Ask me about balancing professional exams with a full-time job.",
            "I changed careers into finance at thirty, so I know the routes in beyond the "
            "graduate schemes.",
            "I am glad to talk to anyone who is the first in their family to work in finance.",
        ],
        "tags": [
            "audit", "tax", "professional exams", "financial planning", "banking", "fintech",
            "risk", "graduate schemes",
        ],
        "programmes": [
            "BSc Accounting and Finance", "BSc Economics", "BSc Mathematics",
            "BA Business Management",
        ],
        "association": ("Guild of Practising Accountants", "practising-accountants-guild",
                        "Student affiliates join free and can attend the regional evening "
                        "lectures, where members expect newcomers to ask questions."),
        "directory": ("Ledgerline Firm Finder", "ledgerline",
                      "Search accounting and finance firms by region and size; the trainee intake "
                      "filter shows who hires graduates each year."),
    },
    "Advertising and Marketing": {
        "organisations": [
            ("Loud Lantern Creative", "loudlantern", "small", "Manchester",
             "An independent creative agency; watch two or three campaigns on their work page and "
             "be ready to say which brief you would have liked to pitch for."),
            ("Fieldnote Research", "fieldnote-research", "medium", "London",
             "A market research consultancy; their free quarterly consumer trends report is the "
             "best thing to read before speaking to anyone there."),
            ("Copper & Kite", "copperkite", "small", "Amsterdam",
             "A brand strategy studio working in English for European clients; read their short "
             "essays on naming and brand voice."),
        ],
        "roles": [
            ("Account Director", "11",
             "I look after the relationship between clients and our creative teams and can "
             "explain what account handling actually involves."),
            ("Copywriter", "27",
             "I write everything from radio scripts to product pages and am happy to look at a "
             "portfolio, even a very early one."),
            ("Digital Marketing Manager", "11",
             "I plan paid search and social campaigns and can talk about which skills you can "
             "teach yourself before you apply."),
            ("Market Research Analyst", "13",
             "I design surveys and focus groups and turn them into recommendations, which suits "
             "people who like both numbers and people."),
            ("Art Director", "27",
             "I lead the visual side of campaigns and can talk about building a design portfolio "
             "that agencies want to see."),
            ("Media Buyer", "41",
             "I negotiate where and when adverts run, a part of the industry most students have "
             "never heard of."),
            ("Social Media Executive", "27",
             "I run social channels for three consumer brands and started in this role straight "
             "after graduating."),
            ("PR Account Executive", "27",
             "I write press releases and pitch stories to journalists, and can tell you how PR "
             "differs from advertising."),
            ("Qualitative Researcher", "13",
             "I run interviews and focus groups for brands and can talk about research careers "
             "outside universities."),
            ("Research Director", "11",
             "I lead a team of twenty researchers and can tell you what we look for in graduate "
             "analysts."),
            ("Brand Strategist", "13",
             "I work out what a brand should stand for and how it should sound, and moved into "
             "strategy from copywriting."),
        ],
        "sentences": [
            "Agency life is fast, and I can be honest about the hours and the rewards.",
            "I moved from in-house marketing to an agency and can compare the two.",
            "Bring questions about portfolios, internships and landing your first brief.",
        ],
        "tags": [
            "branding", "copywriting", "social media", "market research", "PR", "agency life",
            "portfolio advice",
        ],
        "programmes": [
            "BA Marketing", "BA English Literature", "BSc Psychology", "BA Graphic Design",
        ],
        "association": ("Society of Brand and Campaign Professionals", "brand-campaign-society",
                        "Runs a free student chapter with monthly portfolio reviews; its salary "
                        "survey is worth reading before you negotiate anything."),
        "directory": ("AgencyAtlas", "agencyatlas",
                      "A searchable map of advertising, PR and research agencies with client "
                      "lists, so you can see who works on the brands you care about."),
    },
    "Architecture and Construction": {
        "organisations": [
            ("Stonegate Studio Architects", "stonegate-studio", "small", "Glasgow",
             "A small practice known for schools and libraries; look at the project pages and the "
             "short talks their directors have given about retrofit."),
            ("Harrowfield Construction", "harrowfield", "large", "Birmingham",
             "A main contractor building hospitals, schools and stations; read their graduate and "
             "apprenticeship pages and one recent project case study."),
            ("Lattice Timber Works", "latticetimber", "medium", "Bristol",
             "Designs and makes engineered timber frames; their blog on low-carbon building "
             "explains the technology in plain terms."),
        ],
        "roles": [
            ("Architect", "17",
             "I design housing and community buildings and can walk you through the long road to "
             "registration."),
            ("Architectural Technologist", "17",
             "I turn design ideas into buildable drawings, a technical route into architecture "
             "that fewer students know about."),
            ("Quantity Surveyor", "13",
             "I manage the costs of large building projects and can explain why surveyors are in "
             "such short supply."),
            ("Site Manager", "11",
             "I run a construction site of around a hundred people and can talk about safety, "
             "deadlines and teamwork."),
            ("Structural Engineer", "17",
             "I make sure buildings stand up, mostly in timber and steel, and enjoy talking about "
             "chartership."),
            ("Electrician", "47",
             "I trained through an apprenticeship and now run electrical installs on new homes; "
             "happy to talk about the trades as a career."),
            ("Carpenter and Joiner", "47",
             "I make and fit the timber parts of buildings and can explain how apprenticeships "
             "and college courses work."),
            ("Site Supervisor", "47",
             "I coordinate the trades on site and can talk about moving from the tools into "
             "supervision."),
            ("Building Services Engineer", "17",
             "I design heating, ventilation and power for buildings and can explain how we cut "
             "their energy use."),
            ("Part 2 Architectural Assistant", "17",
             "I am between my degree and my final qualification, so I can tell you honestly what "
             "the years in practice are like."),
        ],
        "sentences": [
            "Construction needs many more women and I am always glad to talk to anyone curious "
            "about it.",
            "I can tell you about site visits, safety training and what to wear on your first "
            "day.",
            "Ask me how design and construction teams work together, and where they clash.",
        ],
        "tags": [
            "architecture", "surveying", "site management", "apprenticeships", "sustainability",
            "retrofit", "BIM",
        ],
        "programmes": [
            "BA Architecture", "BSc Civil Engineering", "BSc Quantity Surveying",
            "BSc Construction Management",
        ],
        "association": ("Built Environment Practitioners' Network", "builtenv-network",
                        "Brings architects, engineers and builders together on regional site "
                        "tours; students can book places for free."),
        "directory": ("PracticeMap", "practicemap",
                      "Architecture practices and contractors with project types and office "
                      "locations; good for finding smaller firms that rarely advertise."),
    },
    "Arts, Culture and Heritage": {
        "organisations": [
            ("Calderbrook Museum Trust", "calderbrook-museums", "medium", "Leeds",
             "Runs three museums of local industry and textiles; read the current exhibition page "
             "and their volunteering programme before asking about paid roles."),
            ("Saltmarsh Theatre Company", "saltmarsh-theatre", "small", "Newcastle",
             "A touring company making new plays with communities; check what is on tour this "
             "season and, if you can, see a show first."),
            ("Ferrand Gallery", "ferrand-gallery", "micro", "Edinburgh",
             "A small contemporary gallery showing early-career artists; browse the last year of "
             "exhibitions and the artists they represent."),
        ],
        "roles": [
            ("Curator", "25",
             "I research and put together exhibitions and can explain how people really get "
             "curatorial jobs."),
            ("Archivist", "25",
             "I look after letters, maps and photographs, and can talk about the postgraduate "
             "qualification most archive jobs ask for."),
            ("Conservator", "25",
             "I repair and care for textiles and paper, a mix of science and craft that I love "
             "explaining."),
            ("Learning and Engagement Officer", "25",
             "I design workshops for schools and families and can talk about education roles in "
             "museums."),
            ("Theatre Producer", "27",
             "I raise the money and organise everything that gets a play on stage, and I started "
             "as a volunteer usher."),
            ("Stage Manager", "27",
             "I run rehearsals and the show each night, and am happy to talk about touring life."),
            ("Gallery Director", "11",
             "I run a small gallery and can talk about the business side of the arts, from sales "
             "to grants."),
            ("Development Manager", "13",
             "I raise money for the arts through grants and donors, a way in for people who like "
             "writing and relationships."),
            ("Exhibitions Coordinator", "13",
             "I organise shipping, hanging and opening nights for our exhibitions, a practical "
             "route into the art world."),
        ],
        "sentences": [
            "Arts jobs are competitive, and I can be frank about unpaid work and how to avoid "
            "getting stuck in it.",
            "I can suggest volunteering that genuinely leads somewhere.",
            "Ask me about freelancing alongside a part-time job in the sector.",
        ],
        "tags": [
            "museums", "heritage", "theatre", "curating", "arts fundraising", "volunteering",
            "freelance",
        ],
        "programmes": ["BA History", "BA Fine Art", "BA Drama", "MA Museum Studies"],
        "association": ("Heritage and Museums Workforce Forum", "heritage-workforce",
                        "Publishes an honest guide to entry routes and runs online "
                        "meet-the-curator sessions open to students."),
        "directory": ("Cultural Organisations Register", "culture-register",
                      "Museums, galleries, theatres and heritage sites by region and size, with "
                      "links to their volunteering pages."),
    },
    "Charities and Non-profits": {
        "organisations": [
            ("Open Door Housing Trust", "opendoor-housing", "medium", "Manchester",
             "Provides supported housing for young people leaving care; read the latest impact "
             "report and the page on their trauma-informed approach."),
            ("Riverlight Foundation", "riverlight", "small", "London",
             "A grant-making foundation funding youth arts and mental health projects; the "
             "funding priorities page shows how they think."),
            ("Wellspring Water Alliance", "wellspring-water", "medium", "Nairobi",
             "Works with communities on clean water and sanitation in East Africa; read two of "
             "the project stories and their approach to local partnerships."),
            ("Second Chapter Literacy", "secondchapter", "small", "Belfast",
             "Runs reading programmes for adults in prisons and community centres; their "
             "volunteer handbook explains the work well."),
        ],
        "roles": [
            ("Fundraising Manager", "13",
             "I lead our trusts and foundations fundraising and can explain how charities "
             "actually pay for their work."),
            ("Housing Support Worker", "21",
             "I support young people living independently for the first time; the job is hard and "
             "rewarding in equal measure."),
            ("Programme Officer", "13",
             "I manage projects with partners overseas and can talk about breaking into "
             "international development."),
            ("Chief Executive", "11",
             "I lead a charity of around sixty staff and am happy to talk about trustees, "
             "governance and leadership."),
            ("Policy and Campaigns Officer", "13",
             "I turn what our services see into campaigns for change, and can talk about "
             "influencing government."),
            ("Volunteer Coordinator", "21",
             "I recruit and look after more than two hundred volunteers, which makes a great "
             "first job in the sector."),
            ("Youth Worker", "21",
             "I run youth clubs and street-based outreach and can talk about qualifications and "
             "safeguarding."),
            ("Impact and Evaluation Analyst", "19",
             "I measure whether our programmes work, using surveys and interviews, and like "
             "talking about research outside universities."),
            ("Grants Officer", "13",
             "I assess funding applications from small charities and can talk about how grant- "
             "makers decide."),
        ],
        "sentences": [
            "Charity pay and career paths differ from business and I will be honest about both.",
            "I started as a volunteer, so I can tell you which experience counts when you apply.",
            "Ask me about the difference between small local charities and big national ones.",
        ],
        "tags": [
            "charity", "fundraising", "youth work", "international development", "campaigns",
            "volunteering", "social impact",
        ],
        "programmes": [
            "BA Social Policy", "BA Sociology", "BA International Development", "BSc Psychology",
        ],
        "association": ("Association of Charity Practitioners", "charity-practitioners",
                        "Its free newsletter covers sector news and jobs, and student membership "
                        "includes a mentoring scheme."),
        "directory": ("Third Sector Employer Index", "thirdsector-index",
                      "Charities by cause, size and region with their income, so you can see "
                      "which ones can afford to pay entry-level staff."),
    },
    "Consulting": {
        "organisations": [
            ("Arden Hale Consulting", "ardenhale", "large", "London",
             "A large management consultancy; read one of their published insight reports in the "
             "sector you care about and be ready to discuss it."),
            ("Bluecairn Strategy", "bluecairn", "small", "Edinburgh",
             "A boutique strategy firm for universities and public bodies; their case studies "
             "show the kind of problems they solve."),
            ("Pivotal Operations Group", "pivotal-ops", "medium", "Chicago",
             "Operations consultants to manufacturers and hospitals; their short videos on lean "
             "improvement give a feel for the work."),
        ],
        "roles": [
            ("Management Consultant", "13",
             "I help organisations solve problems in short, intense projects, and I can demystify "
             "case interviews."),
            ("Senior Consultant", "13",
             "I work on operations projects in hospitals and factories and can explain what a "
             "typical project week looks like."),
            ("Associate Partner", "11",
             "I win and lead consulting projects and have interviewed many graduates, so I know "
             "what works at assessment centres."),
            ("Data Scientist", "15",
             "I build models for consulting clients and can talk about the mix of coding and "
             "client work."),
            ("Change Manager", "11",
             "I help staff through big changes like new systems or restructures, which is more "
             "about people than spreadsheets."),
            ("Business Analyst", "13",
             "I map how organisations work and write requirements for new systems, a good first "
             "role for curious people."),
            ("Economist", "19",
             "I do economic analysis for public sector clients and can talk about using an "
             "economics degree outside banking."),
            ("Strategy Analyst", "13",
             "I joined straight from university two years ago and can tell you what the graduate "
             "programme is really like."),
        ],
        "sentences": [
            "Consulting involves a lot of travel and I can be honest about the trade-offs.",
            "I am happy to run through a practice case question with you.",
            "I joined consulting from industry, so ask me about experienced-hire routes too.",
        ],
        "tags": [
            "consulting", "case interviews", "strategy", "operations", "data", "public sector",
            "graduate schemes",
        ],
        "programmes": [
            "BSc Economics", "BA Business Management", "BSc Mathematics",
            "BA Philosophy, Politics and Economics",
        ],
        "association": ("Institute of Independent Consultants", "independent-consultants",
                        "Runs a free careers evening each autumn and publishes a plain guide to "
                        "how consulting firms recruit."),
        "directory": ("Consultancy Compass", "consultancy-compass",
                      "Profiles consulting firms by specialism and size, including small "
                      "boutiques that never visit campus."),
    },
    "Education": {
        "organisations": [
            ("Hollybrook Academy Trust", "hollybrook-trust", "large", "Birmingham",
             "A trust of nine primary and secondary schools; read the trust's vision statement "
             "and a recent inspection report for one of its schools."),
            ("Ashcombe College", "ashcombe-college", "medium", "Nottingham",
             "A further education college with strong apprenticeship links; the course list shows "
             "the range of subjects they teach."),
            ("Lanternlight Learning", "lanternlight", "small", "Dublin",
             "An education technology company building revision apps; try the free version and "
             "read their research on how students learn."),
            ("Colina International School", "colina-school", "medium", "Lisbon",
             "An international school teaching in English; the admissions and curriculum pages "
             "explain what teaching abroad involves there."),
        ],
        "roles": [
            ("Chemistry Teacher", "25",
             "I teach chemistry to 11 to 18 year olds and can talk about teacher training routes "
             "and bursaries."),
            ("Primary School Teacher", "25",
             "I teach a Year 4 class and can tell you what a real day in a primary classroom "
             "feels like."),
            ("Deputy Headteacher", "11",
             "I help run a secondary school and have hired many new teachers, so I know what "
             "interview panels look for."),
            ("Lecturer in Business", "25",
             "I teach business at a college, many of my students adults returning to learning, "
             "and I came from industry myself."),
            ("Special Educational Needs Coordinator", "25",
             "I lead support for pupils with additional needs and can talk about specialising in "
             "inclusion."),
            ("Learning Designer", "25",
             "I design online courses and learning apps, a role that mixes teaching, writing and "
             "technology."),
            ("Educational Psychologist", "19",
             "I work with schools and families on learning and wellbeing, and can explain the "
             "doctoral route into the job."),
            ("School Librarian", "25",
             "I run a school library and reading programme and can talk about library and "
             "information careers."),
            ("Admissions Officer", "43",
             "I manage admissions and enquiries for the school, a good way into education "
             "administration."),
            ("Education Product Manager", "11",
             "I decide what goes into our revision apps next, using what teachers and students "
             "tell us; I taught maths for five years first."),
            ("Curriculum Content Writer", "27",
             "I write revision questions and explanations for our apps and can talk about writing "
             "jobs in education."),
        ],
        "sentences": [
            "I trained through a school-based route and can compare it with university-led "
            "teacher training.",
            "Ask me about teaching abroad, which I did for three years before coming back.",
            "Education is about much more than teaching and I can point you to the roles behind "
            "the scenes.",
        ],
        "tags": [
            "teaching", "teacher training", "SEND", "edtech", "further education",
            "teaching abroad", "school leadership",
        ],
        "programmes": [
            "BA Education Studies", "BSc Chemistry", "BA English Literature", "BSc Psychology",
        ],
        "association": ("College of Education Practitioners", "education-practitioners",
                        "Free student membership with research summaries and a job board for "
                        "teaching and support roles."),
        "directory": ("School and College Finder", "school-finder",
                      "Search schools, colleges and training providers by area and type, with "
                      "links to their latest inspection reports."),
    },
    "Energy and Environment": {
        "organisations": [
            ("Tidewater Renewables", "tidewater-renewables", "medium", "Edinburgh",
             "Develops offshore wind and tidal projects; read the project map and the pages on "
             "their community benefit fund."),
            ("Greenfold Ecology", "greenfold-ecology", "small", "Bristol",
             "Ecological consultants doing habitat surveys for developers; their survey calendar "
             "explains why summer is so busy."),
            ("Solvane Energía", "solvane", "large", "Madrid",
             "A solar and battery storage company working across southern Europe; their yearly "
             "sustainability report is published in English."),
        ],
        "roles": [
            ("Wind Turbine Technician", "49",
             "I climb and maintain offshore turbines and can talk about the training, the rotas "
             "and life at sea."),
            ("Environmental Consultant", "19",
             "I assess the environmental impact of new developments and can explain how "
             "consultancy works for scientists."),
            ("Ecologist", "19",
             "I survey bats, newts and birds for planning applications and can talk about getting "
             "your first seasonal job."),
            ("Energy Analyst", "13",
             "I model energy prices and demand, so I can talk about using numbers to help the "
             "move to clean power."),
            ("Sustainability Manager", "11",
             "I help a company cut its carbon emissions and can explain how sustainability roles "
             "differ between firms."),
            ("Grid Connections Engineer", "17",
             "I work out how new wind and solar farms connect to the electricity network."),
            ("Solar Installation Lead", "47",
             "I lead teams installing solar panels and batteries and came into the work through a "
             "short course."),
            ("Hydrologist", "19",
             "I study rivers and flood risk and can talk about careers in water and climate "
             "adaptation."),
        ],
        "sentences": [
            "Green jobs are growing fast and I can help you work out where your degree fits.",
            "Ask me about field work, which is muddy, early and brilliant.",
            "I moved from oil and gas to renewables and can talk about transferable skills.",
        ],
        "tags": [
            "renewables", "ecology", "net zero", "field work", "environmental consultancy",
            "climate", "sustainability",
        ],
        "programmes": [
            "BSc Environmental Science", "BSc Geography", "MEng Electrical Engineering",
            "BSc Biology",
        ],
        "association": ("Clean Energy Careers Network", "clean-energy-careers",
                        "Runs free webinars with people in renewables and keeps a useful list of "
                        "graduate schemes and apprenticeships."),
        "directory": ("Green Employers Directory", "green-employers",
                      "Environmental consultancies, renewable developers and conservation bodies "
                      "by region and specialism."),
    },
    "Engineering and Manufacturing": {
        "organisations": [
            ("Ferrovane Engineering", "ferrovane", "medium", "Sheffield",
             "Designs and builds pumps for water companies; look at the apprenticeship and "
             "graduate pages and one product case study."),
            ("Precision Arc Components", "precision-arc", "medium", "Nottingham",
             "Machines high-precision parts for medical devices; read about their quality "
             "standards and their factory open days."),
            ("Hartwell Aerostructures", "hartwell-aero", "large", "Bristol",
             "Makes wing parts for passenger aircraft; their careers site explains the different "
             "engineering disciplines they hire."),
            ("Kessler Motion Systems", "kessler-motion", "medium", "Berlin",
             "Builds robot arms for warehouses and labs; the engineering blog, in English, shows "
             "the kind of problems the team works on."),
        ],
        "roles": [
            ("Mechanical Engineer", "17",
             "I design pumps and valves and can talk about chartership and what engineering looks "
             "like after university."),
            ("Manufacturing Engineer", "17",
             "I make production lines faster and safer, and love showing people round the factory "
             "floor."),
            ("Quality Inspector", "51",
             "I check parts against drawings and standards, and can talk about starting on the "
             "shop floor and moving up."),
            ("CNC Machinist", "51",
             "I programme and run CNC machines, a skilled job that a lot of graduates never "
             "consider."),
            ("Production Manager", "11",
             "I manage a factory of about two hundred people and can talk about leadership in "
             "manufacturing."),
            ("Maintenance Technician", "49",
             "I keep our machines running, and came into the work through an apprenticeship "
             "straight from school."),
            ("Robotics Engineer", "17",
             "I write control software for robot arms and can talk about the mix of mechanical, "
             "electrical and software skills."),
            ("Supply Chain Planner", "13",
             "I make sure parts arrive when the factory needs them and can explain how planning "
             "roles work."),
            ("Health and Safety Adviser", "19",
             "I keep our sites safe and can talk about getting into health and safety from a "
             "science degree."),
            ("Embedded Software Engineer", "15",
             "I write the firmware inside our robot joints and can talk about software jobs in "
             "hardware companies."),
            ("Stress Engineer", "17",
             "I check that aircraft parts can take the loads they will see in flight, which means "
             "a lot of maths and a lot of testing."),
        ],
        "sentences": [
            "Manufacturing is cleaner and more high-tech than most people imagine, and I am happy "
            "to show you why.",
            "Ask me about degree apprenticeships, which I did and recommend.",
            "I can talk about what engineering teams are doing to become more diverse.",
        ],
        "tags": [
            "engineering", "manufacturing", "apprenticeships", "robotics", "quality", "chartership",
            "aerospace",
        ],
        "programmes": [
            "MEng Mechanical Engineering", "BEng Electronic Engineering", "BSc Physics",
            "BSc Product Design",
        ],
        "association": ("Federation of Engineering Professionals", "engineering-federation",
                        "Student membership is free and gives access to regional talks and a "
                        "chartership mentoring scheme."),
        "directory": ("MakeMap", "makemap",
                      "Manufacturers searchable by product and region, handy for finding local "
                      "factories that take placement students."),
    },
    "Government and Public Policy": {
        "organisations": [
            ("Office for Regional Growth", "regional-growth", "large", "London",
             "A government department for regional investment; read the latest annual plan and "
             "one published evaluation of a funding programme."),
            ("Greater Calder Combined Authority", "greatercalder", "large", "Leeds",
             "Runs transport, skills and fire services for five councils; the mayor's priorities "
             "and the latest board papers are the best preparation."),
            ("The Civic Ledger Institute", "civicledger", "small", "London",
             "An independent think tank on public finances; read two recent briefing papers and "
             "note where you agree or disagree."),
        ],
        "roles": [
            ("Policy Adviser", "19",
             "I write advice for ministers on regional investment and can explain how the "
             "graduate routes into the civil service work."),
            ("Government Economist", "19",
             "I estimate the costs and benefits of policies and can talk about economics jobs in "
             "government."),
            ("Statistician", "15",
             "I produce official statistics and can talk about making numbers clear for the "
             "public."),
            ("Planning Officer", "19",
             "I decide planning applications for new housing and can talk about town planning as "
             "a career."),
            ("Head of Skills", "11",
             "I lead a team funding adult education across the region and have hired plenty of "
             "graduates."),
            ("Fire Safety Officer", "33",
             "I inspect buildings for fire safety and work with communities on prevention; I "
             "joined after a chemistry degree."),
            ("Research Fellow", "19",
             "I research public finances at a think tank and can talk about writing for "
             "policymakers."),
            ("Digital Services Analyst", "15",
             "I help redesign public services so they work online and can talk about tech careers "
             "in government."),
            ("Communications Officer", "27",
             "I turn our research into briefings, press releases and social posts, and can talk "
             "about communications jobs in policy."),
            ("Director of Research", "11",
             "I set our research programme and have hired many junior researchers straight from "
             "master's courses."),
        ],
        "sentences": [
            "Public service is slower than the private sector but the impact is huge, and I can "
            "be honest about both.",
            "I can explain the difference between central government, local government and think "
            "tanks.",
            "Ask me about political impartiality and what it means day to day.",
        ],
        "tags": [
            "civil service", "policy", "local government", "economics", "statistics", "planning",
            "public sector",
        ],
        "programmes": ["BA Politics", "BSc Economics", "BA Geography", "MSc Public Policy"],
        "association": ("Public Policy Practitioners' Forum", "policy-practitioners",
                        "Hosts free evening debates and publishes a guide to policy careers well "
                        "beyond the capital."),
        "directory": ("Public Bodies Register", "public-bodies",
                      "Departments, agencies, councils and think tanks in one list, with links to "
                      "their careers pages."),
    },
    "Healthcare": {
        "organisations": [
            ("Vale Riverside Hospitals", "vale-riverside", "large", "Newcastle",
             "A hospital trust with two acute hospitals and community services; read the trust's "
             "values and the summary of its latest staff survey."),
            ("Kinwell Physiotherapy", "kinwell-physio", "small", "Cardiff",
             "A group of sports and musculoskeletal clinics; the treatment pages and team "
             "profiles show the mix of specialisms."),
            ("Helixa Diagnostics", "helixa", "medium", "Manchester",
             "Develops rapid blood tests for hospitals; read the product overview and their news "
             "on clinical trials."),
            ("Pulsebridge Health", "pulsebridge", "medium", "Toronto",
             "A digital health company offering remote heart monitoring; the patient stories and "
             "clinical evidence pages are worth reading."),
        ],
        "roles": [
            ("Staff Nurse", "29",
             "I work on an acute medical ward and can talk about placements, shifts and the first "
             "year after qualifying."),
            ("Physiotherapist", "29",
             "I treat sports injuries and back pain and can explain the routes into "
             "physiotherapy, including the master's route."),
            ("Radiographer", "29",
             "I take X-rays and CT scans, a patient-facing science career that many people "
             "overlook."),
            ("Hospital Pharmacist", "29",
             "I work in a hospital pharmacy and can compare hospital, community and industry "
             "pharmacy."),
            ("Healthcare Assistant", "31",
             "I support nurses and patients on a busy ward and am using the job to prepare for a "
             "nursing degree."),
            ("Physiotherapy Assistant", "31",
             "I help run rehab classes and exercise programmes, and can talk about getting "
             "experience before applying to physio."),
            ("Biomedical Scientist", "29",
             "I analyse patient samples in a hospital lab and can explain how to get registered."),
            ("Clinical Operations Manager", "11",
             "I manage a team running clinical services and can talk about management careers in "
             "health."),
            ("Clinical Research Associate", "19",
             "I monitor clinical trials at hospitals and can explain how science graduates get "
             "into trials work."),
            ("Assay Development Scientist", "19",
             "I develop and test new blood tests in the lab and can talk about diagnostics as a "
             "career for biologists and chemists."),
            ("Cardiac Physiologist", "29",
             "I read heart monitor recordings and talk patients through their results, a "
             "healthcare science job few students know exists."),
        ],
        "sentences": [
            "Ask me about shift work and how to look after yourself in a demanding job.",
            "I came into healthcare after a different first degree and can talk about changing "
            "direction.",
            "I can talk about the many non-medical roles that keep a hospital running.",
        ],
        "tags": [
            "nursing", "allied health", "diagnostics", "clinical trials", "digital health",
            "patient care", "shift work",
        ],
        "programmes": [
            "BSc Nursing", "BSc Biomedical Science", "BSc Physiotherapy",
            "BSc Sport and Exercise Science",
        ],
        "association": ("Allied Health Careers Association", "allied-health-careers",
                        "Explains the many health professions beyond doctors and nurses and runs "
                        "virtual open days where you can question practitioners."),
        "directory": ("Health Employers Finder", "health-employers",
                      "Hospitals, clinics, labs and health-tech firms by region, with links to "
                      "their placement and graduate schemes."),
    },
    "Hospitality and Tourism": {
        "organisations": [
            ("Harbourside Hotels", "harbourside-hotels", "large", "Belfast",
             "A group of eight coastal hotels; read about their management trainee scheme and "
             "their sustainability pledges."),
            ("Wayfarer Trails", "wayfarer-trails", "small", "Cape Town",
             "Runs small-group walking and wildlife tours; the trip pages and their responsible "
             "travel policy show what they care about."),
            ("Copperpot Kitchens", "copperpot", "medium", "London",
             "A group of six neighbourhood restaurants; look at the menus and the chef training "
             "programme on their careers page."),
        ],
        "roles": [
            ("Hotel General Manager", "11",
             "I run a 140-room hotel and started as a receptionist, so I can talk about working "
             "your way up."),
            ("Head Chef", "35",
             "I run a kitchen of twelve and can be honest about the hours, the pressure and the "
             "joy of cooking for a living."),
            ("Sous Chef", "35",
             "I trained at college and in kitchens, and can talk about culinary careers without a "
             "degree."),
            ("Head Housekeeper", "37",
             "I lead the housekeeping team and can explain why it is one of the best places to "
             "learn how a hotel works."),
            ("Tour Guide", "39",
             "I lead walking and wildlife tours and can talk about turning a love of travel into "
             "a job."),
            ("Events Manager", "13",
             "I plan weddings and conferences, and am happy to talk about event management as a "
             "career."),
            ("Revenue Manager", "13",
             "I set room prices using data and can explain a numbers job inside hospitality."),
            ("Front Office Manager", "43",
             "I manage reception and reservations and can talk about the guest-facing side of "
             "hotels."),
            ("Trip Operations Coordinator", "13",
             "I plan the logistics behind every trip, from lodges to transfers, and can talk "
             "about working for a small tour company."),
            ("Restaurant General Manager", "11",
             "I run one of our restaurants, front and back of house, and started as a weekend "
             "server while studying."),
        ],
        "sentences": [
            "Hospitality promotes reliable people quickly, and I can tell you how.",
            "Ask me about working abroad in hotels and tourism, which I did for several years.",
            "I can talk honestly about weekend work, tips and pay.",
        ],
        "tags": [
            "hotels", "events", "food and drink", "tourism", "management trainee", "working abroad",
            "customer service",
        ],
        "programmes": [
            "BA International Hospitality Management", "BA Tourism Management",
            "BA Events Management", "BA Modern Languages",
        ],
        "association": ("Hospitality and Tourism Professionals' Circle", "hospitality-circle",
                        "Free student membership includes hotel and kitchen visits and an annual "
                        "careers fair."),
        "directory": ("Visitor Economy Directory", "visitor-economy",
                      "Hotels, venues, tour operators and attractions, searchable by region and "
                      "type."),
    },
    "Law": {
        "organisations": [
            ("Pemberton Vale Solicitors", "pembertonvale", "medium", "Bristol",
             "A regional firm strong in family, property and employment law; read the team pages "
             "and one of their recent client guides."),
            ("Ashby Marlow LLP", "ashbymarlow", "large", "London",
             "A large commercial law firm; read the training contract pages and a recent briefing "
             "on a legal change in a sector you care about."),
            ("Northside Law Centre", "northside-law", "small", "Manchester",
             "A charity giving free advice on housing, benefits and immigration; the annual "
             "report explains who they help and why."),
        ],
        "roles": [
            ("Family Solicitor", "23",
             "I advise families on divorce and arrangements for children and can talk about the "
             "routes to qualifying as a solicitor."),
            ("Trainee Solicitor", "23",
             "I am in the second year of my training contract and can talk about vacation schemes "
             "and applications."),
            ("Associate, Commercial", "23",
             "I work on contracts for technology clients and can describe life in a large firm."),
            ("Employment Lawyer", "23",
             "I advise businesses and employees on workplace disputes and can talk about "
             "specialising early."),
            ("Paralegal", "23",
             "I support solicitors on property cases and am using paralegal work as a route to "
             "qualification."),
            ("Legal Secretary", "43",
             "I manage diaries, documents and deadlines for a team of lawyers and can talk about "
             "support roles in law."),
            ("Housing Adviser", "21",
             "I help people facing eviction and can talk about social welfare law and legal aid "
             "work."),
            ("Managing Partner", "11",
             "I run a law firm and sit on the panel that recruits our trainees."),
            ("Immigration Caseworker", "23",
             "I help people with immigration applications and appeals and can talk about "
             "accredited caseworker routes without a law degree."),
            ("Supervising Solicitor", "23",
             "I supervise our advice team and represent clients in court, and can talk about a "
             "legal career in the charity sector."),
        ],
        "sentences": [
            "I did a non-law degree first, so I can talk about the conversion route.",
            "Ask me how law firms differ, from high-street practices to the big commercial firms.",
            "I can help you prepare for a vacation scheme or training contract interview.",
        ],
        "tags": [
            "solicitor", "training contracts", "commercial law", "legal aid", "paralegal",
            "employment law", "family law",
        ],
        "programmes": ["LLB Law", "BA History", "BA Philosophy", "BA Politics"],
        "association": ("Early-Career Lawyers' Society", "earlycareer-lawyers",
                        "Run by junior lawyers for students and trainees; its guides to the "
                        "qualification routes are clear and kept up to date."),
        "directory": ("Firmscape", "firmscape",
                      "Law firms, chambers and law centres by practice area and region, with "
                      "trainee numbers where known."),
    },
    "Media and Publishing": {
        "organisations": [
            ("Inkwell & Vane", "inkwellvane", "medium", "Edinburgh",
             "An independent publisher of fiction and nature writing; read a recent title or at "
             "least the catalogue and their submission guidelines."),
            ("The Riverside Courier", "riverside-courier", "small", "Nottingham",
             "A local news site and weekly paper; read a week of their stories and notice how "
             "they cover the council."),
            ("Signal Fern Audio", "signalfern", "micro", "London",
             "A podcast production company; listen to an episode of two of their shows before "
             "getting in touch."),
        ],
        "roles": [
            ("Commissioning Editor", "27",
             "I choose and shape the books we publish, and can explain how editorial jobs really "
             "work."),
            ("Reporter", "27",
             "I report on local courts and councils and can talk about getting your first "
             "bylines."),
            ("News Editor", "27",
             "I run our newsroom's daily coverage and have hired several trainee reporters."),
            ("Podcast Producer", "27",
             "I produce narrative podcasts and can talk about audio careers and building a "
             "portfolio from your bedroom."),
            ("Sound Engineer", "27",
             "I record and mix audio for podcasts and radio and learned most of my skills on the "
             "job."),
            ("Marketing and Publicity Manager", "11",
             "I launch books and arrange author events and can talk about the commercial side of "
             "publishing."),
            ("Production Editor", "27",
             "I take books from manuscript to print and can talk about the detailed, "
             "deadline-driven side of publishing."),
            ("Rights Executive", "41",
             "I sell translation and audio rights to publishers abroad, a little-known job that "
             "suits language graduates."),
        ],
        "sentences": [
            "Media is changing fast and I can be honest about freelancing and short contracts.",
            "Ask me about building a portfolio of work while you study.",
            "I got in through a paid internship scheme and can tell you which ones are worth "
            "applying for.",
        ],
        "tags": [
            "publishing", "journalism", "podcasts", "editing", "audio", "freelance",
            "portfolio advice",
        ],
        "programmes": [
            "BA English Literature", "BA Journalism", "BA Media and Communication",
            "BA Modern Languages",
        ],
        "association": ("Newsroom and Publishing Guild", "newsroom-guild",
                        "Runs a free student network with monthly workshops on pitching, editing "
                        "and portfolios."),
        "directory": ("Media Employers Index", "media-employers",
                      "Publishers, newsrooms and production companies by type and region, "
                      "including small independents."),
    },
    "Retail and Consumer Goods": {
        "organisations": [
            ("Hatherley & Finch", "hatherleyfinch", "large", "London",
             "A department store group with twelve shops and a large online business; read about "
             "their retail management scheme and visit a store if you can."),
            ("Good Grain Foods", "goodgrain", "medium", "Manchester",
             "Makes breakfast cereals and snacks from home-grown oats; read the brand story and "
             "their farmer partnership pages."),
            ("Loop & Thread", "loopthread", "small", "Glasgow",
             "A resale and repair fashion brand selling online; their impact report explains the "
             "business model."),
        ],
        "roles": [
            ("Store Manager", "41",
             "I run a large store with eighty staff and can talk about retail management schemes."),
            ("Buyer", "13",
             "I choose the products we sell and negotiate with suppliers, and can explain how "
             "buying careers start."),
            ("Brand Manager", "11",
             "I look after a cereal brand from packaging to adverts and can talk about marketing "
             "in consumer goods."),
            ("Visual Merchandiser", "27",
             "I design window displays and store layouts and can talk about creative jobs in "
             "retail."),
            ("E-commerce Manager", "11",
             "I run our online shop and can talk about the data, photography and logistics behind "
             "it."),
            ("Agricultural Supply Inspector", "45",
             "I visit the farms that grow our oats to check quality and standards, and grew up on "
             "a farm myself."),
            ("Key Account Executive", "41",
             "I sell our products to supermarkets and can talk about sales careers in consumer "
             "goods."),
            ("Customer Insight Analyst", "13",
             "I study what shoppers buy and why, which suits people who like data and psychology."),
            ("Repair Studio Lead", "51",
             "I run the studio that repairs and alters the clothes we resell, and can talk about "
             "craft careers in fashion."),
        ],
        "sentences": [
            "Retail is a huge employer with fast progression and I am happy to explain how it "
            "works.",
            "Ask me about graduate schemes versus starting on the shop floor.",
            "I can talk about sustainability and how consumer brands are changing.",
        ],
        "tags": [
            "retail", "buying", "consumer goods", "e-commerce", "brand management",
            "graduate schemes", "sustainability",
        ],
        "programmes": [
            "BA Fashion Business", "BA Marketing", "BA Business Management", "BSc Food Science",
        ],
        "association": ("Retail Careers Collective", "retail-careers",
                        "Offers free student events with store and head-office tours and a "
                        "mentoring programme for graduates."),
        "directory": ("Brand and Retailer Atlas", "retailer-atlas",
                      "Profiles retailers and consumer goods makers with their brands, head "
                      "offices and graduate schemes."),
    },
    "Science and Research": {
        "organisations": [
            ("Aldermoor Research Institute", "aldermoor", "medium", "Edinburgh",
             "An independent institute studying soils, crops and climate; read a couple of the "
             "research summaries on their news page."),
            ("Brightfield Biologics", "brightfield-bio", "medium", "Cambridge",
             "Develops antibody medicines for rare diseases; read the pipeline page and a "
             "plain-language summary of one programme."),
            ("Nordlys Climate Lab", "nordlys-lab", "small", "Stockholm",
             "A research group modelling Arctic sea ice; their outreach pages explain the science "
             "in plain English."),
        ],
        "roles": [
            ("Research Scientist", "19",
             "I run experiments on new medicines and can talk about industry science careers, "
             "with or without a PhD."),
            ("Postdoctoral Researcher", "19",
             "I model sea ice and climate and can talk honestly about academic careers and "
             "funding."),
            ("Laboratory Technician", "19",
             "I run the lab equipment and keep experiments on track, a great role for science "
             "graduates who like hands-on work."),
            ("Bioinformatician", "15",
             "I analyse genetic data with code and can talk about moving from biology into "
             "programming."),
            ("Soil Scientist", "19",
             "I study how farming practices change soil health and can talk about applied "
             "research careers."),
            ("Research Programme Manager", "11",
             "I manage research projects and budgets, a career for scientists who want to step "
             "back from the bench."),
            ("Science Communicator", "27",
             "I write and present about research for the public and can talk about careers in "
             "science communication."),
            ("Regulatory Affairs Specialist", "13",
             "I prepare the documents that get new medicines approved, a career for scientists "
             "who write well."),
        ],
        "sentences": [
            "I can talk about whether a PhD is worth it for the career you want.",
            "Ask me about the difference between research in universities, institutes and "
            "companies.",
            "I am happy to explain what lab work is really like day to day.",
        ],
        "tags": [
            "research", "PhD", "lab work", "biotech", "climate science", "data",
            "science communication",
        ],
        "programmes": ["BSc Biology", "BSc Chemistry", "BSc Physics", "MSc Data Science"],
        "association": ("Early-Career Researchers' Association", "ecr-association",
                        "Free to join; its online seminars cover careers inside and outside "
                        "academia with plenty of time for questions."),
        "directory": ("Lab and Institute Directory", "lab-directory",
                      "Research institutes, university labs and science companies by field, with "
                      "links to their vacancies."),
    },
    "Technology": {
        "organisations": [
            ("Quillstone Analytics", "quillstone", "medium", "London",
             "Builds forecasting software for retailers; read their engineering blog and the "
             "product overview before talking to anyone there."),
            ("Bramblecode", "bramblecode", "small", "Leeds",
             "A software studio building apps for charities and councils; the case studies page "
             "shows their projects and values."),
            ("Kitepoint Security", "kitepoint", "medium", "Dublin",
             "A cybersecurity company protecting hospitals and schools; their threat reports are "
             "written for non-specialists and well worth a read."),
            ("Lumenharbor Cloud", "lumenharbor", "large", "Singapore",
             "A cloud hosting provider across Asia and Europe; read their status page history and "
             "the introduction to their developer documentation."),
        ],
        "roles": [
            ("Software Engineer", "15",
             "I build web applications in Python and can talk about interviews, take-home tests "
             "and the first year on the job."),
            ("Data Engineer", "15",
             "I build the pipelines that feed our forecasts and can explain how data engineering "
             "differs from data science."),
            ("Security Analyst", "15",
             "I investigate cyber attacks and got into security through capture-the-flag "
             "competitions."),
            ("Site Reliability Engineer", "15",
             "I keep cloud services running and can explain on-call rotas and what happens when "
             "things break."),
            ("UX Researcher", "15",
             "I interview users and test designs with them, a great fit for psychology and social "
             "science graduates."),
            ("Product Manager", "11",
             "I decide what the team builds next and can talk about moving into product from "
             "other roles."),
            ("Engineering Manager", "11",
             "I lead a team of eight developers and have run a lot of technical interviews."),
            ("Technical Support Engineer", "15",
             "I help customers fix technical problems, a good first tech job that teaches you a "
             "lot quickly."),
            ("Machine Learning Engineer", "15",
             "I train and deploy forecasting models and can talk about maths-heavy roles in tech."),
        ],
        "sentences": [
            "You do not need a computer science degree to work in tech, and I can show you other "
            "ways in.",
            "Ask me about bootcamps, apprenticeships and self-taught routes.",
            "I am happy to look at a code repository or a project you are proud of.",
        ],
        "tags": [
            "software", "data", "cybersecurity", "cloud", "UX", "product management", "Python",
        ],
        "programmes": [
            "BSc Computer Science", "BSc Mathematics", "BSc Psychology", "MSc Data Science",
        ],
        "association": ("Software Practitioners' Guild", "software-guild",
                        "Runs free meet-ups in several cities and a student track at its yearly "
                        "conference."),
        "directory": ("Stackfinder", "stackfinder",
                      "Tech employers by the languages and tools they use and whether they hire "
                      "graduates or apprentices."),
    },
    "Transport and Logistics": {
        "organisations": [
            ("Crossdock Freight", "crossdock-freight", "large", "Birmingham",
             "A road freight and warehousing firm; read their graduate scheme pages and their "
             "plans for electric lorries."),
            ("Ridgeway Rail Operations", "ridgeway-rail", "large", "Newcastle",
             "Runs regional passenger trains; read the latest punctuality figures and the "
             "apprenticeship pages."),
            ("Portside Shipping Agency", "portside-shipping", "medium", "Rotterdam",
             "Arranges port calls and cargo for container lines; the services page explains what "
             "a shipping agent actually does."),
        ],
        "roles": [
            ("Transport Planner", "13",
             "I plan routes and schedules for our lorries and can talk about problem solving in "
             "logistics."),
            ("HGV Driver", "53",
             "I drive heavy goods vehicles across the country and can talk about training, "
             "licences and the lifestyle."),
            ("Train Driver", "53",
             "I drive passenger trains and can tell you how the long and competitive training "
             "works."),
            ("Warehouse Operations Manager", "11",
             "I run a warehouse with three shifts and can talk about leadership in logistics."),
            ("Logistics Analyst", "13",
             "I use data to make deliveries faster and cheaper, a great role for maths and "
             "geography graduates."),
            ("Shipping Agent", "43",
             "I coordinate ship arrivals, customs and cargo, a job that is busy, international "
             "and never boring."),
            ("Rail Maintenance Engineer", "49",
             "I maintain trains overnight and can talk about engineering apprenticeships in rail."),
            ("Fleet Manager", "11",
             "I manage a fleet of lorries and our switch to electric vehicles."),
            ("Station Manager", "11",
             "I run three stations and their teams and can talk about customer-facing leadership "
             "on the railway."),
            ("Customs Compliance Officer", "13",
             "I make sure cargo paperwork meets customs rules and can talk about careers in trade "
             "compliance."),
        ],
        "sentences": [
            "Logistics is everywhere and almost invisible, and I enjoy showing people how much "
            "goes on behind the scenes.",
            "Ask me about shift patterns and how to progress from operational roles.",
            "I can talk about the international side of the industry and working across "
            "languages.",
        ],
        "tags": [
            "logistics", "supply chain", "rail", "shipping", "graduate schemes", "operations",
            "electric vehicles",
        ],
        "programmes": [
            "BSc Logistics and Supply Chain Management", "BSc Geography", "BSc Mathematics",
            "BEng Mechanical Engineering",
        ],
        "association": ("Logistics and Supply Chain Professionals' Forum", "supplychain-forum",
                        "Free student membership includes a mentoring scheme and regional visits "
                        "to warehouses and ports."),
        "directory": ("Freightmap", "freightmap",
                      "Freight, rail, shipping and warehousing companies by region and "
                      "specialism."),
    },
}
# fmt: on

# Roles that only fit some of their industry's organisations: the organisations' name prefixes.
ROLE_PLACES = {
    "Audit Manager": "Halden",
    "Tax Adviser": "Halden|Tallyhouse",
    "Payroll Specialist": "Halden|Brightwater|Tallyhouse",
    "Credit Risk Analyst": "Brightwater|Kestrel",
    "Quantitative Analyst": "Brightwater",
    "Trainee Chartered Accountant": "Halden",
    "Mortgage Adviser": "Brightwater",
    "Investment Associate": "Kestrel",
    "Account Director": "Loud Lantern|Copper",
    "Copywriter": "Loud Lantern|Copper",
    "Digital Marketing Manager": "Loud Lantern",
    "Market Research Analyst": "Fieldnote",
    "Art Director": "Loud Lantern|Copper",
    "Media Buyer": "Loud Lantern",
    "Social Media Executive": "Loud Lantern",
    "PR Account Executive": "Loud Lantern",
    "Qualitative Researcher": "Fieldnote",
    "Research Director": "Fieldnote",
    "Brand Strategist": "Copper",
    "Architect": "Stonegate",
    "Architectural Technologist": "Stonegate|Lattice",
    "Quantity Surveyor": "Harrowfield",
    "Site Manager": "Harrowfield",
    "Structural Engineer": "Lattice|Harrowfield",
    "Electrician": "Harrowfield",
    "Carpenter and Joiner": "Lattice|Harrowfield",
    "Site Supervisor": "Harrowfield",
    "Building Services Engineer": "Harrowfield|Stonegate",
    "Part 2 Architectural Assistant": "Stonegate",
    "Curator": "Calderbrook|Ferrand",
    "Archivist": "Calderbrook",
    "Conservator": "Calderbrook",
    "Learning and Engagement Officer": "Calderbrook|Saltmarsh",
    "Theatre Producer": "Saltmarsh",
    "Stage Manager": "Saltmarsh",
    "Gallery Director": "Ferrand",
    "Development Manager": "Calderbrook|Saltmarsh",
    "Exhibitions Coordinator": "Ferrand",
    "Fundraising Manager": "Open Door|Wellspring|Second Chapter",
    "Housing Support Worker": "Open Door",
    "Programme Officer": "Wellspring",
    "Policy and Campaigns Officer": "Open Door|Wellspring",
    "Volunteer Coordinator": "Second Chapter|Open Door",
    "Youth Worker": "Open Door",
    "Grants Officer": "Riverlight",
    "Management Consultant": "Arden|Bluecairn",
    "Senior Consultant": "Pivotal",
    "Associate Partner": "Arden|Pivotal",
    "Data Scientist": "Arden|Pivotal",
    "Change Manager": "Arden",
    "Business Analyst": "Arden|Pivotal",
    "Economist": "Bluecairn|Arden",
    "Strategy Analyst": "Arden|Bluecairn",
    "Chemistry Teacher": "Hollybrook|Colina",
    "Primary School Teacher": "Hollybrook|Colina",
    "Deputy Headteacher": "Hollybrook|Colina",
    "Lecturer in Business": "Ashcombe",
    "Special Educational Needs Coordinator": "Hollybrook",
    "Learning Designer": "Lanternlight|Ashcombe",
    "Educational Psychologist": "Hollybrook",
    "School Librarian": "Hollybrook|Colina",
    "Admissions Officer": "Colina|Ashcombe",
    "Education Product Manager": "Lanternlight",
    "Curriculum Content Writer": "Lanternlight",
    "Wind Turbine Technician": "Tidewater",
    "Environmental Consultant": "Greenfold",
    "Ecologist": "Greenfold",
    "Energy Analyst": "Tidewater|Solvane",
    "Sustainability Manager": "Tidewater|Solvane",
    "Grid Connections Engineer": "Tidewater|Solvane",
    "Solar Installation Lead": "Solvane",
    "Hydrologist": "Greenfold",
    "Mechanical Engineer": "Ferrovane",
    "Manufacturing Engineer": "Precision|Hartwell|Ferrovane",
    "Quality Inspector": "Precision|Hartwell",
    "CNC Machinist": "Precision|Hartwell|Ferrovane",
    "Robotics Engineer": "Kessler",
    "Embedded Software Engineer": "Kessler",
    "Stress Engineer": "Hartwell",
    "Policy Adviser": "Office",
    "Government Economist": "Office",
    "Statistician": "Office|Greater Calder",
    "Planning Officer": "Greater Calder",
    "Head of Skills": "Greater Calder",
    "Fire Safety Officer": "Greater Calder",
    "Research Fellow": "The Civic",
    "Digital Services Analyst": "Office|Greater Calder",
    "Communications Officer": "The Civic",
    "Director of Research": "The Civic",
    "Staff Nurse": "Vale",
    "Physiotherapist": "Kinwell|Vale",
    "Radiographer": "Vale",
    "Hospital Pharmacist": "Vale",
    "Healthcare Assistant": "Vale",
    "Physiotherapy Assistant": "Kinwell",
    "Biomedical Scientist": "Vale",
    "Clinical Operations Manager": "Vale|Pulsebridge|Kinwell",
    "Clinical Research Associate": "Helixa|Pulsebridge",
    "Assay Development Scientist": "Helixa",
    "Cardiac Physiologist": "Pulsebridge|Vale",
    "Hotel General Manager": "Harbourside",
    "Head Chef": "Copperpot|Harbourside",
    "Sous Chef": "Copperpot|Harbourside",
    "Head Housekeeper": "Harbourside",
    "Tour Guide": "Wayfarer",
    "Events Manager": "Harbourside",
    "Revenue Manager": "Harbourside",
    "Front Office Manager": "Harbourside",
    "Trip Operations Coordinator": "Wayfarer",
    "Restaurant General Manager": "Copperpot",
    "Family Solicitor": "Pemberton",
    "Trainee Solicitor": "Pemberton|Ashby",
    "Associate, Commercial": "Ashby",
    "Employment Lawyer": "Pemberton|Ashby",
    "Paralegal": "Pemberton|Ashby",
    "Legal Secretary": "Pemberton|Ashby",
    "Housing Adviser": "Northside",
    "Managing Partner": "Pemberton",
    "Immigration Caseworker": "Northside",
    "Supervising Solicitor": "Northside",
    "Commissioning Editor": "Inkwell",
    "Reporter": "The Riverside",
    "News Editor": "The Riverside",
    "Podcast Producer": "Signal",
    "Sound Engineer": "Signal",
    "Marketing and Publicity Manager": "Inkwell",
    "Production Editor": "Inkwell",
    "Rights Executive": "Inkwell",
    "Store Manager": "Hatherley",
    "Buyer": "Hatherley|Loop",
    "Brand Manager": "Good Grain",
    "Visual Merchandiser": "Hatherley",
    "E-commerce Manager": "Loop|Hatherley",
    "Agricultural Supply Inspector": "Good Grain",
    "Key Account Executive": "Good Grain",
    "Repair Studio Lead": "Loop",
    "Research Scientist": "Brightfield",
    "Postdoctoral Researcher": "Nordlys",
    "Laboratory Technician": "Aldermoor|Brightfield",
    "Bioinformatician": "Brightfield|Aldermoor",
    "Soil Scientist": "Aldermoor",
    "Science Communicator": "Aldermoor|Nordlys",
    "Regulatory Affairs Specialist": "Brightfield",
    "Software Engineer": "Quillstone|Bramblecode",
    "Data Engineer": "Quillstone",
    "Security Analyst": "Kitepoint",
    "Site Reliability Engineer": "Lumenharbor|Kitepoint",
    "UX Researcher": "Bramblecode|Quillstone",
    "Technical Support Engineer": "Lumenharbor|Kitepoint",
    "Machine Learning Engineer": "Quillstone",
    "Transport Planner": "Crossdock",
    "HGV Driver": "Crossdock",
    "Train Driver": "Ridgeway",
    "Warehouse Operations Manager": "Crossdock",
    "Logistics Analyst": "Crossdock|Portside",
    "Shipping Agent": "Portside",
    "Rail Maintenance Engineer": "Ridgeway",
    "Fleet Manager": "Crossdock",
    "Station Manager": "Ridgeway",
    "Customs Compliance Officer": "Portside",
}
# Desk jobs, whose holders may live far from their employer's office.
REMOTE_ROLES = {
    "Financial Analyst", "Tax Adviser", "Credit Risk Analyst", "Quantitative Analyst",
    "Copywriter", "Digital Marketing Manager", "Market Research Analyst", "Brand Strategist",
    "Fundraising Manager", "Policy and Campaigns Officer", "Impact and Evaluation Analyst",
    "Data Scientist", "Business Analyst", "Economist", "Management Consultant",
    "Learning Designer", "Curriculum Content Writer", "Education Product Manager",
    "Energy Analyst", "Sustainability Manager", "Supply Chain Planner",
    "Embedded Software Engineer", "Statistician", "Digital Services Analyst",
    "Communications Officer", "Clinical Research Associate", "Revenue Manager",
    "Rights Executive", "Production Editor", "Customer Insight Analyst", "E-commerce Manager",
    "Bioinformatician", "Regulatory Affairs Specialist", "Science Communicator",
    "Software Engineer", "Data Engineer", "Security Analyst", "Site Reliability Engineer",
    "UX Researcher", "Product Manager", "Engineering Manager", "Machine Learning Engineer",
    "Logistics Analyst", "Transport Planner",
}  # fmt: skip

OFFER_SENTENCES = {
    "offers_cv_feedback": "I am glad to give feedback on a CV aimed at roles like mine.",
    "offers_visits": "If you are nearby, I can arrange a short visit to see where I work.",
    "offers_mentoring": "I can also mentor one student over a few months.",
}
GENERAL_SENTENCES = [
    "Please send me your questions a day or two before we talk.",
    "I wish someone had explained all this to me as a student, so do ask anything.",
]
GENERAL_TAGS = [
    "career changer",
    "first-generation graduate",
    "part-time study",
    "international students",
    "returner after a career break",
    "neurodiversity",
    "LGBTQ+ network",
]
AVAILABILITY = [
    "Weekday lunchtimes are easiest for me.",
    "Tuesday and Thursday afternoons suit me best.",
    "Early mornings before 9am work well.",
    "Best after 5pm on weekdays.",
    "I work part-time, Monday to Wednesday.",
    "Very busy from January to April; quieter the rest of the year.",
    "Fridays are usually free after lunch.",
    "Please give me a week's notice.",
    "I work shifts, so please offer a few options.",
    "Not available in August.",
]
PERSONAL_DOMAINS = ["letterbox.example", "postbag.example", "mailnest.example"]
STAFF_TERMS = (
    "Agreed to be listed in the networking binder and to be contacted by students through the "
    "career centre; contact details are shared only once a conversation is confirmed."
)
IMPORT_TERMS = (
    "Ticked the alumni volunteer sign-up sheet to be contacted by students through the career "
    "centre."
)

# Three people who are in the binder twice, written slightly differently.
DUPLICATES = [
    ("Zoë Lindqvist", "zoe lindqvist", "blank"),
    ("Anne-Sophie Durand", "Anne Sophie  DURAND", "personal"),
    ("Tomás Ó Briain", "Tomas  O'Briain", "initial"),
]

VOLUNTEERS = [
    {
        "full_name": "Ifeoluwa Adeyemi-Clarke",
        "job_title": "Product Designer",
        "industry": "Technology",
        "occupation": "27",
        "organisation": "Bramblecode",
        "city": "Leeds",
        "years_in_field": 6,
        "talk_about": "I design apps for charities and councils and moved into design from a "
        "psychology degree. Happy to talk about design portfolios and junior roles.",
        "tags": "UX, product design, career changer",
        "availability_notes": "Wednesday evenings work best.",
    },
    {
        "full_name": "Mateus Carvalho",
        "job_title": "Marine Data Scientist",
        "industry": "Science and Research",
        "occupation": "19",
        "organisation": "Nordlys Climate Lab",
        "city": "Stockholm",
        "years_in_field": 4,
        "talk_about": "I work on ocean and sea-ice data and can talk about doing a PhD abroad.",
        "tags": "climate science, data, PhD",
        "availability_notes": "I am in Stockholm, an hour ahead of the UK; afternoons are best.",
    },
    {
        "full_name": "Hannah Kowalczyk",
        "job_title": "Speech and Language Therapist",
        "industry": "Healthcare",
        "occupation": "29",
        "organisation": "Vale Riverside Hospitals",
        "city": "Newcastle",
        "years_in_field": 9,
        "talk_about": "I work with adults after strokes and with children in community clinics. "
        "I can explain the degree and master's routes into speech and language therapy.",
        "tags": "allied health, patient care",
        "availability_notes": "Thursdays only.",
    },
    {
        "full_name": "Rashid Al-Amin",
        "job_title": "Sustainability Consultant",
        "industry": "Consulting",
        "occupation": "13",
        "organisation": "Arden Hale Consulting",
        "city": "London",
        "years_in_field": 3,
        "talk_about": "I help companies measure and cut their carbon footprint. I joined from the "
        "graduate scheme and remember the application process well.",
        "tags": "consulting, sustainability, graduate schemes",
        "availability_notes": "Any weekday after 4pm.",
    },
]


def _ascii(value: str) -> str:
    """Lower-case ASCII letters and digits only, for addresses and profile slugs."""
    value = value.translate(str.maketrans({"ø": "o", "Ø": "O", "ı": "i", "ß": "ss", "æ": "ae"}))
    value = unicodedata.normalize("NFKD", value)
    value = "".join(c for c in value if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]", "", value)


def _place(city: str) -> str:
    country = CITIES[city][0]
    return city if city == country else f"{city}, {country}"


def _phone(city: str, n: int) -> str:
    """Numbers from ranges reserved for drama and fiction (Ofcom, NANP 555-01xx, ACMA)."""
    style = CITIES[city][2]
    if style == "london":
        return f"+44 20 7946 0{n % 1000:03d}"
    if style == "uk":
        return f"+44 7700 900{n % 1000:03d}"
    if style.isdigit():
        return f"+1 {style} 555 01{n % 100:02d}"
    if style == "sydney":
        return f"+61 2 5550 {n % 10000:04d}"
    if style == "melbourne":
        return f"+61 3 7010 {n % 10000:04d}"
    return ""


def _availability(rng: random.Random, city: str) -> str:
    country, tz, _ = CITIES[city]
    if country in ("UK", "Ireland"):
        return rng.choice(AVAILABILITY)
    if tz.startswith("America/"):
        return f"I am in {city}, so UK afternoons or early evenings work best."
    if tz.startswith(("Asia/", "Australia/", "Pacific/")):
        return f"I am in {city}, so UK mornings work best."
    return f"I am in {city}, close to UK hours; most weekdays are fine."


def _seniority_years(rng: random.Random, title: str) -> int:
    if re.search(r"Director|Head|Chief|Partner|Manager|Deputy|Lead", title):
        return rng.randint(8, 28)
    if re.search(r"Trainee|Assistant|Executive|Postdoctoral|Junior", title):
        return rng.randint(1, 4)
    return rng.randint(2, 18)


class _Names:
    """Draws unique, culturally coherent names and e-mail addresses."""

    def __init__(self, rng: random.Random, reserved: list[str]):
        self.rng = rng
        self.pools = [(w, first.split(), last.split()) for w, first, last in NAME_POOLS]
        self.used = {_ascii(name) for name in reserved}
        self.emails: set[str] = set()

    def name(self) -> str:
        while True:
            _, firsts, lasts = self.rng.choices(self.pools, [p[0] for p in self.pools])[0]
            name = f"{self.rng.choice(firsts)} {self.rng.choice(lasts).replace('_', ' ')}"
            if _ascii(name) not in self.used:
                self.used.add(_ascii(name))
                return name

    def email(self, full_name: str, domain: str) -> str:
        first, *rest = full_name.split(" ")
        last = _ascii("".join(rest))
        for local in (f"{_ascii(first)}.{last}", f"{_ascii(first)[0]}.{last}"):
            if f"{local}@{domain}" not in self.emails:
                break
        else:
            local = f"{_ascii(first)}.{last}{len(self.emails)}"
        self.emails.add(f"{local}@{domain}")
        return f"{local}@{domain}"


def _plan_professionals(rng: random.Random) -> list[dict]:
    """Every professional as a plain dict, before anything touches the database."""
    names = _Names(rng, [d[0] for d in DUPLICATES] + [v["full_name"] for v in VOLUNTEERS])
    for v in VOLUNTEERS:
        names.emails.add(_volunteer_email(v))
    extra = set(rng.sample(INDUSTRIES, EXTRA_PROFESSIONALS))
    total = PROFESSIONALS_PER_INDUSTRY * len(INDUSTRIES) + EXTRA_PROFESSIONALS
    alumni = set(rng.sample(range(total), total // 3))
    people = []
    for industry in INDUSTRIES:
        data = BINDER[industry]
        orgs = list(data["organisations"])
        rng.shuffle(orgs)
        uses = dict.fromkeys((role[0] for role in data["roles"]), 0)
        for i in range(PROFESSIONALS_PER_INDUSTRY + (industry in extra)):
            org_name, domain, _, org_city, _ = orgs[i % len(orgs)]
            fitting = [
                role
                for role in data["roles"]
                if org_name.startswith(tuple(ROLE_PLACES.get(role[0], org_name).split("|")))
            ]
            fewest = min(uses[role[0]] for role in fitting)
            title, soc, sentence = rng.choice([r for r in fitting if uses[r[0]] == fewest])
            uses[title] += 1
            remote = title in REMOTE_ROLES and rng.random() < 0.45
            if remote:
                city = rng.choice(UK_CITIES if rng.random() < 0.6 else ABROAD_CITIES)
            else:
                city = org_city
            years = _seniority_years(rng, title)
            person = {
                "full_name": names.name(),
                "job_title": title,
                "organisation": org_name,
                "domain": domain + ".example",
                "industry": industry,
                "occupation": OCCUPATIONS[soc],
                "location": _place(city),
                "time_zone": CITIES[city][1],
                "city": city,
                "years_in_field": years,
                "is_alumni": False,
                "alumni_programme": "",
                "alumni_year": None,
                "offers_interviews": rng.random() < 0.95,
                "offers_visits": not remote and rng.random() < 0.3,
                "offers_cv_feedback": rng.random() < 0.45,
                "offers_mentoring": rng.random() < 0.25,
                "accepts_in_person": CITIES[city][0] == "UK" and rng.random() < 0.5,
                "accepts_phone": rng.random() < 0.7,
                "accepts_video": rng.random() < 0.9,
                "accepts_email": rng.random() < 0.4,
                "monthly_capacity": rng.choices([1, 2, 3, 4], [20, 50, 20, 10])[0],
                "availability_notes": _availability(rng, city),
                "phone": "" if rng.random() < 0.2 else _phone(city, len(people)),
                "linkedin_url": "",
                "tags": "",
                "referred_by": None,
                "status": Professional.Status.ACTIVE,
                "source": (
                    Professional.Source.IMPORT if rng.random() < 0.25 else Professional.Source.STAFF
                ),
                "consent_days_ago": rng.randint(3, 340),
            }
            if not any(person[f] for f in ("offers_interviews", "offers_cv_feedback")):
                person["offers_interviews"] = True
            if not any(person[f] for f in ("accepts_phone", "accepts_video", "accepts_email")):
                person["accepts_video"] = True
            if len(people) in alumni:
                person["is_alumni"] = True
                person["alumni_programme"] = rng.choice(data["programmes"])
                person["alumni_year"] = max(
                    1975, min(REFERENCE_YEAR - 1, REFERENCE_YEAR - years - rng.randint(0, 2))
                )
            talk = [sentence]
            if rng.random() < 0.5:
                talk.append(rng.choice(data["sentences"]))
            offered = [f for f in OFFER_SENTENCES if person[f]]
            if len(talk) < 3 and offered and rng.random() < 0.6:
                talk.append(OFFER_SENTENCES[rng.choice(offered)])
            elif len(talk) < 3 and rng.random() < 0.2:
                talk.append(rng.choice(GENERAL_SENTENCES))
            person["talk_about"] = " ".join(talk)
            tags = rng.sample(data["tags"], rng.randint(2, 3))
            if rng.random() < 0.25:
                tags.append(rng.choice(GENERAL_TAGS))
            if person["is_alumni"]:
                tags.append("alumni")
            person["tags"] = ", ".join(tags)
            people.append(person)

    active = list(range(len(people)))
    rng.shuffle(active)
    for status, count in (
        (Professional.Status.DO_NOT_CONTACT, DO_NOT_CONTACT),
        (Professional.Status.RETIRED, RETIRED),
        (Professional.Status.PAUSED, PAUSED),
    ):
        for index in [active.pop() for _ in range(count)]:
            people[index]["status"] = status
            people[index]["consent_days_ago"] = rng.randint(90, 700)
            people[index]["availability_notes"] = {
                Professional.Status.DO_NOT_CONTACT: "Asked not to be contacted again. Keep this "
                "entry so a later import does not add them back.",
                Professional.Status.RETIRED: "Has left the field; kept for our records.",
                Professional.Status.PAUSED: "Taking a break from student calls for a few months.",
            }[status]
    for index in active[:CONSENT_OVERDUE]:
        people[index]["consent_days_ago"] = rng.randint(400, 800)

    # The originals of the duplicate pairs: active people, renamed and re-addressed.
    originals = active[-len(DUPLICATES) :]
    for (name, _, _), index in zip(DUPLICATES, originals, strict=True):
        people[index]["full_name"] = name
    for person in people:
        personal = rng.random() < 0.15
        domain = rng.choice(PERSONAL_DOMAINS) if personal else person["domain"]
        person["email"] = names.email(person["full_name"], domain)
    for person in people:
        if rng.random() < 0.4:
            slug = "-".join(_ascii(part) for part in person["full_name"].split())
            person["linkedin_url"] = (
                f"https://www.linkedin.com/in/{slug}-{rng.randrange(16**4):04x}"
            )

    # Warm contacts: someone earlier in the binder, in the same industry, referred them.
    active_set = set(active)
    candidates = [
        i
        for i in sorted(active_set)
        if any(j in active_set and people[j]["industry"] == people[i]["industry"] for j in range(i))
    ]
    for index in rng.sample(candidates, REFERRALS):
        earlier = [
            j
            for j in range(index)
            if j in active_set and people[j]["industry"] == people[index]["industry"]
        ]
        people[index]["referred_by"] = people[rng.choice(earlier)]["email"]

    dupes = []
    for (name, variant, address), index in zip(DUPLICATES, originals, strict=True):
        original = people[index]
        first, last = name.split(" ", 1)
        first, last = _ascii(first), _ascii(last)
        email = {
            "blank": "",
            "personal": f"{first}{last}@{PERSONAL_DOMAINS[0]}",
            "initial": f"{first[0]}{last}@{original['domain']}",
        }[address]
        dupes.append(
            {
                **original,
                "full_name": variant,
                "email": email,
                "phone": "",
                "linkedin_url": "",
                "talk_about": "",
                "tags": "",
                "availability_notes": "",
                "referred_by": None,
                "source": Professional.Source.IMPORT,
                "consent_days_ago": 300 + 60 * len(dupes),
            }
        )
    return people + dupes


def _volunteer_email(volunteer: dict) -> str:
    first, *rest = volunteer["full_name"].split(" ")
    domain = next(
        org[1]
        for org in BINDER[volunteer["industry"]]["organisations"]
        if org[0] == volunteer["organisation"]
    )
    return f"{_ascii(first)}.{_ascii(''.join(rest))}@{domain}.example"


def _taxonomy() -> tuple[dict, dict]:
    """The industries and occupations by name; the data migration made them, but a staff member
    may have deleted one since, so any that are missing are made again."""
    industries = Industry.objects.in_bulk(INDUSTRIES, field_name="name")
    for name in INDUSTRIES:
        if name not in industries:
            industries[name] = Industry.objects.create(name=name)
    occupations = Occupation.objects.in_bulk(OCCUPATIONS.values(), field_name="name")
    for code, name in SOC_MAJOR_GROUPS:
        if name not in occupations:
            occupations[name] = Occupation.objects.create(name=name, code=code)
    return industries, occupations


def seed() -> list[str]:
    rng = random.Random(2026)
    today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    industries, occupations = _taxonomy()

    organisations = {}
    for industry, data in BINDER.items():
        for name, domain, size, city, notes in data["organisations"]:
            organisations[name], _ = Organisation.objects.update_or_create(
                name=name,
                defaults={
                    "website": f"https://www.{domain}.example/",
                    "industry": industries[industry],
                    "size_band": size,
                    "location": _place(city),
                    "research_notes": notes,
                },
            )
        for kind in (Resource.Kind.ASSOCIATION, Resource.Kind.DIRECTORY):
            name, domain, notes = data[kind.value]
            resource, _ = Resource.objects.update_or_create(
                name=name,
                defaults={"kind": kind, "url": f"https://www.{domain}.example/", "notes": notes},
            )
            resource.industries.set([industries[industry]])

    saved = {}
    for person in _plan_professionals(rng):
        # Everyone listed said yes in a way someone can name (an import carried the date and
        # the way it was given); "spreadsheet import" is not a way of giving consent.
        method = rng.choice(
            [
                Professional.ConsentMethod.FORM,
                Professional.ConsentMethod.FORM,
                Professional.ConsentMethod.EMAIL,
                Professional.ConsentMethod.PHONE,
                Professional.ConsentMethod.IN_PERSON,
            ]
        )
        fields = {
            key: person[key]
            for key in (
                "full_name", "job_title", "location", "time_zone", "years_in_field",
                "is_alumni", "alumni_programme", "alumni_year", "talk_about",
                "offers_interviews", "offers_visits", "offers_cv_feedback", "offers_mentoring",
                "accepts_in_person", "accepts_phone", "accepts_video", "accepts_email",
                "monthly_capacity", "availability_notes", "phone", "linkedin_url", "tags",
                "status", "source",
            )
        }  # fmt: skip
        fields.update(
            organisation=organisations[person["organisation"]],
            industry=industries[person["industry"]],
            occupation=occupations[person["occupation"]],
            referred_by=saved.get(person["referred_by"]),
            consent_at=today - timedelta(days=person["consent_days_ago"]),
            consent_method=method,
            consent_terms=(
                IMPORT_TERMS if person["source"] == Professional.Source.IMPORT else STAFF_TERMS
            ),
        )
        # Keyed on the address; the one duplicate without an address on name and organisation.
        key = {"email": person["email"]}
        if not person["email"]:
            key.update(full_name=fields.pop("full_name"), organisation=fields.pop("organisation"))
        saved[person["email"]], _ = Professional.objects.update_or_create(**key, defaults=fields)
        if fields["status"] == Professional.Status.DO_NOT_CONTACT and person["email"]:
            suppress(person["email"], reason="never")  # as "never" through the product does

    for n, volunteer in enumerate(VOLUNTEERS):
        Professional.objects.update_or_create(
            email=_volunteer_email(volunteer),
            defaults={
                "full_name": volunteer["full_name"],
                "job_title": volunteer["job_title"],
                "organisation": organisations[volunteer["organisation"]],
                "industry": industries[volunteer["industry"]],
                "occupation": occupations[OCCUPATIONS[volunteer["occupation"]]],
                "location": _place(volunteer["city"]),
                "time_zone": CITIES[volunteer["city"]][1],
                "years_in_field": volunteer["years_in_field"],
                "talk_about": volunteer["talk_about"],
                "tags": volunteer["tags"],
                "availability_notes": volunteer["availability_notes"],
                "offers_interviews": True,
                "offers_cv_feedback": n % 2 == 0,
                "accepts_video": True,
                "accepts_phone": n != 1,
                "monthly_capacity": 2,
                "status": Professional.Status.PENDING,
                "source": Professional.Source.VOLUNTEER,
                "email_confirmed_at": today - timedelta(days=2 + 3 * n),
                "consent_at": None,
                "consent_method": "",
                "consent_terms": "",
            },
        )

    now = timezone.now()
    people = Professional.objects.all()
    return [
        f"Binder: {people.count()} professionals in "
        f"{Industry.objects.filter(professionals__isnull=False).distinct().count()} industries, "
        f"{Organisation.objects.count()} organisations, {Resource.objects.count()} resources",
        f"Binder to-do: {people.volunteers().count()} volunteers to review, "
        f"{len(DUPLICATES)} likely duplicates, {people.consent_due(now).count()} consents due",
    ]
