"""Word lists for bench/_abdata.py: names, roles, organisations, places and sentences, so the
benchmark's binder reads like a real one and searches meet a realistic share of it.

Pure data and a few combinators; no Django. Every list is written for the benchmark (names are
common given names and surnames, organisations are invented from stems and kinds). Lists are
ordered most common first where a draw is weighted by rank (see ``zipf``).
"""

import unicodedata

# fmt: off
# Given names from many cultures, roughly most common first.
FIRST_NAMES = """
Maria James Sarah Mohammed Emma David Fatima Daniel Olivia Ahmed Sophie Thomas Aisha Michael
Hannah Joseph Priya Lucas Chloe Oliver Amara Samuel Laura Ali Grace Benjamin Zainab Adam Yusuf
Ella Wei Rachel Arjun Leah Kwame Anna Hiroshi Isabel Chen Nadia Tomasz Elena Kofi Ruth Matteo
Chiara Luis Sofia Ibrahim Ingrid Raj Mei Patrick Siobhan Omar Julia Finn Amelia Diego Noura
Ananya Jakub Yara Hamza Freya Ji-woo Sunita Carlos Kirsty Ewan Imani Marek Beatriz Ravi Leila
Niamh Kenji Abena Stefan Lucia Tariq Rosa Callum Anjali Mateus Helga Dmitri Aoife Tunde Yuki
Efua Rohan Camille Lars Zara Gareth Ngozi Pedro Astrid Bilal Mariam Declan Xin Farah Andrzej
Eilidh Chidi Sanjay Valentina Nikolai Adaeze Hugo Ingeborg Kamal Lina Rhys Soo-jin Oksana
Emeka Saoirse Tenzin Layla Bogdan Ama Juan Keiko Mehmet Ayesha Femi Greta Anand Nkechi Florian
Agnieszka Obinna Yasmin Jamal Malika Lorcan Ifeoma Vikram Nia Alejandro Thandiwe Dariusz
Mariana Kaveh Shreya Osagie Eleni Ciaran Nomvula Wojciech Ngaio Parisa Kai Akua Giorgos
""".split()

SURNAMES = """
Smith Khan Jones Patel Williams Brown Taylor Singh Wilson Ahmed Evans Thomas Johnson Roberts
Wright Walker Murphy Hussain Robinson Chen Wood Thompson Kaur Hughes Green Begum Edwards Hall
Nguyen Martin Okafor Campbell Kelly Lewis Garcia Clarke Ali Jackson Shah Wang Kowalski Harris
Mensah Scott Rossi Morgan Cooper Ward Turner Nowak Rahman Baker Silva Hill Mitchell Cohen
Osei Gonzalez Davies Phillips Kumar Anderson Moore O'Brien Fernandez Li Bennett Adeyemi Price
Young Rodriguez Lopez Sato Kim Park Ivanova Novak Schmidt Muller Fischer Bauer Jensen Hansen
Larsen Andersson Nilsson Virtanen Dubois Laurent Moreau Bernard Costa Santos Pereira Oliveira
Haddad Nasser Yilmaz Demir Kaya Papadopoulos Nikolaidis Horvath Kovacs Popescu Ionescu
Petrov Sokolov Mwangi Otieno Banda Dlamini Nkosi Mahlangu Boateng Asante Owusu Eze Nwosu
Obi Adebayo Balogun Okeke Abdullah Hassan Mahmoud Farouk Rashid Aziz Iqbal Chaudhry Malik
Mehta Iyer Nair Reddy Rao Das Bose Ghosh Sharma Gupta Joshi Tanaka Suzuki Takahashi Watanabe
Yamamoto Nakamura Kobayashi Choi Jung Kang Yoon Lim Tan Wong Lau Ng Zhang Liu Huang Zhao Wu
Zhou Xu Sun Ma Hu Guo MacDonald Fraser Stewart Robertson MacLeod Ferguson Byrne Ryan Doyle
Quinn Gallagher Reilly Brennan Duffy Llewellyn Pritchard Vaughan Howells Jenkins Griffiths
""".split()

