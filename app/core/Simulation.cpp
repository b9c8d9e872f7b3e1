// The simulation's word bank and plans (see Simulation.h). The texts are written for this file:
// short B1 Dutch, as residents type at a kiosk.
#include "Simulation.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <string_view>

namespace buurtstem {

// [SECTION] Random numbers

std::uint64_t SimulationRandom::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::size_t SimulationRandom::below(std::size_t n) {
    if (n == 0) return 0;
    return static_cast<std::size_t>(next() % n);  // the bias is far below anything a plan shows
}

int SimulationRandom::between(int low, int high) {
    if (high <= low) return low;
    return low + static_cast<int>(below(static_cast<std::size_t>(high - low) + 1));
}

bool SimulationRandom::percent(int chance) { return static_cast<int>(below(100)) < chance; }

namespace {

// One stream per part of the plan, so asking for more ballots leaves the ideas as they were.
enum class Stream : std::uint64_t { Neighbourhood = 1, Ideas, Initiatives, Supports, Pulses, Needs, Round, Ballots };

SimulationRandom streamFor(std::uint64_t seed, Stream stream) {
    SimulationRandom mixer(seed ^ (static_cast<std::uint64_t>(stream) * 0xD1B54A32D192ED03ULL));
    return SimulationRandom(mixer.next());
}

template <typename T, std::size_t N>
const T& pick(SimulationRandom& random, const std::array<T, N>& items) {
    return items[random.below(N)];
}

// A uniform double in [0, 1) from the top 53 bits: the same on every IEEE machine.
double unit(SimulationRandom& random) { return static_cast<double>(random.next() >> 11) * 0x1.0p-53; }

// [SECTION] Word bank

struct ThemeWords {
    Theme theme;
    std::array<std::string_view, 8> wishes;     // titles
    std::array<std::string_view, 5> problems;   // the first sentence of a body
    std::array<std::string_view, 5> proposals;  // the second
};

constexpr std::array<ThemeWords, 8> kThemeWords = {{
    {Theme::Meeting,
     {"Een koffieochtend voor buren", "Een buurtbarbecue in de zomer", "Een ontmoetingsplek voor jong en oud",
      "Een bankje om even te praten", "Een buurtkamer die vaker open is", "Samen eten met de buren",
      "Een taalcafé voor nieuwe buren", "Een burendag in het voorjaar"},
     {"Veel mensen in de straat kennen elkaar niet.", "Sinds het buurthuis dicht is, is er geen plek om elkaar te zien.",
      "Nieuwe bewoners weten niet waar ze terecht kunnen.", "Ouderen zitten vaak alleen thuis.",
      "Er is weinig te doen voor jong en oud samen."},
     {"Een vaste plek en een vast moment zou al veel helpen.", "Met een paar tafels en koffie kunnen we al beginnen.",
      "Iedereen is welkom, ook wie de taal nog leert.", "Een keer per maand is genoeg om te beginnen.",
      "De buurtkamer kan daarvoor gebruikt worden."}},
    {Theme::Care,
     {"Hulp bij boodschappen voor ouderen", "Een maatje voor wie alleen is", "Een spreekuur van de wijkverpleging",
      "Een klusdienst voor buren", "Een AED in de straat", "Hulp bij formulieren en brieven",
      "Een plek voor mantelzorgers", "Samen wandelen voor wie slecht ter been is"},
     {"Niet iedereen kan zelf naar de winkel.", "Veel ouderen weten niet waar ze hulp kunnen vragen.",
      "Mantelzorgers hebben het zwaar en weinig tijd voor zichzelf.", "Brieven van instanties zijn vaak moeilijk te lezen.",
      "Bij een hartstilstand telt elke minuut."},
     {"Buren die tijd hebben, kunnen zich opgeven als vrijwilliger.", "Een briefje op het prikbord helpt al.",
      "Het wijkteam kan hierbij helpen.", "Eén middag per week is een goed begin.", "Een cursus voor buren zou mooi zijn."}},
    {Theme::LivingWell,
     {"Minder overlast van harde muziek", "Betere verlichting in de portiek", "Een schone en nette hal",
      "Meer rust op het plein in de avond", "Goede afspraken over het grofvuil", "Een buurtapp voor de straat",
      "Een mooie entree van de flat", "Minder vocht en schimmel in de woningen"},
     {"Het is vaak laat op de avond nog erg lawaaiig.", "De lampen in de portiek zijn al weken kapot.",
      "Er blijft veel rommel in de gang staan.", "Veel woningen hebben last van vocht.",
      "Buren weten niet goed wat de regels zijn."},
     {"Laten we samen met de woningcorporatie afspraken maken.", "Een briefje met de afspraken in elke brievenbus helpt.",
      "De corporatie moet dit snel oplossen.", "Een gesprek met alle buren zou goed zijn.",
      "Met een paar lampen is het al veel beter."}},
    {Theme::Green,
     {"Meer bomen in de straat", "Geveltuintjes voor de huizen", "Bloembakken op het plein", "Een moestuin voor de buurt",
      "Een pluktuin met fruit", "Minder tegels en meer groen", "Een insectenhotel in het park",
      "Een groen dak op de fietsenstalling"},
     {"In de zomer wordt het erg heet tussen de stenen.", "Er is bijna geen groen in onze straat.",
      "Bij hevige regen staat de straat vaak blank.", "Kinderen weten niet meer waar groente vandaan komt.",
      "Bijen en vlinders vinden hier weinig bloemen."},
     {"Buren willen best helpen met water geven.", "De gemeente kan tegels weghalen en planten leveren.",
      "Een paar bakken met aarde is genoeg om te beginnen.", "Scholen in de buurt kunnen meedoen.",
      "Samen planten is ook gezellig."}},
    {Theme::Play,
     {"Een nieuwe schommel in de speeltuin", "Een voetbalveldje met doeltjes", "Een zandbak met een dak",
      "Een speelplek voor kleine kinderen", "Een basketbalveld voor jongeren", "Een trapveldje zonder hondenpoep",
      "Speeltoestellen voor kinderen in een rolstoel", "Een waterpomp om mee te spelen"},
     {"De speeltoestellen zijn oud en gaan kapot.", "Kinderen spelen nu op straat tussen de auto's.",
      "Voor jongeren is er niets te doen.", "Er ligt vaak glas en afval in de zandbak.",
      "Kinderen in een rolstoel kunnen nergens spelen."},
     {"Ouders willen helpen met opknappen.", "Een hek eromheen houdt de honden buiten.",
      "Laat de kinderen zelf meedenken over het ontwerp.", "Een bankje erbij is fijn voor de ouders.",
      "Het veldje achter de school is daar geschikt voor."}},
    {Theme::CleanSafe,
     {"Meer prullenbakken op straat", "Betere verlichting in het steegje", "Minder zwerfafval in het park",
      "Een veilige oversteekplaats", "Een camera bij de fietsenstalling", "Een opruimdag met de buurt",
      "Minder hondenpoep op de stoep", "Een vaste plek voor grofvuil"},
     {"In de avond is het er donker en voelt het onveilig.", "Er ligt veel afval naast de containers.",
      "Er worden vaak fietsen gestolen.", "De prullenbakken zitten altijd vol.", "Op de stoep ligt veel hondenpoep."},
     {"Een paar extra lampen maakt al veel verschil.", "Met een grijper en vuilniszakken kunnen buren zelf helpen.",
      "De gemeente kan vaker legen.", "Een bordje met de regels helpt ook.",
      "Samen met de wijkagent kunnen we kijken wat nodig is."}},
    {Theme::Traffic,
     {"Een drempel tegen hard rijden", "Een veilige fietsroute naar school", "Meer plekken om fietsen te stallen",
      "Minder vrachtwagens door de straat", "Een zebrapad bij de school", "Een bushalte met een bankje",
      "Een 30-kilometerzone in de wijk", "Een laadpaal voor elektrische auto's"},
     {"Auto's rijden veel te hard door de straat.", "Kinderen moeten langs een drukke weg naar school.",
      "Fietsen staan overal op de stoep.", "Ouderen kunnen niet zitten als ze op de bus wachten.",
      "Het is in de ochtend erg druk bij de school."},
     {"Een drempel of een bord kan al helpen.", "De gemeente kan de weg anders inrichten.",
      "Een overdekte stalling houdt de stoep vrij.", "Een klaar-over bij de school zou goed zijn.",
      "Laat de buurt meedenken over de oplossing."}},
    {Theme::Other,
     {"Een buurtkrant op papier", "Een ruilkast voor boeken", "Een gratis wifi-plek", "Een prikbord bij de supermarkt",
      "Een buurtfeest voor alle culturen", "Een repaircafé in de buurt", "Een gereedschapsschuur om te lenen",
      "Muziek in het park op zondag"},
     {"Niet iedereen zit op internet of in een app.", "Veel spullen worden weggegooid terwijl ze nog goed zijn.",
      "Er gebeurt veel in de buurt, maar niemand weet ervan.", "Niet iedereen kan een boor of ladder kopen.",
      "De buurt heeft veel talent dat we niet zien."},
     {"Vrijwilligers uit de buurt willen dit doen.", "Een kleine ruimte of kast is genoeg.",
      "Het kost weinig en het brengt mensen samen.", "Het buurthuis kan hierbij helpen.", "Laten we het een jaar proberen."}},
}};

// How often residents pick each theme, in kThemeWords order (of 100).
constexpr std::array<int, 8> kThemeShare = {18, 10, 14, 17, 13, 14, 9, 5};

constexpr std::array<std::string_view, 8> kClosings = {
    "Ik help graag mee.", "Veel buren denken er ook zo over.", "Dan wordt de buurt een stuk fijner.", "Wie doet er mee?",
    "Ik woon hier al twintig jaar en zie het steeds vaker.", "Mijn kinderen zouden er blij mee zijn.",
    "Dank voor het lezen.", "Ik hoop dat het lukt."};

constexpr std::array<std::string_view, 16> kFirstNames = {"Anna",  "Jan",   "Fatma",   "Mohamed", "Sanne", "Kees",
                                                          "Olena", "Piotr", "Noor",    "Emre",    "Priya", "Daan",
                                                          "Ingrid", "Youssef", "Marieke", "Tomasz"};
constexpr std::array<std::string_view, 12> kLastNames = {"de Vries", "Jansen", "Yılmaz", "El Amrani", "Bakker", "Kowalski",
                                                         "Visser",   "Bos",    "Öztürk", "Smit",      "Meijer", "Mulder"};

// Tree names: Dutch neighbourhoods are often named after them.
constexpr std::array<std::string_view, 12> kTrees = {"Kastanje", "Linden",  "Eiken",     "Beuken",   "Esdoorn", "Wilgen",
                                                     "Berken",   "Iepen",   "Platanen",  "Populieren", "Meidoorn", "Vlier"};
constexpr std::array<std::string_view, 4> kNeighbourhoodEndings = {"buurt", "wijk", "kwartier", "hof"};
// "{}" is a tree name; the first place is the neighbourhood's square.
constexpr std::array<std::string_view, 10> kPlaceTemplates = {
    "{}plein",           "Speeltuin {}laan", "Buurthuis De {}",    "Winkelcentrum {}hof",  "Bushalte {}weg",
    "Sportveld {}park",  "Basisschool De {}", "Flat {}straat",     "Parkje aan de {}singel", "Fietspad langs de {}gracht"};

struct InitiativeWords {
    Theme theme;
    std::string_view title;
    std::string_view body;
    std::array<std::string_view, 2> when;
    std::vector<Audience> audience;
    struct Line {
        std::string_view description;
        int minEuro;
        int maxEuro;
    };
    std::vector<Line> lines;
    std::string_view ownInKind;
    std::vector<Partner> partners;
};

const std::vector<InitiativeWords>& initiativeWords() {
    static const std::vector<InitiativeWords> words = {
        {Theme::Meeting, "Buurtbarbecue in de zomer",
         "Wij organiseren een barbecue voor de hele straat. Iedereen neemt iets mee en wij zorgen voor eten en drinken.",
         {"zaterdag 5 juli", "een zaterdag in juli"}, {Audience::Everyone},
         {{"Vlees en groente", 200, 600}, {"Huur barbecue en tafels", 100, 300}, {"Drinken", 80, 200}},
         "Wij bakken taarten en zetten alles klaar.", {Partner::TenantsOrganisation}},
        {Theme::Meeting, "Koffieochtend in de buurtkamer",
         "Elke week koffie en thee voor buren die elkaar willen leren kennen. Wie wil, kan ook een spelletje doen.",
         {"elke woensdagochtend", "elke dinsdag van 10 tot 12 uur"}, {Audience::Adults, Audience::Elderly},
         {{"Koffie, thee en koek", 150, 400}, {"Spelletjes", 30, 120}}, "Wij zetten de koffie en ruimen op.",
         {Partner::Welfare}},
        {Theme::Play, "Speelmiddag op het plein",
         "Een middag met spelletjes, een springkussen en limonade voor alle kinderen uit de buurt.",
         {"woensdagmiddag in de herfstvakantie", "de eerste woensdag van juni"}, {Audience::Children, Audience::Families},
         {{"Huur springkussen", 150, 350}, {"Limonade en fruit", 50, 150}, {"Prijsjes", 40, 120}},
         "Ouders helpen bij de spelletjes.", {Partner::School, Partner::Clubs}},
        {Theme::Green, "Geveltuintjes in de straat",
         "Samen met de buren maken wij geveltuintjes. De gemeente haalt de tegels weg, wij planten en geven water.",
         {"in het voorjaar", "zaterdag 12 april"}, {Audience::Everyone},
         {{"Planten en bollen", 200, 700}, {"Aarde en compost", 100, 300}, {"Gereedschap", 50, 200}},
         "Wij planten en geven water.", {Partner::Corporation, Partner::Municipality}},
        {Theme::Green, "Moestuinbakken bij de flat",
         "Wij bouwen vier moestuinbakken bij de flat. Bewoners kweken samen groente en kruiden.",
         {"vanaf april", "in mei"}, {Audience::Adults, Audience::Families},
         {{"Hout voor de bakken", 200, 600}, {"Aarde", 100, 300}, {"Zaden en plantjes", 40, 150}},
         "Wij timmeren de bakken zelf.", {Partner::Corporation}},
        {Theme::CleanSafe, "Opruimdag in de wijk",
         "Met buren en kinderen ruimen wij een ochtend het zwerfafval op. Daarna drinken we samen koffie.",
         {"zaterdag 21 maart", "elke eerste zaterdag van het seizoen"}, {Audience::Everyone},
         {{"Grijpers en vuilniszakken", 60, 200}, {"Koffie en broodjes", 80, 250}},
         "Wij nodigen de buren uit en ruimen mee op.", {Partner::Municipality}},
        {Theme::Care, "Boodschappenhulp voor ouderen",
         "Buren doen één keer per week boodschappen voor ouderen die dat zelf niet meer kunnen.",
         {"elke vrijdag", "elke maandagochtend"}, {Audience::Elderly},
         {{"Boodschappenkarren", 60, 200}, {"Flyers en posters", 40, 150}}, "Wij doen de boodschappen zelf.",
         {Partner::Welfare}},
        {Theme::Meeting, "Buurtmaaltijd voor alle culturen",
         "Buren koken gerechten uit hun eigen land en eten samen in het buurthuis.",
         {"de laatste vrijdag van de maand", "zondag 14 september"}, {Audience::Everyone},
         {{"Boodschappen", 200, 600}, {"Huur van de zaal", 100, 300}, {"Borden en bestek", 50, 150}}, "Wij koken zelf.",
         {Partner::Welfare, Partner::Clubs}},
        {Theme::Traffic, "Fietsles voor volwassenen",
         "Veel volwassenen in de buurt hebben nooit leren fietsen. Wij geven les op het schoolplein.",
         {"elke zaterdagochtend in mei en juni", "in de zomer"}, {Audience::Adults},
         {{"Huur van fietsen", 200, 600}, {"Helmen en hesjes", 80, 250}}, "Wij geven de les.",
         {Partner::Municipality, Partner::School}},
        {Theme::Other, "Repaircafé in de buurtkamer",
         "Een keer per maand repareren buren samen kapotte spullen, zodat minder wordt weggegooid.",
         {"de eerste zaterdag van de maand", "elke tweede donderdag"}, {Audience::Everyone},
         {{"Gereedschap", 150, 500}, {"Koffie en thee", 50, 150}}, "Wij repareren en nemen eigen gereedschap mee.",
         {Partner::Clubs}},
        {Theme::Play, "Voetbaltoernooi voor jongeren",
         "Een toernooi op het trapveld voor jongeren uit de hele wijk, met een prijs voor het sportiefste team.",
         {"in de zomervakantie", "zaterdag 28 juni"}, {Audience::YoungPeople},
         {{"Ballen en hesjes", 80, 250}, {"Bekers en prijzen", 50, 200}, {"Drinken en fruit", 50, 150}},
         "Wij zijn scheidsrechter en maken het schema.", {Partner::Clubs}},
        {Theme::LivingWell, "Lampjes en verf voor de portiek",
         "Wij hangen samen met de corporatie lampjes op in de portiek en maken de hal schoon en gezellig.",
         {"voor de winter", "in oktober"}, {Audience::Everyone},
         {{"Lampen", 100, 400}, {"Verf en kwasten", 80, 250}}, "Wij verven de hal zelf.",
         {Partner::Corporation, Partner::TenantsOrganisation}},
    };
    return words;
}

constexpr std::array<std::array<std::string_view, 3>, 3> kNeedNotes = {{
    {"Een koffieochtend op zaterdag", "Iets met muziek", "Samen koken"},
    {"Iemand die af en toe langskomt", "Hulp met de computer", "Vervoer naar de dokter"},
    {"Minder lawaai", "Meer groen voor de deur", "Een schone hal"},
}};

std::string fill(std::string_view pattern, std::string_view word) {
    std::string text(pattern);
    if (const std::size_t at = text.find("{}"); at != std::string::npos) text.replace(at, 2, word);
    return text;
}

const ThemeWords& pickTheme(SimulationRandom& random) {
    int roll = random.between(0, std::accumulate(kThemeShare.begin(), kThemeShare.end(), 0) - 1);
    for (std::size_t i = 0; i < kThemeShare.size(); ++i) {
        if (roll < kThemeShare[i]) return kThemeWords[i];
        roll -= kThemeShare[i];
    }
    return kThemeWords.back();
}

std::string pickPlace(SimulationRandom& random, const std::vector<std::string>& places, int chance) {
    if (places.empty() || !random.percent(chance)) return "";
    return places[random.below(places.size())];
}

// A title with its place when it still fits on the idea's line.
std::string titleAt(std::string_view title, const std::string& place) {
    std::string text(title);
    if (!place.empty() && text.size() + place.size() + 5 <= kIdeaTitleMax) text += " bij " + place;
    return text;
}

void addContact(SimulationRandom& random, IdeaDraft& draft) {
    const std::string_view first = pick(random, kFirstNames);
    draft.contactName = std::string(first) + " " + std::string(pick(random, kLastNames));
    if (random.percent(60)) {
        draft.contactAddress = "06-" + std::to_string(random.between(10'000'000, 99'999'999));
    } else {
        std::string local(first);
        std::transform(local.begin(), local.end(), local.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
        draft.contactAddress = local + std::to_string(random.between(1, 99)) + "@voorbeeld.nl";
    }
    draft.contactConsent = true;
}

IdeaDraft planIdea(SimulationRandom& random, const std::vector<std::string>& places) {
    const ThemeWords& words = pickTheme(random);
    IdeaDraft draft;
    draft.theme = words.theme;
    draft.themeChosen = true;
    draft.place = pickPlace(random, places, 60);
    draft.title = titleAt(pick(random, words.wishes), draft.place);
    draft.body = std::string(pick(random, words.problems)) + " " + std::string(pick(random, words.proposals));
    if (random.percent(50)) draft.body += " " + std::string(pick(random, kClosings));
    if (random.percent(15)) addContact(random, draft);
    return draft;
}

InitiativeDraft planInitiative(SimulationRandom& random, const std::vector<std::string>& places, std::int64_t maximumCents) {
    const std::vector<InitiativeWords>& bank = initiativeWords();
    const InitiativeWords& words = bank[random.below(bank.size())];
    InitiativeDraft draft;
    draft.idea.theme = words.theme;
    draft.idea.themeChosen = true;
    draft.idea.place = pickPlace(random, places, 40);
    draft.idea.title = titleAt(words.title, draft.idea.place);
    draft.idea.body = std::string(words.body);
    addContact(random, draft.idea);
    draft.plan.when = std::string(words.when[random.below(words.when.size())]);
    draft.plan.audience = words.audience;
    draft.plan.helpers = random.between(0, 12);
    for (const InitiativeWords::Line& line : words.lines) {
        // Whole euros in steps of 5, as people write a budget.
        const std::int64_t cents = std::int64_t{random.between(line.minEuro / 5, line.maxEuro / 5)} * 500;
        draft.plan.budget.push_back({std::string(line.description), cents});
    }
    // A kiosk may have a lower maximum than the bank's sums: drop lines, then shorten the last one.
    while (draft.plan.budget.size() > 1 && budgetTotalCents(draft.plan) > maximumCents) draft.plan.budget.pop_back();
    if (budgetTotalCents(draft.plan) > maximumCents) draft.plan.budget.front().amountCents = maximumCents;
    if (random.percent(40)) draft.plan.ownMoneyCents = std::int64_t{random.between(1, 20)} * 500;
    draft.plan.ownInKind = std::string(words.ownInKind);
    draft.plan.partners = words.partners;
    return draft;
}

// Zipf-like weights 1/(rank + 1) over a seeded order: a few targets get most of the taps.
std::vector<double> popularity(SimulationRandom& random, std::size_t count) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    std::vector<double> weights(count);
    for (std::size_t rank = 0; rank < count; ++rank) weights[order[rank]] = 1.0 / static_cast<double>(rank + 1);
    return weights;
}

// One index by weight; those whose weight is 0 are never drawn. `total` = the weights' sum, > 0.
std::size_t drawWeighted(SimulationRandom& random, const std::vector<double>& weights, double total) {
    double roll = unit(random) * total;
    std::size_t last = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0) continue;
        last = i;
        if (roll < weights[i]) return i;
        roll -= weights[i];
    }
    return last;  // rounding at the very end
}

