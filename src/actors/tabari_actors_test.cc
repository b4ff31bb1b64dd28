#include "actors/tabari_actors.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dateline {
namespace {

std::string Ymd(const PartialDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

// "PHRASE|PHRASE: CODE<DATE CODE>DATE CODE DATE-DATE" for actors ("A..B" where
// other words may stand between A and B), "PHRASE|PHRASE: PREFIX~ ~SUFFIX" for
// agents; records separated by "; ".
std::string Describe(const std::vector<ConvertedActorEntry>& entries) {
  std::string out;
  for (const ConvertedActorEntry& e : entries) {
    if (!out.empty()) out += "; ";
    for (size_t i = 0; i < e.phrases.size(); ++i) {
      std::string p = e.phrases[i];
      for (size_t tab; (tab = p.find('\t')) != std::string::npos;)
        p.replace(tab, 1, "..");
      out += (i ? "|" : "") + p;
    }
    out += ":";
    for (const TabariCode& c : e.codes) {
      out += " ";
      if (c.codes.empty()) out += "---";
      for (size_t i = 0; i < c.codes.size(); ++i)
        out += (i ? "/" : "") + c.codes[i];
      if (c.from && c.to) {
        out += " " + Ymd(*c.from) + "-" + Ymd(*c.to);
      } else if (c.from) {
        out += ">" + Ymd(*c.from);
      } else if (c.to) {
        out += "<" + Ymd(*c.to);
      }
    }
    if (!e.prefix_sectors.empty()) {
      out += " ";
      for (const std::string& s : e.prefix_sectors) out += s;
      out += "~";
    }
    if (!e.sectors.empty()) {
      out += " ~";
      for (const std::string& s : e.sectors) out += s;
    }
  }
  return out;
}

struct GoodCase {
  const char* text;
  const char* expected;
};

TEST(TabariActorsTest, ReadsActorLinesAsShipped) {
  const std::vector<GoodCase> cases = {
      {"GONDOR [GON]\n+MINAS_TIRITH\n+ANORIEN\n",
       "GONDOR|MINAS TIRITH|ANORIEN: GON"},
      // Name alone, synonyms, then indented code lines with spaces around < -
      // >.
      {"GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - "
       "19990815]\n#\t[950601-990815]\n"
       "\t[HOBREB > 990816]\n\t\nGONDOR [GON]\n",
       "GOLLUM|SMEAGOL: HOB<19950601 HOBGOV 19950601-19990815 HOBREB>19990816; "
       "GONDOR: GON"},
      {"THE_SHIRE  [FRO/BIL/SAM]\n", "THE SHIRE: FRO/BIL/SAM"},
      {"BOROMIR  [---]\nISILDUR  [+++]\n", "BOROMIR: ---; ISILDUR: ---"},
      {"PALESTINIAN [pse]\n", "PALESTINIAN: PSE"},
      {"VIRGILIO_ FONTES_PEREIRA_ [AGOGOV]\n",
       "VIRGILIO..FONTES PEREIRA: AGOGOV"},
      {"ARNOR_  [ARN]\nHAMAS WING [PSEHMSBRD]\nGROUP OF 77  [G77]\n",
       "ARNOR: ARN; HAMAS..WING: PSEHMSBRD; GROUP..OF..77: G77"},
      {"JAMES_BYRNES_  ; CountryInfo.txt\n    [USAELI 18970101-450703]\n    "
       "[USAGOV 450703-470121]\n",
       "JAMES BYRNES: USAELI 18970101-19450703 USAGOV 19450703-19470121"},
      {"A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000\n",
       "A.H. BELO CORPORATION: MNCMED"},
      {"HAMID_KARZAI_  [AFGMIL]; CountryInfo.txt\n+BABRAK_KARMAL_  ; "
       "CountryInfo.txt\n",
       "HAMID KARZAI|BABRAK KARMAL: AFGMIL"},
      {"NORTH_YEMEN  [YEMNO] #JW   9/10/91\n", "NORTH YEMEN: YEMNO"},
      {"<!-- a -->\n<! -- b -->\n<!-- \n#  note\nJUNK [[[\n# -->\nA [B12]\n",
       "A: B12"},
      {"INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_\t\n+INTERPOL\n\t[IGOCOPITP]"
       "\t# Interpol\n",
       "INTERNATIONAL CRIMINAL POLICE ORGANIZATION|INTERPOL: IGOCOPITP"},
      {"U.S.S.R\n+USSR  \n\t[USR <911226] \nUAE  [UAE]\n",
       "U.S.S.R|USSR: USR<19911226; UAE: UAE"},
      {"JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]\n",
       "JAVIER DE CUELLAR: IGOUNO 19820101-19911231 ELI"},
      {"PRINCE OF DOL AMROTH  \n\t[--- <950630] \n\t[DOL]\n",
       "PRINCE..OF..DOL..AMROTH: ---<19950630 DOL"},
      {"LIAMINE_ZROUAL_  \nENT  \n\t[ENT]\n", "LIAMINE ZROUAL:; ENT: ENT"},
      // Two-digit years: 00-30 are 2000-2030, 31-99 1931-1999.
      {"X\n\t[A >120106]\n\t[B <300101]\n\t[C <310101]\n",
       "X: A>20120106 B<20300101 C<19310101"},
      {"X [A 19820101]\n\t[B >201005011]\n\t[C 9008223-1920030320]\n",
       "X: A>19820101 B>20100501 C 19900822-19200303"},
      {"B._LYNN_PASCOE_\t[USAGOV 981022-010811] [IGOUNO  >070201]\n",
       "B. LYNN PASCOE: USAGOV 19981022-20010811 IGOUNO>20070201"},
      {"+FAEROYENE]_ \n",
       nullptr},  // a synonym before any entry: see the bad cases
      {"PEOPLE'S_REVOLUTIONARY_ARMY_(COLOMBIA)_ [KKLREB] "
       "\nNEW_RED_BRIGADES/COMMUNIST_PARTY_ [ITAREB]\n",
       "PEOPLE'S REVOLUTIONARY ARMY (COLOMBIA): KKLREB; NEW RED "
       "BRIGADES/COMMUNIST PARTY: ITAREB"},
  };
  for (const GoodCase& c : cases) {
    if (!c.expected) continue;
    auto entries = ParseTabariActors(c.text, "good.actors", false);
    ASSERT_TRUE(entries.ok()) << c.text << "\n" << entries.error().ToString();
    EXPECT_EQ(Describe(*entries), c.expected) << c.text;
  }
}

TEST(TabariActorsTest, ReadsAgentLinesAsShipped) {
  const std::vector<GoodCase> cases = {
      {"!PERSON! = MAN, MEN, WOMAN\nCONGRESS!PERSON! [~LEG}\n",
       "CONGRESSMAN|CONGRESSMEN|CONGRESSWOMAN: ~LEG"},
      {"!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS "
       "[~GOV]\nFOREIGN_!MINST! [~GOV]\n",
       "MINISTER OF SILLY WALKS|MINISTRY OF SILLY WALKS: ~GOV; FOREIGN "
       "MINISTER|FOREIGN MINISTRY: ~GOV"},
      // Regular plurals: S, IES after a consonant + Y, ES after S, SH, CH, X,
      // Z.
      {"CONGRESS [~LEG]\nAUTHORITY [~GOV]\nATTORNEY [~JUD]\nCHURCH "
       "[~REL]\nTAX_BOX [~BUS]\nCLERIC  [~REL]\n",
       "CONGRESS|CONGRESSES: ~LEG; AUTHORITY|AUTHORITIES: ~GOV; "
       "ATTORNEY|ATTORNEYS: ~JUD; "
       "CHURCH|CHURCHES: ~REL; TAX BOX|TAX BOXES: ~BUS; CLERIC|CLERICS: ~REL"},
      {"POLICE {} [ ~COP] # JON\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMINISTRY_ "
       " [~GOV]\n",
       "POLICE: ~COP; GOLDEN GOOSE|GOLDEN GEESE: ~GGS; MINISTRY: ~GOV"},
      {"HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\nFOREIGN_MINISTER "
       "[~GOVFRM]\nSECURITY SERVICE [~GOV]\n",
       "HUMAN RIGHTS ORGANIZATION|HUMAN RIGHTS ORGANIZATIONS: NGO~; FOREIGN "
       "MINISTER|FOREIGN MINISTERS: ~GOVFRM; "
       "SECURITY..SERVICE|SECURITY..SERVICES: ~GOV"},
      {"WARDEN [~COP]\n+GUARD\nISLAMIC_EXTREMIST\n+ZEALOT\nMUSLIM [~MUS]\n",
       "WARDEN|WARDENS|GUARD|GUARDS: ~COP; MUSLIM|MUSLIMS: ~MUS"},
      {"<!-- PETRARCH VALIDATION SUITE AGENTS DICTIONARY -->\nMARSHAL "
       "[GOVMIL~]\n",
       "MARSHAL|MARSHALS: GOVMIL~"},
      {"1ST_LT. [~MIL]\n", "1ST LT.: ~MIL"},  // no plural after a non-letter
  };
  for (const GoodCase& c : cases) {
    auto entries = ParseTabariActors(c.text, "good.agents", true);
    ASSERT_TRUE(entries.ok()) << c.text << "\n" << entries.error().ToString();
    EXPECT_EQ(Describe(*entries), c.expected) << c.text;
  }
}

TEST(TabariActorsTest, BadLinesNameFileLineAndProblem) {
  struct Case {
    const char* text;
    bool agents;
    int line;
    const char* problem;
  };
  const std::vector<Case> cases = {
      {"+SYNONYM\n", false, 1, "before any entry"},
      {"+FAEROYENE]_ \n", false, 1, "before any entry"},
      {"# c\n\t[ABC]\n", false, 2, "code line before any actor"},
      {"A [USAGOV >2009]\n", false, 1, "date restriction"},
      {"A [USAGOV >19951301]\n", false, 1, "date restriction"},
      {"A [USAGOV 95010]\n", false, 1, "date restriction"},
      {"A [USAGOV 950101-]\n", false, 1, "date restriction"},
      {"A\n\t[950601-990815]\n", false, 2, "is no code"},
      {"A\n\t[AAA950601-990815]\n", false, 2, "a space must separate"},
      {"A [US$]\n", false, 1, "letters, digits"},
      {"A [USA/]\n", false, 1, "letters, digits"},
      {"A [USA\n", false, 1, "without \"]\""},
      {"A [USA] B [GBR]\n", false, 1, "expected \"[\""},
      {"A [USA] B]\n", false, 1, "expected \"[\""},
      {"A [ ]\n", false, 1, "needs a code"},
      {"A [USA]\n+B [GBR]\n", false, 2, "takes no code"},
      {"A {B} [USA]\n", false, 1, "agent dictionaries"},
      {"ok [A]\n<!-- open\nA [B]\n", false, 2, "not closed"},
      {"\nA [~GOV 20090101-20100101]\n", true, 2, "no dates"},
      {"A [~G$V]\n", true, 1, "an agent code"},
      {"A [~]\n", true, 1, "an agent code"},
      {"A {B [~GOV]\n", true, 1, "\"{\" without \"}\""},
      {"!X! = \n", true, 1, "lists no words"},
      {"!X = A, B\n", true, 1, "substitution set is"},
      {"FOO!UNDEF! [~GOV]\n", true, 1, "undefined substitution set !UNDEF!"},
      {"!A! = B, C, D, E, F, G, H, I\nX!A!!A!!A!!A! [~GOV]\n", true, 2,
       "more than 1000 phrases"},
      {"+X\n", true, 1, "before any entry"},
      {"[~GOV]\n", true, 1, "an agent line is"},
  };
  for (const Case& c : cases) {
    auto entries = ParseTabariActors(c.text, "bad.actors", c.agents);
    ASSERT_FALSE(entries.ok()) << c.text;
    EXPECT_EQ(entries.error().line, c.line) << c.text;
    EXPECT_NE(entries.error().message.find(c.problem), std::string::npos)
        << c.text << ": " << entries.error().message;
    EXPECT_NE(entries.error().ToString().find("bad.actors"), std::string::npos);
  }
}

TEST(TabariActorsTest, CodesSplitIntoCountryAndSectors) {
  struct Case {
    const char* code;
    const char* country;
    std::vector<std::string> sectors;
  };
  const std::vector<Case> cases = {
      {"IGOCOPITP", "IGO", {"COP", "ITP"}},
      {"YEMNO", "YEM", {"NO"}},
      {"ITHTV", "ITH", {"TV"}},
      {"G77", "G77", {}},
      {"ELF", "ELF", {}},
      {"PSEREBHMS", "PSE", {"REB", "HMS"}},
      {"UN", "UN", {}},
  };
  for (const Case& c : cases) {
    const ActorCode a = ParseActorCode(c.code);
    EXPECT_EQ(a.country, c.country) << c.code;
    EXPECT_EQ(a.sectors, c.sectors) << c.code;
    EXPECT_EQ(a.Code(), c.code);
  }
}

TEST(TabariActorsTest, ChoosesTheCodeByDateAsPetrarchDoes) {
  auto entries = ParseTabariActors(
      "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB "
      "20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n"
      "\t[HOBGOV 20121109-20130119]\n\t[HOBELI >20130119]\n"
      "ONODOHER\n\t[ONO <911226]\n"
      "PRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\n",
      "date.actors", false);
  ASSERT_TRUE(entries.ok()) << entries.error().ToString();
  ASSERT_EQ(entries->size(), 3u);
  struct Case {
    size_t entry;
    PartialDate date;
    const char* code;  // "" for none or the null code
  };
  const std::vector<Case> cases = {
      {0, {2008, 1, 19}, "HOBCIV"},  {0, {2008, 1, 20}, "HOBCIV"},
      {0, {2010, 1, 6}, "HOBMIL"},   {0, {2010, 1, 9}, "ORCHOB"},
      {0, {2010, 1, 12}, "ORCHOB"},  {0, {2010, 1, 13}, "HOBMIL"},
      {0, {2012, 12, 31}, "HOBGOV"}, {0, {2014, 1, 4}, "HOBELI"},
      {1, {1991, 12, 26}, "ONO"},    {1, {1991, 12, 27}, ""},
      {2, {1995, 6, 30}, ""},        {2, {1999, 8, 9}, "DOL"},
  };
  for (const Case& c : cases) {
    const TabariCode* chosen =
        ChooseTabariCode((*entries)[c.entry].codes, c.date);
    const std::string code =
        chosen && !chosen->codes.empty() ? chosen->codes.front() : "";
    EXPECT_EQ(code, c.code) << (*entries)[c.entry].id << " on " << Ymd(c.date);
  }
  // Without a date: the default, else the last restriction.
  EXPECT_EQ(ChooseTabariCode((*entries)[0].codes, std::nullopt)->codes.front(),
            "HOB");
  EXPECT_EQ(ChooseTabariCode((*entries)[1].codes, std::nullopt)->codes.front(),
            "ONO");
}

// The dictionaries PETRARCH2 ships (../shared/peers/petrarch2/dictionaries)
// load as they are; skipped when ../shared is absent.
TEST(TabariActorsTest, ReadsPetrarchDictionariesAsShipped) {
  const std::filesystem::path dir = std::filesystem::path(DATELINE_SHARED_DIR) /
                                    "peers/petrarch2/dictionaries";
  if (!std::filesystem::exists(dir / "PETR.Validate.actors.txt"))
    GTEST_SKIP() << "no " << dir;
  struct File {
    const char* name;
    bool agents;
    size_t min_entries;
  };
  for (const File& f :
       std::vector<File>{{"PETR.Validate.actors.txt", false, 120},
                         {"PETR.Validate.agents.txt", true, 80},
                         {"Phoenix.Countries.actors.txt", false, 10000},
                         {"Phoenix.International.actors.txt", false, 1000},
                         {"Phoenix.MilNonState.actors.txt", false, 500},
                         {"Phoenix.agents.txt", true, 1000}}) {
    std::ifstream in(dir / f.name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto entries = ParseTabariActors(text.str(), f.name, f.agents);
    ASSERT_TRUE(entries.ok()) << entries.error().ToString();
    EXPECT_GE(entries->size(), f.min_entries) << f.name;
  }
}

}  // namespace
}  // namespace dateline