# Each of these appears only a handful of times, whatever the binder's size: the "rare
# surname" searches.
RARE_SURNAMES = ["Abernethy", "Vanterpool", "Okonjo-Iweala", "Szczepanski", "Ferreira-Lund"]

# Roles: title, SOC occupation group (as seeded by the contacts migration), the industries the
# role is found in (by taxonomy name), and what such a person might talk about.
ROLES = [
    ("Data Analyst", "Computer and Mathematical Occupations",
     ["Technology", "Accounting and Finance", "Healthcare", "Retail and Consumer Goods",
      "Government and Public Policy"],
     ["dashboards", "SQL", "cleaning messy data", "statistics", "reporting to executives"]),
    ("Software Engineer", "Computer and Mathematical Occupations",
     ["Technology", "Accounting and Finance", "Media and Publishing", "Transport and Logistics"],
     ["code review", "pair programming", "cloud platforms", "technical interviews",
      "open source"]),
    ("Product Manager", "Management Occupations",
     ["Technology", "Retail and Consumer Goods", "Media and Publishing"],
     ["roadmaps", "user research", "working with engineers", "launching products"]),
    ("UX Researcher", "Arts, Design, Entertainment, Sports, and Media Occupations",
     ["Technology", "Government and Public Policy", "Retail and Consumer Goods"],
     ["usability testing", "user interviews", "accessibility", "research ethics"]),
    ("Accountant", "Business and Financial Operations Occupations",
     ["Accounting and Finance", "Charities and Non-profits", "Retail and Consumer Goods"],
     ["professional exams", "audit season", "tax returns", "the ACCA and ACA routes"]),
    ("Financial Analyst", "Business and Financial Operations Occupations",
     ["Accounting and Finance", "Consulting", "Energy and Environment"],
     ["financial modelling", "valuations", "markets", "spreadsheets that run a business"]),
    ("Management Consultant", "Business and Financial Operations Occupations",
     ["Consulting", "Government and Public Policy", "Healthcare"],
     ["case interviews", "client workshops", "travel", "change programmes"]),
    ("Solicitor", "Legal Occupations",
     ["Law", "Charities and Non-profits", "Government and Public Policy"],
     ["training contracts", "employment law", "pro bono work", "qualifying exams"]),
    ("Paralegal", "Legal Occupations", ["Law"],
     ["legal research", "case files", "the route to qualifying", "court deadlines"]),
    ("Barrister", "Legal Occupations", ["Law"],
     ["pupillage", "advocacy", "chambers life", "criminal law"]),
    ("Nurse", "Healthcare Practitioners and Technical Occupations", ["Healthcare"],
     ["ward rounds", "shift patterns", "patient care", "specialising after training"]),
    ("Physiotherapist", "Healthcare Practitioners and Technical Occupations", ["Healthcare"],
     ["rehabilitation", "sports injuries", "clinical placements", "private practice"]),
    ("Pharmacist", "Healthcare Practitioners and Technical Occupations",
     ["Healthcare", "Retail and Consumer Goods"],
     ["community pharmacy", "hospital pharmacy", "the pre-registration year", "prescribing"]),
    ("Clinical Psychologist", "Life, Physical, and Social Science Occupations", ["Healthcare"],
     ["the doctorate", "assistant psychologist posts", "therapy", "mental health services"]),
    ("Research Scientist", "Life, Physical, and Social Science Occupations",
     ["Science and Research", "Healthcare", "Energy and Environment"],
     ["lab work", "publishing papers", "grant applications", "doing a PhD"]),
    ("Laboratory Technician", "Life, Physical, and Social Science Occupations",
     ["Science and Research", "Healthcare"],
     ["lab safety", "running assays", "quality control", "moving into research"]),
    ("Civil Engineer", "Architecture and Engineering Occupations",
     ["Architecture and Construction", "Engineering and Manufacturing",
      "Transport and Logistics"],
     ["bridges", "site visits", "chartership", "infrastructure projects"]),
    ("Mechanical Engineer", "Architecture and Engineering Occupations",
     ["Engineering and Manufacturing", "Energy and Environment", "Transport and Logistics"],
     ["CAD", "prototyping", "graduate schemes", "manufacturing lines"]),
    ("Architect", "Architecture and Engineering Occupations", ["Architecture and Construction"],
     ["design studios", "planning permission", "Part 1 and Part 2", "sustainable buildings"]),
    ("Sustainability Consultant", "Life, Physical, and Social Science Occupations",
     ["Energy and Environment", "Consulting", "Architecture and Construction"],
     ["sustainability reporting", "carbon accounting", "net zero plans", "climate policy"]),
    ("Energy Analyst", "Business and Financial Operations Occupations",
     ["Energy and Environment"],
     ["renewables", "energy markets", "sustainability targets", "grid modelling"]),
    ("Teacher", "Educational Instruction and Library Occupations", ["Education"],
     ["teacher training", "classroom management", "the PGCE", "teaching abroad"]),
    ("Lecturer", "Educational Instruction and Library Occupations",
     ["Education", "Science and Research"],
     ["academic careers", "teaching undergraduates", "research funding", "doing a PhD"]),
    ("Librarian", "Educational Instruction and Library Occupations",
     ["Education", "Arts, Culture and Heritage"],
     ["archives", "information management", "digital collections", "public libraries"]),
    ("Curator", "Arts, Design, Entertainment, Sports, and Media Occupations",
     ["Arts, Culture and Heritage"],
     ["exhibitions", "collections", "museum volunteering", "funding bids"]),
    ("Journalist", "Arts, Design, Entertainment, Sports, and Media Occupations",
     ["Media and Publishing"],
     ["reporting", "pitching stories", "freelancing", "local newspapers"]),
    ("Editor", "Arts, Design, Entertainment, Sports, and Media Occupations",
     ["Media and Publishing"],
     ["commissioning", "publishing houses", "copy-editing", "working with authors"]),
    ("Graphic Designer", "Arts, Design, Entertainment, Sports, and Media Occupations",
     ["Advertising and Marketing", "Media and Publishing"],
     ["portfolios", "branding", "typography", "freelancing"]),
    ("Marketing Manager", "Sales and Related Occupations",
     ["Advertising and Marketing", "Retail and Consumer Goods", "Technology"],
     ["campaigns", "social media", "brand strategy", "agency versus in-house"]),
    ("Account Executive", "Sales and Related Occupations",
     ["Advertising and Marketing", "Technology"],
     ["client relationships", "pitching", "targets", "agency life"]),
    ("Policy Adviser", "Community and Social Service Occupations",
     ["Government and Public Policy", "Charities and Non-profits"],
     ["the civil service fast stream", "writing briefings", "public policy",
      "working with ministers"]),
    ("Social Worker", "Community and Social Service Occupations",
     ["Government and Public Policy", "Charities and Non-profits"],
     ["child protection", "caseloads", "placements", "the social work degree"]),
    ("Fundraising Officer", "Community and Social Service Occupations",
     ["Charities and Non-profits"],
     ["grant writing", "events", "donor relations", "working for a small charity"]),
    ("Hotel Manager", "Management Occupations", ["Hospitality and Tourism"],
     ["guest experience", "hospitality operations", "working abroad", "events"]),
    ("Events Coordinator", "Personal Care and Service Occupations",
     ["Hospitality and Tourism", "Arts, Culture and Heritage"],
     ["festivals", "logistics", "suppliers", "conferences"]),
    ("Logistics Planner", "Transportation and Material Moving Occupations",
     ["Transport and Logistics", "Retail and Consumer Goods"],
     ["supply chains", "warehousing", "route planning", "freight"]),
    ("Operations Manager", "Management Occupations",
     ["Transport and Logistics", "Engineering and Manufacturing", "Retail and Consumer Goods"],
     ["process improvement", "lean methods", "managing teams", "budgets"]),
    ("HR Business Partner", "Business and Financial Operations Occupations",
     ["Consulting", "Retail and Consumer Goods", "Technology"],
     ["recruitment", "employee relations", "CIPD qualifications", "graduate schemes"]),
    ("Recruiter", "Business and Financial Operations Occupations",
     ["Consulting", "Technology"],
     ["CVs that stand out", "assessment centres", "interview technique", "agency recruitment"]),
    ("Quantity Surveyor", "Business and Financial Operations Occupations",
     ["Architecture and Construction"],
     ["cost planning", "contracts", "site work", "RICS accreditation"]),
    ("Town Planner", "Life, Physical, and Social Science Occupations",
     ["Government and Public Policy", "Architecture and Construction"],
     ["planning applications", "local councils", "housing", "public consultation"]),
    ("Archivist", "Educational Instruction and Library Occupations",
     ["Arts, Culture and Heritage", "Education"],
     ["archives", "conservation", "cataloguing", "family history"]),
]