PulseDraft planPulse(SimulationRandom& random, const std::array<int, kPulseAspectCount>& mood) {
    PulseDraft draft;
    for (std::size_t aspect = 0; aspect < kPulseAspectCount; ++aspect) {
        if (random.percent(10)) continue;  // the resident leaves this line open
        // Mostly the neighbourhood's mood for this aspect, sometimes a face or two either way.
        constexpr std::array<int, 5> kOffsets = {-2, -1, 0, 1, 2};
        constexpr std::array<int, 5> kShare = {5, 20, 45, 20, 10};
        int roll = random.between(0, 99);
        int offset = 0;
        for (std::size_t i = 0; i < kShare.size(); ++i) {
            if (roll < kShare[i]) {
                offset = kOffsets[i];
                break;
            }
            roll -= kShare[i];
        }
        draft.scores[aspect] = std::clamp(mood[aspect] + offset, kPulseScoreMin, kPulseScoreMax);
    }
    if (answeredCount(draft) == 0) draft.scores[random.below(kPulseAspectCount)] = mood[0];
    return draft;
}

MeetingNeedDraft planNeed(SimulationRandom& random) {
    MeetingNeedDraft draft;
    for (NeedGroup group : kAllNeedGroups) {
        const std::size_t options = needOptions(group).size();
        if (group == NeedGroup::Interpreter) {
            if (random.percent(12)) draft.toggle(group, random.below(options));
            continue;
        }
        for (std::size_t option = 0; option < options; ++option)
            if (random.percent(group == NeedGroup::Help ? 10 : 25)) draft.toggle(group, option);
    }
    for (std::size_t question = 0; question < kNeedQuestions.size(); ++question)
        if (random.percent(8)) draft.notes[question] = std::string(pick(random, kNeedNotes[question]));
    if (answeredCount(draft) == 0) draft.toggle(NeedGroup::Times, random.below(needOptions(NeedGroup::Times).size()));
    return draft;
}

}  // namespace

