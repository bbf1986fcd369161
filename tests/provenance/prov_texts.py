"""Articles written for these tests (invented town, people and figures)."""

ORIGINAL = """Drones strike fuel depot near Karvask.

A drone attack on a fuel depot near the border town of Karvask set three storage tanks on fire early on Tuesday, regional officials said.

Governor Anton Belyaev said two workers were injured and taken to hospital in Karvask.

Firefighters needed six hours to put out the blaze, the regional emergency service reported.

The defence ministry said its air defences shot down four drones over the Lorsk region during the night.

Kyiv has not commented on the attack, but it rarely comments on strikes inside Russia.

Karvask lies about 40 km from the border and has been shelled repeatedly since March.

Local residents posted videos showing a column of black smoke rising over the depot."""

# The same text with site chrome around it.
CHROME = """Home | World | Europe
Share this article on social media

""" + ORIGINAL + """

Related: Ten things to know about the war in the air
Sign up for our morning newsletter
Copyright 2024 Example Daily News. All rights reserved."""

# The same words with different case, spacing and punctuation.
DUPLICATE = ORIGINAL.upper().replace("\n\n", "\n   ").replace(",", " ,")

# Synonym-spun copy: same sentences, words swapped.
SPUN = """Drones hit fuel depot close to Karvask.

A drone assault on a fuel depot close to the frontier town of Karvask set three storage tanks ablaze early on Tuesday, regional authorities stated.

Governor Anton Belyaev stated two workers were wounded and taken to hospital in Karvask.

Firefighters required six hours to extinguish the fire, the regional emergency service announced.

The defence ministry stated its air defences downed four drones over the Lorsk area during the night.

Kyiv has not commented on the assault, but it seldom comments on attacks within Russia.

Karvask lies roughly 40 kilometres from the frontier and has been shelled repeatedly since March.

Local residents shared clips showing a column of black smoke rising above the depot."""

# Paraphrase: sentences reordered, merged and reworded.
PARAPHRASE = """Three fuel storage tanks caught fire near Karvask early on Tuesday after a drone attack on a depot in the border town, according to regional officials.
Two workers were injured in the attack and taken to hospital, Governor Anton Belyaev said.
It took firefighters six hours to put out the blaze at the depot, the regional emergency service said.
Residents posted videos of a column of black smoke rising over the fuel depot.
During the night, air defences shot down four drones over the Lorsk region, the defence ministry said.
Karvask, about 40 km from the border, has been shelled repeatedly since March.
Kyiv has not commented on the strike."""

# Another outlet's own report of the same event: same names and numbers, own sentences.
INDEPENDENT = """Ukrainian drones set fuel depot ablaze in Russia's Karvask, governor says.

Governor Anton Belyaev wrote on Telegram on Tuesday that two workers were hurt when drones struck the depot before dawn.

"Three tanks are burning, emergency crews are at the scene," Belyaev said in a video message.

Russian television showed fire engines lining the road to the facility as thick smoke drifted across the town.

Officials in the neighbouring Lorsk region reported four drones shot down overnight.

Ukraine's military intelligence declined to comment when contacted by our correspondent.

The depot supplies diesel to Russian units deployed across the border, analysts said, making it a frequent target."""

# A second pair: one event, two outlets, written independently.
REPORT_A = """Two civilians were killed when shells hit the centre of Dolinsk on Saturday, the city's mayor Irina Vasko said.
Vasko said a market and a bus stop were struck at around 10 am, and eleven people were wounded.
The regional prosecutor opened an investigation into the shelling, which Ukrainian officials blamed on Russian artillery.
Dolinsk, a city of 30,000 people, lies 15 km from the front line and is shelled almost daily.
Emergency workers were still clearing debris from the market in the afternoon."""

REPORT_B = """Russian shelling of Dolinsk killed two people and injured eleven on Saturday morning, according to local authorities.
Mayor Irina Vasko posted photographs of a burnt-out bus and damaged market stalls on her Facebook page.
"This is another deliberate strike on a peaceful city," she wrote, calling on residents to stay in shelters.
The front line runs about 15 km east of Dolinsk, whose pre-war population of 30,000 has halved.
Prosecutors said they were treating the attack as a war crime."""

# A French version of REPORT_A (written for these tests).
REPORT_A_FR = """Deux civils ont été tués samedi lorsque des obus ont frappé le centre de Dolinsk, a déclaré la maire Irina Vasko.
Selon Vasko, un marché et un arrêt de bus ont été touchés vers 10 heures, et onze personnes ont été blessées.
Le procureur régional a ouvert une enquête sur les bombardements, que les responsables ukrainiens attribuent à l'artillerie russe.
Dolinsk, une ville de 30 000 habitants, se trouve à 15 km de la ligne de front et est bombardée presque chaque jour.
Les secouristes dégageaient encore les décombres du marché dans l'après-midi."""