LEVELS = ["", "", "", "Senior ", "Senior ", "Lead ", "Junior ", "Principal ", "Assistant "]

# Organisations: an invented stem and a kind suited to the industry.
ORG_STEMS = """
Northgate Harbour Ashford Kestrel Meridian Bluebell Cedar Orion Riverside Juniper Halcyon
Beacon Copperleaf Larkspur Fenwick Saltmarsh Thistle Granite Brightwater Oakfield Hawthorn
Redcliffe Silverbirch Moorland Lighthouse Kingsway Parkside Westbrook Eastfield Summit
Heron Falcon Wren Aspen Willow Rowan Linden Maple Elmstead Foxglove Clearview Highpoint
Blackstone Greenway Stonebridge Millbrook Ironbridge Seaview Sunrise Evergreen Bramble
Starling Kingfisher Marlow Castleton Fairhaven Harrowgate Thornbury Whitmore Ravenscroft
Amberley Lowther Pennine Cheviot Solway Medway Severn Trent Avon Tamar Calder Kelvin Tay
""".split()

ORG_KINDS = {
    "Accounting and Finance": ["Capital", "& Partners LLP", "Bank", "Accountants", "Wealth"],
    "Advertising and Marketing": ["Creative", "Agency", "Media Group", "Brand Studio"],
    "Architecture and Construction": ["Architects", "Construction", "Building Group", "Homes"],
    "Arts, Culture and Heritage": ["Museum", "Gallery", "Arts Trust", "Theatre"],
    "Charities and Non-profits": ["Foundation", "Trust", "Aid", "Community Action"],
    "Consulting": ["Consulting", "Advisory", "Associates", "Strategy Partners"],
    "Education": ["Academy", "College", "School", "University"],
    "Energy and Environment": ["Energy", "Renewables", "Power", "Environmental"],
    "Engineering and Manufacturing": ["Engineering", "Manufacturing", "Industries", "Works"],
    "Government and Public Policy": ["Council", "Agency", "Authority", "Institute"],
    "Healthcare": ["Health", "NHS Foundation Trust", "Clinic", "Medical Centre", "Hospital"],
    "Hospitality and Tourism": ["Hotels", "Travel", "Resorts", "Hospitality"],
    "Law": ["LLP", "Chambers", "Solicitors", "Legal"],
    "Media and Publishing": ["Press", "Publishing", "Media", "Books"],
    "Retail and Consumer Goods": ["Retail", "Stores", "Foods", "Brands"],
    "Science and Research": ["Laboratories", "Research", "Biosciences", "Institute of Science"],
    "Technology": ["Labs", "Software", "Digital", "Systems", "Analytics", "Technologies"],
    "Transport and Logistics": ["Logistics", "Freight", "Rail", "Transport", "Shipping"],
}