// [SECTION] Plans

SimulatedNeighbourhood simulatedNeighbourhood(std::uint64_t seed) {
    SimulationRandom random = streamFor(seed, Stream::Neighbourhood);
    SimulatedNeighbourhood neighbourhood;
    std::array<std::size_t, kTrees.size()> trees{};
    std::iota(trees.begin(), trees.end(), std::size_t{0});
    for (std::size_t i = trees.size(); i > 1; --i) std::swap(trees[i - 1], trees[random.below(i)]);
    neighbourhood.name = std::string(kTrees[trees[0]]) + std::string(pick(random, kNeighbourhoodEndings));
    std::array<std::size_t, kPlaceTemplates.size()> templates{};
    std::iota(templates.begin(), templates.end(), std::size_t{0});
    for (std::size_t i = templates.size(); i > 2; --i) std::swap(templates[i - 1], templates[1 + random.below(i - 1)]);
    const std::size_t count = static_cast<std::size_t>(random.between(6, 8));
    for (std::size_t i = 0; i < count; ++i) {
        // The square carries the neighbourhood's tree; other places are named after streets nearby.
        const std::string_view tree = kTrees[trees[i == 0 ? 0 : 1 + random.below(trees.size() - 1)]];
        std::string place = fill(kPlaceTemplates[templates[i]], tree);
        if (std::find(neighbourhood.places.begin(), neighbourhood.places.end(), place) == neighbourhood.places.end())
            neighbourhood.places.push_back(std::move(place));
    }
    return neighbourhood;
}

