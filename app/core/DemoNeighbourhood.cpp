// The ideas and initiatives of the demo neighbourhood, written the way residents of a rental-housing
// neighbourhood write them: short, concrete, in plain Dutch (B1).
#include "DemoNeighbourhood.h"

namespace buurtstem {

namespace {

IdeaDraft idea(Theme theme, std::string title, std::string body) {
    IdeaDraft draft;
    draft.theme = theme;
    draft.themeChosen = true;
    draft.title = std::move(title);
    draft.body = std::move(body);
    return draft;
}

InitiativeDraft initiative(Theme theme, std::string title, std::string body, std::string place) {
    InitiativeDraft draft;
    draft.idea = idea(theme, std::move(title), std::move(body));
    draft.idea.place = std::move(place);
    draft.idea.contactConsent = true;
    return draft;
}

// Euros to cents, so the amounts below read as a resident would write them.
constexpr std::int64_t euros(std::int64_t amount) { return amount * 100; }

// Residents who take an idea from the list into their own hands.
std::vector<InitiativeDraft> demoInitiatives() {
    std::vector<InitiativeDraft> initiatives;

    InitiativeDraft party = initiative(
        Theme::Meeting, "Zomerfeest op het Kastanjeplein",
        "Een middag feest voor de hele buurt op het plein. Met muziek, spelletjes voor de kinderen en een lange "
        "tafel waar iedereen iets neerzet uit de eigen keuken.",
        "Kastanjeplein");
    party.plan.when = "zaterdag 13 juni, van 14.00 tot 20.00 uur";
    party.plan.audience = {Audience::Children, Audience::Elderly, Audience::Families};
    party.plan.helpers = 8;
    party.plan.budget = {{"Springkussen en partytent huren", euros(650)},
                         {"Geluidsinstallatie", euros(250)},
                         {"Koffie, thee en limonade", euros(180)},
                         {"Vergunning en afvalzakken", euros(120)}};
    party.plan.ownMoneyCents = euros(150);
    party.plan.ownInKind = "Wij maken de hapjes, zetten de tafels neer en ruimen samen op.";
    party.plan.partners = {Partner::Corporation, Partner::Municipality, Partner::TenantsOrganisation};
    party.idea.contactName = "Ans de Wit";
    party.idea.contactAddress = "ans.dewit@example.nl";
    initiatives.push_back(std::move(party));

    InitiativeDraft repair = initiative(
        Theme::LivingWell, "Repair Café elke eerste zaterdag",
        "Vrijwilligers maken samen met buren kapotte spullen: fietsen, lampen, kleding en kleine apparaten. Je "
        "drinkt een kop koffie en leert het zelf ook.",
        "Buurtkamer");
    repair.plan.when = "elke eerste zaterdag van de maand, 10.00 tot 13.00 uur";
    repair.plan.audience = {Audience::Adults, Audience::Elderly};
    repair.plan.helpers = 5;
    repair.plan.budget = {{"Gereedschap en een soldeerbout", euros(480)},
                          {"Tweedehands naaimachine", euros(150)},
                          {"Onderdelen en klein materiaal", euros(300)}};
    repair.plan.ownInKind = "We nemen ons eigen gereedschap mee en geven onze tijd.";
    repair.plan.partners = {Partner::Welfare, Partner::Clubs};
    repair.idea.contactName = "Henk Bakker";
    repair.idea.contactAddress = "06-12345678";
    initiatives.push_back(std::move(repair));

    InitiativeDraft garden = initiative(
        Theme::Green, "Moestuinbakken voor de flats",
        "Op het grasveld achter flat C zetten we tien grote bakken. Buren zonder tuin kweken er samen groente en "
        "kruiden. De kinderen van de basisschool krijgen één bak.",
        "");
    garden.plan.when = "vanaf april, elke woensdagmiddag samen tuinieren";
    garden.plan.audience = {Audience::Children, Audience::Adults, Audience::Elderly};
    garden.plan.helpers = 6;
    garden.plan.budget = {{"Tien houten bakken", euros(1'400)},
                          {"Aarde en compost", euros(600)},
                          {"Zaden, plantjes en tuingereedschap", euros(350)},
                          {"Regenton en gieters", euros(120)}};
    garden.plan.ownMoneyCents = euros(100);
    garden.plan.ownInKind = "We timmeren de bakken zelf en geven in de zomer om de beurt water.";
    garden.plan.partners = {Partner::Corporation, Partner::Municipality, Partner::School};
    garden.idea.contactName = "Yusuf Demir";
    garden.idea.contactAddress = "+31 6 2345 6789";
    initiatives.push_back(std::move(garden));

    return initiatives;
}

DemoNeighbourhood makeDemo() {
    DemoNeighbourhood demo;
    demo.name = "Demo: De Kastanjebuurt";
    // Places a resident of this neighbourhood would name, short enough for a button.
    demo.places = {"Kastanjeplein",        "Speeltuin Eikenlaan", "Buurtkamer",       "Bushalte Lindenweg",
                   "Winkelcentrum Kastanjehof", "Park bij de vijver",  "Basisschool De Linde", "Fietspad langs het spoor"};
    // Where they are on the map (assets/maps/kastanjebuurt.svg), per mille of its width and height.
    demo.map = "kastanjebuurt.png";
    demo.positions = {{"Kastanjeplein", {550, 600}},          {"Speeltuin Eikenlaan", {420, 270}},
                      {"Buurtkamer", {780, 560}},             {"Bushalte Lindenweg", {420, 860}},
                      {"Winkelcentrum Kastanjehof", {850, 760}}, {"Park bij de vijver", {150, 280}},
                      {"Basisschool De Linde", {150, 700}},   {"Fietspad langs het spoor", {720, 110}}};
    demo.ideas = {
        // Ontmoeting
        idea(Theme::Meeting, "Buurtkamer ook op zondag open",
             "Op zondag is het stil en veel ouderen zijn dan alleen. Als de buurtkamer open is, kunnen we samen "
             "koffie drinken. Ik wil wel helpen met de sleutel."),
        idea(Theme::Meeting, "Koffieochtend voor ouderen",
             "Elke woensdag een koffieochtend in de buurtkamer. Met een spelletje of een praatje. Zo leer je je "
             "buren kennen."),
        idea(Theme::Meeting, "Straatfeest in de Kastanjestraat",
             "Eén keer per jaar een feest voor de hele straat. Iedereen neemt iets te eten mee uit zijn eigen "
             "land."),
        idea(Theme::Meeting, "Samen koken en eten",
             "Eens per maand koken we met buren uit verschillende landen. Daarna eten we samen aan een lange "
             "tafel."),
        idea(Theme::Meeting, "Taalcafé voor nieuwe buren",
             "Veel nieuwe buren willen beter Nederlands leren. Een vast uur in de week om te oefenen met "
             "vrijwilligers zou echt helpen."),
        // Zorg
        idea(Theme::Care, "Boodschappen doen voor wie slecht loopt",
             "Sommige buren komen de deur bijna niet uit. Een lijst met vrijwilligers die één keer per week "
             "boodschappen doen."),
        idea(Theme::Care, "Vast spreekuur van de wijkverpleging",
             "Eén ochtend per week een wijkverpleegkundige in het buurtcentrum. Dan hoef je niet te bellen of "
             "lang te wachten."),
        idea(Theme::Care, "Hulp bij brieven en formulieren",
             "Brieven van de gemeente of de Belastingdienst zijn vaak moeilijk. Een vrijwilliger die helpt, elke "
             "dinsdagmiddag."),
        idea(Theme::Care, "Maatjes voor mensen die alleen zijn",
             "Een buur die af en toe langskomt voor een praatje of een wandeling. Vooral voor mensen zonder "
             "familie in de buurt."),
        idea(Theme::Care, "AED aan de gevel van de flat",
             "De dichtstbijzijnde AED hangt bij de supermarkt, dat is te ver. Graag een AED bij de flat en een "
             "cursus reanimeren voor buren."),
        // Fijn wonen
        idea(Theme::LivingWell, "Repair Café in de buurtkamer",
             "Eén zaterdag per maand samen kapotte spullen maken: een fiets, een lamp, een broek. Dat is goed "
             "voor je portemonnee en voor het milieu."),
        idea(Theme::LivingWell, "Deelkast met gereedschap",
             "Niet iedereen heeft een boormachine of een ladder. Een kast in de berging waar je gereedschap kunt "
             "lenen."),
        idea(Theme::LivingWell, "Schimmel in de badkamers aanpakken",
             "In veel woningen in ons blok komt de schimmel steeds terug. Kan de corporatie alle badkamers "
             "laten nakijken?"),
        idea(Theme::LivingWell, "Lift in flat B sneller maken",
             "De lift staat vaak een week stil. Voor mensen met een rollator of kinderwagen is dat heel zwaar."),
        idea(Theme::LivingWell, "Energiecoach aan huis",
             "Veel buren hebben hoge energierekeningen. Een coach die thuis tips geeft en gratis tochtstrips "
             "meeneemt."),
        // Groen
        idea(Theme::Green, "Nieuwe bomen op het pleintje",
             "Het pleintje is in de zomer heel heet. Met een paar bomen erbij is er schaduw om te zitten."),
        idea(Theme::Green, "Moestuin achter de flat",
             "Het grasveld achter de flat wordt bijna niet gebruikt. Met bakken kunnen buren daar groente en "
             "kruiden kweken."),
        idea(Theme::Green, "Geveltuintjes in de straat",
             "Haal een paar tegels weg bij de voordeur en zet er planten in. De gemeente helpt vaak met aarde en "
             "planten."),
        idea(Theme::Green, "Bloemen voor de bijen",
             "Zaai wilde bloemen langs het fietspad in plaats van alleen gras. Dat is mooi en goed voor bijen en "
             "vlinders."),
        // Spelen
        idea(Theme::Play, "Bankje bij de speeltuin",
             "Ouders en opa's en oma's staan nu de hele tijd. Een bankje in de schaduw bij de speeltuin zou fijn "
             "zijn."),
        idea(Theme::Play, "Voetbalkooi opknappen",
             "Het net is kapot en de lijnen zijn weg. De jongeren willen zelf helpen met verven."),
        idea(Theme::Play, "Speelplek voor kleine kinderen",
             "Er is alleen een speeltuin voor grote kinderen. Kleintjes tot vier jaar hebben een zandbak en een "
             "lage glijbaan nodig."),
        idea(Theme::Play, "Huiswerkklas na school",
             "Veel kinderen hebben thuis geen rustige plek. Twee middagen per week huiswerk maken in de "
             "buurtkamer, met hulp."),
        idea(Theme::Play, "Zomeractiviteiten voor tieners",
             "In de zomervakantie vervelen de tieners zich. Een sporttoernooi of een filmavond op het plein."),
        // Schoon en veilig
        idea(Theme::CleanSafe, "Licht in de steeg achter de winkels",
             "Het steegje naar de garages is 's avonds helemaal donker. Ik loop er niet graag alleen."),
        idea(Theme::CleanSafe, "Meer afvalbakken bij het winkelcentrum",
             "Rond de snackbar ligt veel afval op straat. Een paar extra afvalbakken zouden helpen."),
        idea(Theme::CleanSafe, "Grofvuil bij de containers",
             "Bij de containers staan vaak oude matrassen en kasten. Kan er een vaste ophaaldag komen en een "
             "bord met uitleg?"),
        idea(Theme::CleanSafe, "Buurtschoonmaak met de kinderen",
             "Eén keer per maand samen zwerfafval prikken. De kinderen vinden het leuk en daarna is er "
             "limonade."),
        idea(Theme::CleanSafe, "Portiek beter afsluiten",
             "De voordeur van ons portiek gaat niet goed dicht. Er slapen soms mensen in het trappenhuis."),
        // Verkeer
        idea(Theme::Traffic, "Drempels in de Kastanjestraat",
             "Auto's rijden hier veel te hard, ook als de kinderen uit school komen. Graag een paar drempels."),
        idea(Theme::Traffic, "Zebrapad bij de basisschool",
             "Kinderen steken over tussen geparkeerde auto's. Een zebrapad met een klaar-over maakt het "
             "veiliger."),
        idea(Theme::Traffic, "Fietsenstalling bij flat C",
             "Fietsen staan overal in de gang en op de stoep. Een overdekte stalling met een slot zou veel "
             "schelen."),
        idea(Theme::Traffic, "Stoep vrij voor rolstoelen",
             "Op de stoep staan vaak kliko's en fietsen. Met een rolstoel of rollator kom je er niet langs."),
        // Iets anders
        idea(Theme::Other, "Bibliotheekkastje bij de bushalte",
             "Een kastje waar je een boek pakt en een ander boek terugzet. Ook met boeken in andere talen."),
        idea(Theme::Other, "Nieuwsbrief in meer talen",
             "De nieuwsbrief van de corporatie is alleen in het Nederlands. Veel buren lezen liever Turks, "
             "Arabisch of Pools."),
        idea(Theme::Other, "Wifi in de buurtkamer",
             "Niet iedereen heeft internet thuis. Met gratis wifi in de buurtkamer kun je daar je zaken regelen."),
    };
    demo.initiatives = demoInitiatives();
    demo.waitingIdeas = {
        idea(Theme::CleanSafe, "Lamp in het steegje bij de winkels",
             "Achter de winkels is het steegje 's avonds heel donker. Graag een lamp, dan durf ik er weer langs."),
        idea(Theme::CleanSafe, "Hondenpoep op het grasveld",
             "Die klootzak van nummer 12 laat zijn hond overal poepen. Graag borden en een paal met poepzakjes."),
    };
    InitiativeDraft library = initiative(
        Theme::Other, "Boekenruil in de hal van flat A",
        "Een kast met boeken in de hal waar iedereen een boek mag pakken of brengen. Met een hoek voor kinderboeken.", "");
    library.plan.when = "vanaf maart, altijd open";
    library.plan.audience = {Audience::Everyone};
    library.plan.helpers = 2;
    library.plan.budget = {{"Boekenkast en planken", euros(220)}, {"Bordje en stickers", euros(35)}};
    library.plan.ownInKind = "Wij zorgen voor de eerste boeken en houden de kast netjes.";
    library.plan.partners = {Partner::Corporation};
    library.idea.contactName = "Marieke Jansen";
    library.idea.contactAddress = "m.jansen@example.nl";
    demo.waitingInitiatives = {std::move(library)};
    return demo;
}

}  // namespace

const DemoNeighbourhood& demoNeighbourhood() {
    // Built once on first use; the screens and the store only read it.
    static const DemoNeighbourhood demo = makeDemo();
    return demo;
}

}  // namespace buurtstem