# Places, with a weight: London holds a large share of any UK binder.
CITIES = [
    ("London", 15), ("Manchester", 6), ("Birmingham", 5), ("Leeds", 5), ("Glasgow", 4),
    ("Edinburgh", 4), ("Bristol", 4), ("Liverpool", 3), ("Newcastle", 3), ("Sheffield", 3),
    ("Cardiff", 3), ("Nottingham", 2), ("Belfast", 2), ("Brighton", 2), ("Oxford", 2),
    ("Cambridge", 2), ("Leicester", 2), ("Southampton", 2), ("Coventry", 1), ("York", 1),
    ("Aberdeen", 1), ("Dundee", 1), ("Exeter", 1), ("Norwich", 1), ("Swansea", 1),
    ("Dublin", 3), ("Paris", 1), ("Berlin", 1), ("Amsterdam", 1), ("Madrid", 1),
    ("Lagos", 1), ("Nairobi", 1), ("Accra", 1), ("Toronto", 1), ("New York", 2),
    ("Singapore", 1), ("Mumbai", 1), ("Hong Kong", 1), ("Sydney", 1), ("Remote", 3),
]
ZONES = {
    "Dublin": "Europe/Dublin", "Paris": "Europe/Paris", "Berlin": "Europe/Berlin",
    "Amsterdam": "Europe/Amsterdam", "Madrid": "Europe/Madrid", "Lagos": "Africa/Lagos",
    "Nairobi": "Africa/Nairobi", "Accra": "Africa/Accra", "Toronto": "America/Toronto",
    "New York": "America/New_York", "Singapore": "Asia/Singapore", "Mumbai": "Asia/Kolkata",
    "Hong Kong": "Asia/Hong_Kong", "Sydney": "Australia/Sydney",
}

