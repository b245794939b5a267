"""The invented school community that seeds the offline sandbox account.

New staff practise on the sandbox, trainees are shown it, and tests run against
it, so it has to feel like the real @StPetersPilning timeline on an ordinary
Tuesday: mostly kind parents, grandparents and village organisations, plus
the few awkward things the head teacher really does meet: a parent who names
their child, a fair complaint, an account with a grudge, a troll, mild and
masked swearing, one threatening reply, spam and follower bots. Innocent words
that naive filters trip over ("Dick Whittington", "Scunthorpe", "assessments")
are in there on purpose, so moderation can be tried on them.

Why the data look the way they do:

* Every person, handle and organisation is invented. Place names are real
  (Pilning, Severn Beach, Bristol) because a village school's followers say
  where they live, but no handle is a real account's.
* School posts name classes, year groups and staff, never a child: that is the
  school's photo and privacy policy, and the tests check it. Only parents name
  children, in replies, using the first names in ``CHILD_NAMES_IN_MENTIONS``.
* Topics span a whole school year (harvest, nativity, snow, sports day) but are
  squeezed into the last two months so a trainee meets every kind of post.
* Everything is relative to ``now`` and deterministic: no randomness, no
  network, no Qt. Times of day are UTC (close enough to school hours). Posts
  start at least a day back, so no reply lands in the future.
* Ids are X-style snowflakes made from each timestamp, so they sort by time
  and compare sensibly with ids the sandbox hands out later for new posts.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import count

from stpeters_desk.core.storage.sandbox_store import SandboxPicture
from stpeters_desk.x.ids import snowflake_id
from stpeters_desk.x.models import SANDBOX, Account, Mention, Post, UserProfile

SCHOOL_HANDLE = "StPetersPilning"
SCHOOL_NAME = "St Peter's Primary (practice)"
SCHOOL_ACCOUNT_AGE_DAYS = 3900


DEFAULT_AVATAR_URL = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"

# The first names parents use in their replies. No school post may contain them.
CHILD_NAMES_IN_MENTIONS: tuple[str, ...] = (
    "Amelia",
    "Oliver",
    "Isla",
    "Freddie",
    "Evie",
    "Alfie",
    "Ruby",
)


@dataclass(frozen=True)
class SandboxSeed:
    """Everything the sandbox account starts with."""

    account: Account
    posts: list[Post]  # newest first
    followers: list[UserProfile]
    mentions: list[Mention]  # newest first
    blocked: list[UserProfile]
    pictures: list[SandboxPicture] = field(default_factory=list)  # on practice replies


# --- Pictures on replies --------------------------------------------------------------
#
# (reply key, kind, background colour, shape colour). Generated plain pictures, so the
# practice account shows replies with photos (checked offline like X's) without holding a
# photo of anyone.

_REPLY_PICTURES: list[tuple[str, str, tuple[int, int, int], tuple[int, int, int]]] = [
    ("childminder_beans", "photo", (222, 205, 170), (70, 150, 60)),  # a bean in a pot
    ("which_software", "photo", (40, 90, 160), (245, 245, 245)),  # a screen with a page
]


def plain_picture(background: tuple[int, int, int], shape: tuple[int, int, int],
                  width: int = 320, height: int = 240) -> bytes:
    """A PNG of one colour with a centred block of another: made here, no image library."""
    left, right = width // 3, width - width // 3
    top, bottom = height // 4, height - height // 4
    rows = []
    for y in range(height):
        inside = top <= y < bottom
        row = bytes(background) * left + bytes(shape if inside else background) * (
            right - left) + bytes(background) * (width - right)
        rows.append(b"\0" + row)

    def chunk(name: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + name + data
                + struct.pack(">I", zlib.crc32(name + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


# --- People -----------------------------------------------------------------
#
# (handle, name, bio, location, account age in days, followers, following,
#  tweets, flags). flags: "" or any of "verified", "protected", "egg"
# (egg = default avatar). Followers are listed as X lists them, most recent
# follow first, which is why the bots and the grudge account come first.

_UserRow = tuple[str, str, str, str, int, int, int, int, str]

_SPAM_FOLLOWERS: list[_UserRow] = [
    ("user83920174621", "user83920174621", "", "", 4, 0, 4012, 0, "egg"),
    ("Mark49201839", "Mark", "", "", 9, 0, 3998, 2, "egg"),
    ("jenny5563810294", "Jenny", "", "United States", 17, 1, 4187, 0, "egg"),
    ("GetFollowersFast24", "Followers For Sale 📈",
     "Real followers, real fast 🚀 10k from £9.99. Schools, brands, influencers. DM us!",
     "Worldwide", 23, 3, 4963, 1840, ""),
    ("btc_gains_daily7731", "Bitcoin Gains Daily 💰",
     "AI trading bot | 1000% returns | Limited spots | Not financial advice 🚀📈",
     "Dubai", 31, 12, 4480, 2311, ""),
    ("sophia_dm_me_4821", "Sophia 💋",
     "Lonely tonight 😘 DM me for something fun 🔥 link below",
     "", 12, 4, 4301, 96, ""),
]

_HOSTILE_FOLLOWERS: list[_UserRow] = [
    ("PilningTruthTeller", "Gaz Renshaw",
     "Ex St Peter's parent. Asking the questions they don't want asked. #accountability",
     "Pilning", 64, 38, 412, 1630, ""),
    ("NoFilterNorm99", "Norm",
     "Saying what everyone's thinking 🤷 Snowflakes will block me.",
     "England", 410, 211, 1893, 24107, ""),
]

_COMMUNITY_FOLLOWERS: list[_UserRow] = [
    # Parents and carers
    ("sarah_j_pilning", "Sarah Jennings",
     "Mum of two, Pilning. Tea, netball and muddy wellies.",
     "Pilning, South Gloucestershire", 2870, 214, 388, 3120, ""),
    ("DanTheVanMan_B", "Dan Bishop",
     "Plumber. Dad. Gas Safe. Will fix your boiler and moan about the football.",
     "Severn Beach", 1810, 402, 590, 5210, ""),
    ("kerry_ann_w", "Kerry-Ann Walsh",
     "Mum of 3 | PTA treasurer | runs on coffee ☕",
     "Pilning", 3320, 356, 611, 8844, ""),
    ("tfairweather82", "Tom Fairweather",
     "Dad, cyclist, spreadsheet enthusiast.",
     "Bristol", 4020, 189, 244, 1432, ""),
    ("priya_marsh", "Priya Marsh",
     "Mum to two little monkeys. Nurse. Views my own.",
     "Pilning", 2210, 143, 301, 2051, ""),
    ("lucy_harding_", "Lucy Harding",
     "Photographer & mum. Dogs > people.",
     "Easter Compton", 1540, 822, 730, 4460, ""),
    ("emma_r_severn", "Emma Rowlands",
     "Mum, runner, baker of questionable cakes.",
     "Severn Beach", 2650, 267, 412, 3302, ""),
    ("becky_on_the_marsh", "Becky Dunn",
     "Mum of 2. Wellies permanently by the door.",
     "Pilning", 1290, 98, 205, 987, ""),
    ("stevieg_pilning", "Steve Gallagher",
     "Dad of three. Season ticket holder. Lane-driving expert.",
     "Pilning", 3010, 175, 320, 6120, ""),
    ("hannahlouise_88", "Hannah Cole", "Mum. Teacher. Tired.", "Bristol",
     2480, 77, 142, 512, "protected"),
    ("wayne_m_roofing", "Wayne Morris Roofing",
     "Family-run roofing, Pilning & Bristol. Dad of two at the local school.",
     "Pilning", 2130, 640, 1210, 2875, ""),
    ("laura_bakes_bristol", "Laura Penrose",
     "Mum & home baker. Cake orders by email.",
     "Bristol", 1990, 1120, 870, 3970, ""),
    ("gemma_t_mum", "Gemma Thorne",
     "Mum of one, works shifts, permanently late.",
     "Pilning", 870, 64, 188, 702, ""),
    ("aliona_k", "Aliona Kowalska",
     "Mama of two 🇵🇱🇬🇧 Pilning. Always baking.",
     "Pilning", 1420, 131, 260, 1204, ""),
    ("rich_evans_cycles", "Rich Evans",
     "Bike mechanic, dad, grumbler.",
     "Severn Beach", 3500, 290, 510, 7410, ""),
    ("NatalieFoxPT", "Natalie Fox",
     "Personal trainer & mum. Bootcamp on the rec Sat 9am.",
     "Pilning", 1760, 1430, 990, 5530, ""),
    ("joe_and_sam_dads", "Joe & Sam",
     "Two dads, one very loud toddler and a Year 3 footballer.",
     "Bristol", 1120, 310, 402, 1890, ""),
    ("cheryl_l_childminder", "Cheryl Lane",
     "Ofsted registered childminder, Pilning. School runs daily.",
     "Pilning", 2340, 220, 305, 1610, ""),
    ("fosterfamily_sglos", "Mark & Dee",
     "Foster carers. Proud of all our kids, past and present.",
     "South Gloucestershire", 1650, 58, 97, 303, "protected"),
    ("Auntie_Jo_B", "Jo Bradley",
     "Aunt, kinship carer, school-run veteran.",
     "Pilning", 990, 71, 160, 640, ""),
    ("dave_k_electrics", "Dave Kingdon",
     "Electrician & dad. Rovers.",
     "Pilning", 2760, 233, 415, 3980, ""),
    ("sian_b_pilning", "Siân Bevan",
     "Mum of two. Welsh, living on the wrong side of the bridge 🌉",
     "Pilning", 1830, 160, 290, 2210, ""),
    ("the_ogunleyes", "The Ogunleye family",
     "Family of five, new(ish) to the village. Loving it.",
     "Pilning", 540, 88, 170, 312, ""),
    ("ellie_m_nurse", "Ellie Marsh-Jones",
     "Mum & night-shift nurse. Coffee is a food group.",
     "Severn Beach", 1370, 119, 240, 1455, ""),
    ("carl_and_fi", "Carl Hutchings",
     "Dad to two St Peter's girls. Cricket, cider, complaining about the M5.",
     "Pilning", 3900, 302, 448, 9120, ""),
    ("mumofthreeSB", "Rachel Tovey",
     "Mum of three. PTA raffle queen.",
     "Severn Beach", 2050, 190, 350, 2766, "protected"),
    # Grandparents
    ("grandad_pete_pilning", "Pete Hollis",
     "Retired. Grandad of four. Allotment, cricket, grumbling.",
     "Pilning", 3610, 122, 140, 2480, ""),
    ("Nanna_Sue_60", "Sue Whitcombe",
     "Proud nanna. Knitting for England.",
     "Almondsbury", 2290, 84, 133, 1602, ""),
    ("margaret_a_ellis", "Margaret Ellis",
     "Grandmother, church flower rota, amateur historian.",
     "Pilning", 1680, 46, 90, 410, ""),
    ("BrianWoodall", "Brian Woodall",
     "Ex-Royal Navy. Grandad duties Mon & Wed.",
     "Severn Beach", 2940, 97, 112, 1190, ""),
    # Governors and former staff
    ("AnneTGovernor", "Anne Trelawny",
     "Chair of Governors, St Peter's Primary, Pilning. Retired head. Views my own.",
     "Pilning", 4100, 612, 540, 3890, ""),
    ("DrRaviShah_gov", "Dr Ravi Shah",
     "GP and parent governor. Views my own.",
     "Bristol", 3150, 540, 480, 2010, ""),
    ("clare_fenwick_gov", "Clare Fenwick",
     "Foundation governor and churchwarden.",
     "Pilning", 1880, 150, 210, 820, ""),
    ("MrsDaviesRetired", "Jan Davies",
     "Taught Reception at St Peter's for 31 years. Now gardening.",
     "Pilning", 1210, 203, 180, 940, ""),
    # Church, village and clubs
    ("PilningParishChurch_StP", "St Peter's Church, Pilning",
     "Church of England parish church serving Pilning and Severn Beach. All welcome.",
     "Pilning", 3720, 488, 301, 2160, ""),
    ("PilningVillageHall", "Pilning Village Hall",
     "Community hall for hire. Lunch club Thurs, yoga Tues, quiz night monthly.",
     "Pilning", 2990, 701, 420, 3380, ""),
    ("PilningParishCllrs", "Pilning Parish Councillors",
     "News from your parish councillors. Meetings 2nd Tuesday, village hall.",
     "Pilning", 2560, 930, 380, 2720, ""),
    ("PilningWI", "Pilning WI",
     "Women's Institute. Jam, Jerusalem and jolly good company.",
     "Pilning", 2100, 420, 310, 1450, ""),
    ("SevernSideFC_U9s", "Severnside FC Under 9s",
     "Mixed under 9s football. Training Sat 10am on the rec. New players welcome ⚽",
     "Severn Beach", 1340, 380, 260, 1190, ""),
    ("PilningCC_Juniors", "Pilning Cricket Club Juniors",
     "All Stars & Dynamos cricket for ages 5-11. Friday nights in summer 🏏",
     "Pilning", 2400, 560, 480, 2040, ""),
    ("EstuaryRFC_Minis", "Estuary RFC Minis & Juniors",
     "Mini rugby from under 6s. Sunday mornings, bring wellies and a flask.",
     "Severn Beach", 2750, 810, 640, 3310, ""),
    ("LittleAcornsPilning", "Little Acorns Pre-school",
     "Friendly village pre-school for 2-4 year olds. Rated Good.",
     "Pilning", 2010, 340, 290, 1220, ""),
    ("1stPilningScouts", "1st Pilning Scout Group",
     "Squirrels, Beavers, Cubs and Scouts. Adventure for ages 4-14. Leaders wanted!",
     "Pilning", 3050, 470, 390, 1870, ""),
    ("PilningBrownies", "Pilning Rainbows & Brownies",
     "Girlguiding in the village. Tuesday evenings at the hall.",
     "Pilning", 1590, 215, 180, 640, ""),
    ("PCSO_Severnside", "PCSO Severnside Beat",
     "Your local police community support officers. Not monitored 24/7: call 999 "
     "in an emergency.",
     "Severn Beach", 2200, 2140, 610, 4020, ""),
    # Nearby schools and the trust
    ("RedwickMarshPri", "Redwick Marsh Primary",
     "A small school with a big heart. Part of the Marshland Learning Trust.",
     "Redwick", 3250, 690, 210, 2890, ""),
    ("LittletonPillCE", "Littleton Pill CE Primary",
     "Church school on the edge of the estuary. Learning, laughing, growing.",
     "Littleton Pill", 2880, 540, 190, 2330, ""),
    ("AlmondMeadSchool", "Almond Mead School",
     "11-18 secondary. Proud home of our village primaries' Year 7s.",
     "Almondsbury", 4050, 2480, 330, 6710, ""),
    ("MarshlandTrust", "Marshland Learning Trust",
     "A family of six schools across the Severn marshes. Vacancies on our website.",
     "South Gloucestershire", 2650, 1910, 140, 2540, ""),
    # Local press, council and MP
    ("SevernsideHerald", "The Severnside Herald",
     "Your local weekly since 1921. News tips: newsdesk via our website.",
     "Bristol", 4150, 18400, 1250, 41200, "verified"),
    ("JessReportsSH", "Jess Milburn",
     "Education & community reporter at the Severnside Herald. Story? Get in touch.",
     "Bristol", 2320, 3210, 1830, 12700, ""),
    ("SGlos_EduNews", "South Glos Council – Schools",
     "School admissions, term dates and closures from the council's education team.",
     "South Gloucestershire", 3400, 9120, 520, 5480, "verified"),
    ("HMarlowMP_Office", "Office of Helen Marlow MP",
     "Constituency office of Helen Marlow, MP for Severn Vale & Marshes. Casework via "
     "our website.",
     "Bristol", 1880, 11800, 760, 3650, "verified"),
    # Local businesses
    ("PilningCrust", "The Pilning Crust Bakery",
     "Sourdough, sausage rolls & celebration cakes. Open Tues-Sat from 7:30 🥐",
     "Pilning", 1460, 1290, 620, 2210, ""),
    ("MarshLaneFarmShop", "Marsh Lane Farm Shop",
     "Our own beef, lamb & veg, plus local cheese. Pick your own in season 🍓",
     "Pilning", 2580, 2030, 880, 3160, ""),
    ("EstuaryCafeSB", "The Estuary Café",
     "Bacon rolls with a view of the bridges. Dogs & muddy boots welcome.",
     "Severn Beach", 1130, 870, 540, 1780, ""),
    # Teachers at other schools
    ("MrsTurnerTeaches", "Mrs Turner",
     "Y2 teacher in Bristol. Phonics nerd. Views my own.",
     "Bristol", 1960, 2890, 2410, 15300, ""),
    ("MrOkonkwoY6", "Mr Okonkwo",
     "Year 6 teacher & maths lead. Residential trip survivor.",
     "Gloucester", 1430, 1740, 1520, 8220, ""),
    ("MissBrightEYFS", "Miss Bright",
     "Reception teacher. Glitter is not a personality (it is).",
     "Thornbury", 860, 960, 1100, 4410, ""),
    # Educational supplier
    ("BrambleboxEdu", "Bramblebox Learning",
     "Classroom resources for curious minds. Free delivery to UK schools.",
     "Stroud", 2210, 6420, 4880, 9730, ""),
]

# Accounts that reply or mention but do not follow the school.
_NON_FOLLOWERS: list[_UserRow] = [
    ("ViralGrowthHQ", "Viral Growth HQ 🚀",
     "Grow your brand overnight. Followers, likes, views. DM for prices.",
     "", 6, 2, 3870, 5120, ""),
    ("ScunnyIronDave", "Dave 🔴⚪",
     "Scunthorpe United. Home and away. Moved south, heart's still in Glanford Park.",
     "Bristol", 3300, 421, 690, 11800, ""),
    ("BristolPantoLover", "Pauline Ashby",
     "Oh yes I do! Panto every Christmas since 1979.",
     "Bristol", 2680, 312, 540, 4020, ""),
    ("kat_obi_movingwest", "Kat Obi",
     "Londoner moving west with two kids and a very confused cat.",
     "London", 740, 203, 390, 1310, ""),
]

# Already blocked by the school before the sandbox starts.
_BLOCKED: list[_UserRow] = [
    ("cheap_likes_4u", "Cheap Likes 4 U",
     "1000 likes £2 💯 Followers | Views | Retweets. DM now",
     "", 40, 0, 4999, 7702, "egg"),
]

SPAM_HANDLES: frozenset[str] = frozenset(row[0] for row in _SPAM_FOLLOWERS)
HOSTILE_HANDLES: frozenset[str] = frozenset(row[0] for row in _HOSTILE_FOLLOWERS)


# --- The school's own posts ---------------------------------------------------
#
# (key, days ago, time of day UTC, text, photos, likes, replies). The reply count
# is raised to the number of seeded replies if that is larger.

_PostRow = tuple[str, int, str, str, int, int, int]

_POSTS: list[_PostRow] = [
    ("non_uniform", 1, "08:05",
     "Reminder: Friday is a non-uniform day in return for a donation to the PTA tombola. "
     "Bottles, chocolates and teddies gratefully received at the office. 🎁",
     0, 14, 4),
    ("class4_writing", 2, "15:40",
     "Class 4 have been editing their writing on the computers this week, using track "
     "changes to respond to each other's feedback. Some brilliant improvements to their "
     "Viking sagas! 📝",
     2, 31, 4),
    ("sports_day", 3, "16:10",
     "Sports Day: thank you to everyone who came to cheer! The sun shone, the egg and spoon "
     "was fiercely competitive and Red House took the trophy by three points. 🏆",
     4, 87, 9),
    ("reception_beans", 4, "12:30",
     "Reception have been learning how seeds grow. Every child has planted a bean and the "
     "classroom windowsill is now a small jungle 🌱",
     1, 26, 2),
    ("forest_shelters", 6, "09:15",
     "Forest School: Class 2 built shelters in the copse this morning and tested them with a "
     "watering can. Most stayed dry! Thank you to Mrs Ahmed and our parent volunteers.",
     3, 42, 2),
    ("cake_sale", 7, "17:30",
     "Our PTA cake sale raised £412.60 for new playground equipment. Thank you to every "
     "baker, buyer and helper. The lemon drizzle sold out in four minutes!",
     1, 58, 3),
    ("church_visit", 9, "14:00",
     "Class 3 walked to St Peter's Church this afternoon to learn about the font, the "
     "lectern and the bells. Thank you to the vicar for showing us round. ⛪",
     2, 35, 2),
    ("inset_day", 10, "08:00",
     "INSET day reminder: school is closed to pupils next Monday for staff training. "
     "Breakfast club and wraparound care will not run. See you all on Tuesday!",
     0, 9, 5),
    ("y6_back", 12, "15:50",
     "Year 6 are back from their residential! Three days of canoeing, climbing and very "
     "little sleep. Thank you to Mr Harris and Miss Lowe for giving up their week.",
     4, 102, 6),
    ("y6_update", 13, "10:20",
     "Year 6 residential update: everyone has made it to the top of the climbing wall and "
     "lunch was a big success. Canoeing this afternoon! 🛶",
     2, 64, 2),
    ("y6_set_off", 14, "07:45",
     "Year 6 have set off on their residential! The coach left at 7:30 with lots of excited "
     "faces. We'll post updates when we can.",
     1, 47, 1),
    ("harvest", 16, "16:00",
     "Harvest Festival: thank you for your generous donations to the Severnside food bank. "
     "The tins filled the whole front pew of the church! 🍎🥫",
     2, 53, 1),
    ("nativity", 18, "11:00",
     "Nativity rehearsals are underway! Reception and Class 1 are practising their songs "
     "every afternoon and the donkey costume has had its annual repair. Tickets on sale soon.",
     1, 40, 2),
    ("litter_pick", 20, "15:30",
     "Our Eco Council joined the parish councillors for a litter pick around the village "
     "green. Eleven bags collected! Proud of our young environmentalists ♻️",
     2, 49, 1),
    ("summer_fair", 21, "09:00",
     "The PTA Summer Fair is this Saturday on the school field! Bouncy castle, dog show, "
     "raffle and the famous teachers' stocks. All welcome 🎪",
     1, 38, 4),
    ("great_fire", 23, "14:45",
     "Class 2 have been learning about the Great Fire of London and made their own Tudor "
     "houses from junk modelling. (Don't worry, we didn't set fire to them.)",
     3, 44, 1),
    ("football", 25, "08:30",
     "Well done to our KS2 football team, who reached the semi-final of the area tournament "
     "on Saturday. Great teamwork and even better sportsmanship ⚽",
     1, 61, 2),
    ("panto", 27, "16:30",
     "Thank you to the PTA for funding our trip to the pantomime! A brilliant afternoon of "
     "singing, shouting \"he's behind you!\" and a very funny cat.",
     2, 55, 2),
    ("safer_internet", 28, "13:10",
     "Safer Internet Day: every class talked about being kind online and what to do if "
     "something worries them. Ask your child about our SMART rules 💻",
     0, 22, 1),
    ("car_park", 30, "09:30",
     "A reminder that the school car park is for staff and blue badge holders only. Please "
     "park considerately in the village and keep the zigzags clear. Thank you 🚗",
     0, 11, 7),
    ("class4_forces", 33, "15:15",
     "Class 4 have been investigating forces in science, testing parachutes from the top of "
     "the climbing frame. Fair tests, careful measuring and a lot of excitement!",
     2, 33, 1),
    ("reading_week", 35, "11:45",
     "Reading Week: thank you to the grandparents who came in to share their favourite "
     "stories with Reception and Class 1. We loved hearing about books from the 1960s! 📚",
     2, 46, 1),
    ("trip_cancelled", 38, "08:10",
     "We're very sorry: the Class 3 trip to the aquarium on Thursday is cancelled because the "
     "coach company has let us down. Refunds will be made in full and we are looking for a "
     "new date.",
     0, 7, 8),
    ("choir", 40, "16:20",
     "Congratulations to our choir, who sang at the village hall community lunch today. "
     "Lots of happy faces and a few tears in the audience! 🎶",
     1, 52, 2),
    ("frogspawn", 42, "10:00",
     "Forest School: Reception found frogspawn in the pond and have been checking on it "
     "every morning since. 🐸",
     1, 29, 1),
    ("open_morning", 45, "14:30",
     "Starting Reception in September? Come to our open morning on Tuesday, 9:30-11:00, to "
     "meet the team and see the classrooms. No need to book.",
     0, 18, 1),
    ("world_book_day", 48, "15:45",
     "World Book Day was a triumph! Thank you for the amazing costumes. We counted at least "
     "six Gruffalos. 📖",
     4, 120, 2),
    ("snow_open", 52, "07:30",
     "Snow update: school is OPEN today. Please take care on the lanes and wrap up warm. "
     "Wellies welcome, with spare shoes in a bag please ❄️",
     1, 73, 3),
    ("care_home_letters", 55, "16:00",
     "Class 3 have written letters to the residents of a local care home, telling them about "
     "life in the village today. We can't wait to read the replies! ✉️",
     1, 37, 0),
    ("welcome_back", 58, "09:00",
     "Welcome back! We hope you all had a restful break. A reminder that Wednesday is PE day "
     "for Class 1 and Class 2, so kits in school please.",
     0, 19, 1),
]


# --- Replies to the school's posts --------------------------------------------
#
# (key, author handle, post key, minutes after the post, text). X puts the
# "@StPetersPilning " prefix on replies; the builder adds it.

_ReplyRow = tuple[str, str, str, int, str]

_REPLIES: list[_ReplyRow] = [
    # non_uniform
    ("tombola_sorted", "kerry_ann_w", "non_uniform", 25,
     "Tombola donations already sorted, thanks for the reminder! 🍫"),
    ("non_uniform_preschool", "stevieg_pilning", "non_uniform", 95,
     "Is it non-uniform for the little ones in Reception too or just the juniors?"),
    ("viral_spam", "ViralGrowthHQ", "non_uniform", 300,
     "Get 10k followers cheap! DM us 🚀 Real accounts, fast delivery, schools discount"),
    # class4_writing
    ("amelia_track_changes", "sarah_j_pilning", "class4_writing", 40,
     "Our Amelia came home talking about 'track changes' all evening 😂 So proud of her!"),
    ("which_software", "MrsTurnerTeaches", "class4_writing", 120,
     "Love this! Peer feedback on screen is such a good idea. Which software do you use?"),
    ("governor_class4", "AnneTGovernor", "class4_writing", 200,
     "Wonderful work Class 4. Looking forward to reading some on my next governor visit."),
    ("crypto_spam", "btc_gains_daily7731", "class4_writing", 260,
     "💰 Turn £250 into £25,000 with our AI trading bot! Limited spots, check bio 🚀📈"),
    # sports_day
    ("sports_well_done", "emma_r_severn", "sports_day", 15,
     "Well done everyone! Brilliant afternoon 🏆"),
    ("oliver_sack_race", "priya_marsh", "sports_day", 30,
     "So proud of our Oliver, second in the sack race after falling over twice! 😂"),
    ("bloody_brilliant", "grandad_pete_pilning", "sports_day", 55,
     "Bloody brilliant afternoon. Best sports day in years and very well organised."),
    ("dads_race", "DanTheVanMan_B", "sports_day", 70,
     "Shame the dads' race got cancelled again. Next year yeah? 😉"),
    ("isla_best_day", "aliona_k", "sports_day", 90,
     "Thank you to all the staff, Isla had the best day ☀️"),
    ("harris_no_idea", "PilningTruthTeller", "sports_day", 180,
     "Mr Harris clearly has no idea what he's doing. Half the juniors sat on the grass all "
     "afternoon while his favourites ran every race."),
    ("waiting_at_gate", "PilningTruthTeller", "sports_day", 240,
     "I'll be waiting at the gate for that teacher on Monday. Let's see how brave he is "
     "face to face."),
    ("school_is_a_joke", "NoFilterNorm99", "sports_day", 400,
     "This school is a joke. Egg and spoon races, no wonder standards are through the floor."),
    # reception_beans
    ("childminder_beans", "cheryl_l_childminder", "reception_beans", 60,
     "The little ones I collect have been telling me all about their beans! 🌱"),
    ("freddie_bean", "Nanna_Sue_60", "reception_beans", 180,
     "Our Freddie says his bean is the tallest. Don't tell the others 🤫"),
    # forest_shelters
    ("preschool_forest", "LittleAcornsPilning", "forest_shelters", 45,
     "Brilliant! Our pre-schoolers can't wait to join Forest School next year."),
    ("evie_wellies", "becky_on_the_marsh", "forest_shelters", 120,
     "Is there a kit list for Forest School? Evie's wellies have a hole in 🙈"),
    # cake_sale
    ("bakery_drizzle", "PilningCrust", "cake_sale", 30,
     "Glad the lemon drizzle went down well! 🍋 Well done PTA"),
    ("two_next_time", "laura_bakes_bristol", "cake_sale", 50,
     "Four minutes! I'll make two next time 😄"),
    ("crap_priorities", "NoFilterNorm99", "cake_sale", 200,
     "£400 on cake and you still can't afford a proper playground. Crap priorities."),
    # church_visit
    ("church_welcome", "PilningParishChurch_StP", "church_visit", 90,
     "It was a joy to welcome Class 3. Some excellent questions about the bells!"),
    ("churchwarden", "clare_fenwick_gov", "church_visit", 150,
     "Lovely to see the children in church. Thank you Class 3 for being so respectful."),
    # inset_day
    ("wraparound_question", "gemma_t_mum", "inset_day", 35,
     "Thanks for the notice. Any chance wraparound could run on INSET days in future? "
     "It's tricky for working parents."),
    ("another_inset", "rich_evans_cycles", "inset_day", 60,
     "Another INSET day? Feels like there's one every other week. Some of us have jobs."),
    ("load_of_s", "wayne_m_roofing", "inset_day", 130,
     "What a load of s**t, third day off this term. Teachers don't know they're born."),
    # y6_back
    ("alfie_canoeing", "dave_k_electrics", "y6_back", 20,
     "Thank you to the staff! Alfie hasn't stopped talking about the canoeing 🛶"),
    ("which_centre", "MrOkonkwoY6", "y6_back", 180,
     "Looks like a fantastic trip. Which centre did you use? We're looking for one."),
    ("herald_share", "JessReportsSH", "y6_back", 240,
     "Lovely pictures. Would the school be happy for the Herald to share a couple? "
     "I'll email the office."),
    # y6_update and y6_set_off
    ("updates_reassuring", "kerry_ann_w", "y6_update", 20,
     "Thank you for the updates, so reassuring for those of us at home ❤️"),
    ("safe_travels", "margaret_a_ellis", "y6_set_off", 40,
     "Safe travels Year 6! Have a wonderful time."),
    # harvest
    ("farm_apples", "MarshLaneFarmShop", "harvest", 120,
     "Lovely to see. Happy to donate some apples next year 🍎"),
    # nativity
    ("nativity_tickets", "NatalieFoxPT", "nativity", 90,
     "When do tickets go on sale? Last year they went in a morning and grandparents "
     "missed out."),
    # litter_pick
    ("parish_thanks", "PilningParishCllrs", "litter_pick", 75,
     "Thank you to the Eco Council, a real credit to the village."),
    # summer_fair
    ("fair_what_time", "tfairweather82", "summer_fair", 120,
     "What time does the fair start? Want to bring the grandparents along."),
    ("hall_tables", "PilningVillageHall", "summer_fair", 200,
     "We've got spare tables if the PTA needs them, just ask!"),
    ("penalty_stall", "SevernSideFC_U9s", "summer_fair", 240,
     "We'll be there with the penalty shootout stall again ⚽"),
    # great_fire
    ("junk_modelling_kits", "BrambleboxEdu", "great_fire", 300,
     "What wonderful Tudor houses! Our junk modelling kits might come in handy for the "
     "next project 😉 Ask for our schools catalogue."),
    # football
    ("our_players", "SevernSideFC_U9s", "football", 60,
     "Great to see so many of our players in the team!"),
    ("scunthorpe_fans", "ScunnyIronDave", "football", 400,
     "Scunthorpe United fans in the village say well done! Great effort from the young "
     "ones ⚽"),
    # panto
    ("best_afternoon", "joe_and_sam_dads", "panto", 90,
     "Thank you PTA! Best afternoon out all term."),
    ("dick_whittington", "BristolPantoLover", "panto", 180,
     "Dick Whittington panto was brilliant, we were two rows behind you! The cat stole "
     "the show 🐱"),
    # safer_internet
    ("pcso_offer", "PCSO_Severnside", "safer_internet", 120,
     "Great work. Happy to pop in and chat to the older classes about staying safe online."),
    # car_park
    ("bloody_car_park", "stevieg_pilning", "car_park", 40,
     "Bloody car park chaos again at pick-up. Someone's going to get hurt."),
    ("hypocrites", "PilningTruthTeller", "car_park", 90,
     "Maybe if the staff didn't take every space themselves. F***ing hypocrites."),
    ("village_hall_parking", "sian_b_pilning", "car_park", 150,
     "Could the school ask the village hall if parents can use their car park at pick-up?"),
    # class4_forces
    ("future_engineers", "DrRaviShah_gov", "class4_forces", 60,
     "Excellent fair testing! Future engineers in Class 4."),
    # reading_week
    ("oldies_thanks", "BrianWoodall", "reading_week", 45,
     "Thoroughly enjoyed it. Thank you for having us oldies in!"),
    # trip_cancelled
    ("more_notice", "ellie_m_nurse", "trip_cancelled", 30,
     "Disappointed the trip was cancelled, parents deserved more notice. I'd already "
     "swapped shifts to help."),
    ("ruby_packed_lunch", "lucy_harding_", "trip_cancelled", 60,
     "Gutted for the kids, Ruby had her packed lunch all planned 😢 Hope you find a new "
     "date soon."),
    ("into_the_ground", "PilningTruthTeller", "trip_cancelled", 200,
     "Not surprised. Same people running this school into the ground year after year."),
    # choir
    ("hall_choir", "PilningVillageHall", "choir", 30,
     "Thank you choir! Our community lunch guests were delighted 🎶"),
    ("wi_choir", "PilningWI", "choir", 100,
     "Beautiful singing. Not a dry eye at our table!"),
    # frogspawn
    ("same_pond", "MrsDaviesRetired", "frogspawn", 100,
     "Same pond I took my Reception classes to for 31 years! Lovely to see."),
    # open_morning
    ("open_morning_parking", "kat_obi_movingwest", "open_morning", 120,
     "Is there any parking for visitors at the open morning? We're coming from Bristol."),
    # world_book_day
    ("gruffalo_family", "the_ogunleyes", "world_book_day", 60,
     "Two of those Gruffalos were ours! Thank you for making it so much fun."),
    ("wbd_costumes", "carl_and_fi", "world_book_day", 140,
     "Best dressed staff room in South Glos 👏"),
    # snow_open
    ("gritting", "grandad_pete_pilning", "snow_open", 30,
     "Well done for staying open, the caretaker must have been up at 5 gritting!"),
    ("snow_tomorrow", "becky_on_the_marsh", "snow_open", 600,
     "Is school open tomorrow with the snow? The lane past the farm is still sheet ice."),
    # welcome_back
    ("kits_ready", "emma_r_severn", "welcome_back", 120,
     "Kits washed and ready! Thanks for the reminder."),
]


# --- Plain mentions (not replies) ----------------------------------------------
#
# (key, author handle, days ago, time of day UTC, text)

_MentionRow = tuple[str, str, int, str, str]

_PLAIN_MENTIONS: list[_MentionRow] = [
    ("followers_for_sale", "GetFollowersFast24", 2, "03:12",
     "@StPetersPilning Boost your school page! Get 10k followers cheap! DM us 📈"),
    ("herald_roundup", "SevernsideHerald", 5, "11:00",
     "Our schools round-up this week features @StPetersPilning's Year 6 residential and "
     "Sports Day. In Thursday's paper and online now."),
    ("dm_me", "sophia_dm_me_4821", 8, "23:40",
     "@StPetersPilning hey you 😘 lonely tonight... DM me 💋"),
    ("bakery_gingerbread", "PilningCrust", 11, "09:30",
     "Gingerbread people are back! 10% off for @StPetersPilning staff this Friday 🍪"),
    ("ofsted_call", "NoFilterNorm99", 15, "21:05",
     "Someone should send Ofsted into @StPetersPilning. Staff are a joke and the parents "
     "are too scared to say it."),
    ("mp_visit", "HMarlowMP_Office", 26, "14:00",
     "Helen enjoyed visiting @StPetersPilning today to hear about the Eco Council's work. "
     "Thank you for the warm welcome!"),
    ("assessments_good_luck", "LittletonPillCE", 34, "08:20",
     "Good luck to Class 4 at @StPetersPilning with their assessments this week! From all "
     "your friends at Littleton Pill 🍀"),
]


# --- The school's replies ----------------------------------------------------
#
# (key, mention key, minutes after the mention, text, likes). How a good answer
# looks: short, factual, in the open, never naming a child.

_SchoolReplyRow = tuple[str, str, int, str, int]

_SCHOOL_REPLIES: list[_SchoolReplyRow] = [
    ("fair_answer", "fair_what_time", 30,
     "@tfairweather82 Gates open at 12 and the dog show starts at 1:30. Grandparents very "
     "welcome!",
     6),
    ("snow_answer", "snow_tomorrow", 45,
     "@becky_on_the_marsh We'll make the call by 7am tomorrow and post it here. Please don't "
     "travel if the lanes aren't safe.",
     11),
]


# --- Builders -------------------------------------------------------------------


def _clock(day_start: datetime, days_ago: int, hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return day_start - timedelta(days=days_ago) + timedelta(hours=int(hours),
                                                            minutes=int(minutes))


def _profile(row: _UserRow, now: datetime, seq: Iterator[int]) -> UserProfile:
    handle, name, bio, location, age_days, followers, following, tweets, flags = row
    created_at = now - timedelta(days=age_days)
    user_id = snowflake_id(created_at, next(seq))
    if "egg" in flags:
        image_url = DEFAULT_AVATAR_URL
    else:
        image_id = snowflake_id(created_at + timedelta(hours=1), next(seq))
        image_url = f"https://pbs.twimg.com/profile_images/{image_id}/{handle}_normal.jpg"
    return UserProfile(
        user_id=user_id,
        handle=handle,
        name=name,
        bio=bio,
        location=location,
        created_at=created_at,
        followers_count=followers,
        following_count=following,
        tweet_count=tweets,
        profile_image_url=image_url,
        verified="verified" in flags,
        protected="protected" in flags,
    )


def _check_past(when: datetime, now: datetime, what: str) -> None:
    if when >= now:
        raise ValueError(f"seed data puts {what} in the future ({when.isoformat()})")


def build_seed(now: datetime) -> SandboxSeed:
    """The sandbox's starting state, with every timestamp before ``now``.

    ``now`` must be timezone-aware; the same ``now`` always gives the same seed.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("build_seed needs a timezone-aware datetime")
    now = now.astimezone(UTC)
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    seq = count()

    school_created = now - timedelta(days=SCHOOL_ACCOUNT_AGE_DAYS)
    school_user_id = snowflake_id(school_created, next(seq))

    followers = [
        _profile(row, now, seq)
        for row in _SPAM_FOLLOWERS + _HOSTILE_FOLLOWERS + _COMMUNITY_FOLLOWERS
    ]
    others = [_profile(row, now, seq) for row in _NON_FOLLOWERS]
    blocked = [_profile(row, now, seq) for row in _BLOCKED]
    people = {user.handle: user for user in followers + others}

    post_times = {key: _clock(day_start, days, hhmm) for key, days, hhmm, *_ in _POSTS}
    post_ids = {key: snowflake_id(when, next(seq)) for key, when in post_times.items()}

    mentions: dict[str, Mention] = {}
    for key, handle, post_key, minutes, text in _REPLIES:
        when = post_times[post_key] + timedelta(minutes=minutes)
        _check_past(when, now, f"reply {key!r}")
        mention_id = snowflake_id(when, next(seq))
        mentions[key] = Mention(
            post_id=mention_id,
            text=f"@{SCHOOL_HANDLE} {text}",
            author=people[handle],
            created_at=when,
            conversation_id=post_ids[post_key],
            in_reply_to_post_id=post_ids[post_key],
            hidden=False,
        )
    for key, handle, days, hhmm, text in _PLAIN_MENTIONS:
        when = _clock(day_start, days, hhmm)
        _check_past(when, now, f"mention {key!r}")
        mention_id = snowflake_id(when, next(seq))
        mentions[key] = Mention(
            post_id=mention_id,
            text=text,
            author=people[handle],
            created_at=when,
            conversation_id=mention_id,
            in_reply_to_post_id=None,
            hidden=False,
        )

    replies_per_post: dict[str, int] = {}
    for mention in mentions.values():
        if mention.in_reply_to_post_id is not None:
            target = mention.in_reply_to_post_id
            replies_per_post[target] = replies_per_post.get(target, 0) + 1

    posts: list[Post] = []
    for key, _days, _hhmm, text, photos, likes, replies in _POSTS:
        post_id = post_ids[key]
        _check_past(post_times[key], now, f"post {key!r}")
        posts.append(Post(
            post_id=post_id,
            text=text,
            created_at=post_times[key],
            media_count=photos,
            like_count=likes,
            reply_count=max(replies, replies_per_post.get(post_id, 0)),
        ))
    for key, mention_key, minutes, text, likes in _SCHOOL_REPLIES:
        question = mentions[mention_key]
        when = question.created_at + timedelta(minutes=minutes)
        _check_past(when, now, f"school reply {key!r}")
        posts.append(Post(
            post_id=snowflake_id(when, next(seq)),
            text=text,
            created_at=when,
            reply_to=question.post_id,
            like_count=likes,
        ))

    posts.sort(key=lambda post: int(post.post_id), reverse=True)
    mention_list = sorted(mentions.values(), key=lambda m: int(m.post_id), reverse=True)

    account = Account(
        user_id=school_user_id,
        handle=SCHOOL_HANDLE,
        name=SCHOOL_NAME,
        followers_count=len(followers),
        following_count=0,
        kind=SANDBOX,
        tweet_count=len(posts),
    )
    pictures = [
        SandboxPicture(post_id=mentions[key].post_id,
                       media_key=f"3_{mentions[key].post_id}{number}", kind=kind,
                       mime_type="image/png", data=plain_picture(background, shape))
        for number, (key, kind, background, shape) in enumerate(_REPLY_PICTURES)
    ]
    return SandboxSeed(
        account=account,
        posts=posts,
        followers=followers,
        mentions=mention_list,
        blocked=blocked,
        pictures=pictures,
    )