std::size_t ResidentPlan::supportTargets() const {
    std::size_t targets = existingTargets;
    for (const SimulatedIdea& idea : ideas) targets += idea.approved ? 1 : 0;
    for (const SimulatedInitiative& initiative : initiatives) targets += initiative.approved ? 1 : 0;
    return targets;
}

Result<ResidentPlan> planResidents(const ResidentPlanRequest& request) {
    ResidentPlan plan;
    plan.existingTargets = request.existingTargets;
    SimulationRandom ideas = streamFor(request.seed, Stream::Ideas);
    plan.ideas.reserve(request.counts.ideas);
    for (std::size_t i = 0; i < request.counts.ideas; ++i) {
        SimulatedIdea idea;
        idea.draft = planIdea(ideas, request.places);
        idea.approved = ideas.percent(85);
        plan.ideas.push_back(std::move(idea));
    }
    SimulationRandom initiatives = streamFor(request.seed, Stream::Initiatives);
    plan.initiatives.reserve(request.counts.initiatives);
    for (std::size_t i = 0; i < request.counts.initiatives; ++i) {
        SimulatedInitiative initiative;
        initiative.draft = planInitiative(initiatives, request.places, request.initiativeMaximumCents);
        initiative.approved = initiatives.percent(80);
        plan.initiatives.push_back(std::move(initiative));
    }

    const std::size_t targets = plan.supportTargets();
    if (request.counts.supports > 0 && targets == 0)
        return makeError(ErrorCode::InvalidInput, "there is no approved idea to support: ask for ideas or initiatives too");
    if (request.counts.supports > 0) {
        SimulationRandom supports = streamFor(request.seed, Stream::Supports);
        const std::vector<double> weights = popularity(supports, targets);
        const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
        plan.supports.reserve(request.counts.supports);
        for (std::size_t i = 0; i < request.counts.supports; ++i) plan.supports.push_back(drawWeighted(supports, weights, total));
    }

    SimulationRandom pulses = streamFor(request.seed, Stream::Pulses);
    std::array<int, kPulseAspectCount> mood{};
    for (int& aspect : mood) aspect = pulses.between(2, 4);
    plan.pulses.reserve(request.counts.pulses);
    for (std::size_t i = 0; i < request.counts.pulses; ++i) plan.pulses.push_back(planPulse(pulses, mood));

    SimulationRandom needs = streamFor(request.seed, Stream::Needs);
    plan.needs.reserve(request.counts.needs);
    for (std::size_t i = 0; i < request.counts.needs; ++i) plan.needs.push_back(planNeed(needs));
    return plan;
}