GENERAL_TOPICS = [
    "career changes", "part-time study", "working abroad", "assessment centres",
    "returning after a career break", "first jobs after graduating", "networking",
    "being the first in my family at university", "neurodiversity at work", "salary negotiation",
    "internships", "working flexibly", "starting out in a small company", "postgraduate study",
]

SENTENCES = [
    "I can talk about {t1} and {t2}, and what a normal week looks like as a {title}.",
    "Happy to explain how I got into {field} and what I would do differently.",
    "Ask me about {t1}, working in {city}, or {g1}.",
    "I moved into this work after {years} years elsewhere, so I am glad to talk about {g1}.",
    "Most of my days are about {t1}; students often ask me about {t2}.",
    "I mentor graduates on {t1} and {g1}.",
    "I studied {subject} and did not expect to end up in {field}.",
    "Glad to share what employers in {field} look for, and how to prepare for {g2}.",
]
SUBJECTS = [
    "history", "biology", "economics", "English literature", "mathematics", "law", "chemistry",
    "geography", "computer science", "psychology", "philosophy", "modern languages",
    "engineering", "sociology", "music", "physics", "politics", "art and design",
]
TAGS = [
    "alumni mentor", "graduate scheme", "remote friendly", "part-time", "career changer",
    "speaks Spanish", "speaks French", "speaks Arabic", "speaks Mandarin", "LGBTQ+ network",
    "disability network", "first generation", "international student", "evening calls",
]
AVAILABILITY = [
    "Weekday lunchtimes are best.", "Usually free on Friday afternoons.",
    "Evenings after six, UK time.", "Busy in December; any other month is fine.",
    "Short calls only, please.", "", "", "",
]
PROGRAMMES = [
    "BSc Computer Science", "BA History", "BSc Economics", "LLB Law", "BA English",
    "MSc Data Science", "BEng Civil Engineering", "BSc Nursing", "BA Geography",
    "BSc Psychology", "MA International Relations", "BSc Biology", "BA Fine Art",
    "BSc Accounting and Finance", "MEng Mechanical Engineering", "BA Politics",
    "BSc Environmental Science", "BA Modern Languages", "MSc Marketing", "BMus Music",
]
RESEARCH = [
    "Read their company's last two annual reviews and the careers page.",
    "They moved from {field} into this role; I want to understand why.",
    "Found them through the alumni network; they studied near me.",
    "Their team works on {t1}, which is what I want to do after graduating.",
]
QUESTIONS = [
    "What does a typical day look like for you?",
    "How did you get into {field}?",
    "Which skills matter most in your first year?",
    "What do you wish you had known before starting?",
    "How is {field} changing at the moment?",
    "What distinguishes the people who progress quickly?",
    "What are the satisfactions and frustrations of the work?",
    "Would you recommend any reading or organisations?",
    "Is there anyone else you think I should talk to?",
    "How much does {t1} feature in your week?",
]

# fmt: on


def zipf(n: int, shift: float = 20.0) -> list[float]:
    """Weights for a draw by rank: the first items common, the last rare."""
    return [1 / (rank + shift) for rank in range(n)]


def ascii_slug(text: str) -> str:
    """A lower-case ASCII form of a name, for e-mail addresses."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c in "-"))
    return text.lower()