Result<BudgetRound> planRound(std::uint64_t seed, const std::string& neighbourhood, const std::vector<Idea>& candidates,
                              BallotType ballot, std::uint64_t nowMs) {
    if (candidates.empty())
        return makeError(ErrorCode::InvalidInput, "a round needs projects: there is no approved idea or initiative to put on it");
    std::vector<const Idea*> chosen;
    for (const Idea& idea : candidates) chosen.push_back(&idea);
    // The ids are random; what decides the order is what residents see.
    std::stable_sort(chosen.begin(), chosen.end(), [](const Idea* a, const Idea* b) {
        if (a->supports != b->supports) return a->supports > b->supports;
        if (a->title != b->title) return a->title < b->title;
        if (a->body != b->body) return a->body < b->body;
        return a->kind == IdeaKind::Initiative && b->kind != IdeaKind::Initiative;
    });
    if (chosen.size() > 8) chosen.resize(8);

    SimulationRandom random = streamFor(seed, Stream::Round);
    BudgetRound round;
    const std::string name = "Buurtbudget " + neighbourhood;
    round.name = neighbourhood.empty() || name.size() > kRoundNameMax ? "Buurtbudget" : name;
    round.ballot = ballot;
    std::int64_t sum = 0;
    std::int64_t dearest = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const Idea& idea = *chosen[i];
        RoundProject project;
        project.id = "p" + std::to_string(i + 1);
        project.title = idea.title;
        project.summary = idea.body.substr(0, idea.body.find(". ") == std::string::npos ? idea.body.size() : idea.body.find(". ") + 1);
        project.theme = idea.theme;
        if (idea.kind == IdeaKind::Initiative) project.ideaId = idea.id;
        // Ideas have no price yet: the office's estimate, 1,000 to 15,000 euros in steps of 50.
        project.costCents = idea.kind == IdeaKind::Initiative && idea.budgetCents > 0
                                ? idea.budgetCents
                                : std::int64_t{random.between(20, 300)} * 5'000;
        sum += project.costCents;
        dearest = std::max(dearest, project.costCents);
        round.projects.push_back(std::move(project));
    }
    // Roughly half of what is asked for, in whole thousands of euros; every single project fits.
    round.budgetCents = std::max(dearest, std::max<std::int64_t>(sum * 45 / 100 / 100'000 * 100'000, 100'000));
    round.limits.maxChoices = 3;
    round.limits.totalPoints = 10;
    round.limits.maxPointsPerProject = 3;
    round.opensMs = nowMs - 60'000;
    round.closesMs = nowMs + 30ULL * 86'400'000;
    round.eligibility = Eligibility::VotingCodes;
    if (Result<void> valid = validateRound(round); !valid) return valid.error();
    return round;
}

Result<std::vector<BallotDraft>> planBallots(std::uint64_t seed, const BudgetRound& round, std::size_t count) {
    SimulationRandom random = streamFor(seed, Stream::Ballots);
    const std::size_t projects = round.projects.size();
    // The cheapest project: a budget ballot that chose nothing that fit takes this one.
    std::optional<std::uint32_t> cheapest;
    for (std::size_t p = 0; p < projects; ++p)
        if (round.projects[p].costCents <= round.budgetCents && (!cheapest || round.projects[p].costCents < round.projects[*cheapest].costCents))
            cheapest = static_cast<std::uint32_t>(p);
    if (count > 0 && projects == 0) return makeError(ErrorCode::InvalidInput, "the round has no projects to vote on");
    if (count > 0 && round.ballot == BallotType::Budget && !cheapest)
        return makeError(ErrorCode::InvalidInput, "no project of the round fits its budget: no budget ballot can be filled in");
    const std::vector<double> weights = popularity(random, projects);
    std::vector<BallotDraft> ballots;
    ballots.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        BallotDraft draft;
        std::vector<double> left = weights;  // drawn without replacement
        double total = std::accumulate(left.begin(), left.end(), 0.0);
        const auto take = [&]() {
            const std::size_t project = drawWeighted(random, left, total);
            total -= left[project];
            left[project] = 0;
            return static_cast<std::uint32_t>(project);
        };
        switch (round.ballot) {
            case BallotType::Approval:
            case BallotType::Ranking: {
                const int limit = round.limits.maxChoices > 0 ? round.limits.maxChoices : 5;
                const int wanted = random.between(1, std::min(limit, static_cast<int>(projects)));
                for (int n = 0; n < wanted; ++n) tapProject(round, draft, take());
                break;
            }
            case BallotType::Budget: {
                // Down the resident's own order of preference, whatever still fits; some stop early.
                const int looks = random.between(1, static_cast<int>(projects));
                for (int n = 0; n < looks; ++n) tapProject(round, draft, take());
                if (draft.projects.empty()) tapProject(round, draft, *cheapest);
                break;
            }
            case BallotType::Points: {
                const int most = std::min(round.limits.totalPoints,
                                          round.limits.maxPointsPerProject * static_cast<int>(projects));
                const int given = random.percent(70) ? most : random.between(1, most);
                for (int n = 0; n < given; ++n) {
                    // Only projects that can still take a point are drawn.
                    std::vector<double> open = weights;
                    double openTotal = 0;
                    for (std::size_t p = 0; p < projects; ++p) {
                        if (draft.pointsOn(static_cast<std::uint32_t>(p)) >= round.limits.maxPointsPerProject) open[p] = 0;
                        openTotal += open[p];
                    }
                    if (openTotal <= 0) break;
                    tapProject(round, draft, static_cast<std::uint32_t>(drawWeighted(random, open, openTotal)));
                }
                break;
            }
        }
        ballots.push_back(std::move(draft));
    }
    return ballots;
}

}  // namespace buurtstem
