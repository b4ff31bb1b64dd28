// Tests of the export formats on a store built in memory from hand-built coded
// articles (our own invented reports), and of the data tables the formats read.
#include "export/export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/table_file.h"

namespace dateline {
namespace {

const std::string kDataDir = DATELINE_TEST_DATA_DIR;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(
        start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines = Split(s, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Splits one CSV record (no newlines inside fields in these tests).
std::vector<std::string> CsvRecord(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

Span Find(const std::string& body, const std::string& words) {
  const size_t at = body.find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return Span{at, at + words.size()};
}

ActorMention Actor(const std::string& body, const std::string& text,
                   const std::string& country,
                   std::vector<std::string> sectors) {
  ActorMention a;
  a.span = Find(body, text);
  a.text = text;
  a.actor.country = country;
  a.actor.sectors = std::move(sectors);
  return a;
}

// An invented report, published 2021-06-05: a meeting in Erbil on a known day,
// an attack on civilians in Kirkuk dated to a month (with deaths), a protest in
// Texas dated by publication only, a denied attack, and a flood (an incident,
// no CAMEO).
CodedArticle Report() {
  CodedArticle c;
  c.document.id = "report-1";
  c.document.url = "https://www.example.org/en/story/report-1";
  c.article.title = "Minister meets coalition general; gunmen attack villagers";
  c.article.published = PartialDate{2021, 6, 5};
  const std::vector<std::string> paragraphs = {
      "The Interior Minister met the coalition commander in Erbil on Thursday.",
      "In May, gunmen attacked villagers near Kirkuk, killing three, "
      "\"witnesses\" said.",
      "About 300 protesters rallied in Austin against the new law.",
      "The army did not attack the town.",
      "Floods swept the valley.",
  };
  std::string content;
  for (const std::string& p : paragraphs) {
    Paragraph para;
    para.text = p;
    para.start = content.size();
    content += p;
    para.end = content.size();
    content += "\n\n";
    AppendParagraph(c.article, para);
  }
  c.document.content = content;
  const std::string& body = c.article.body;

  PlaceMention erbil;
  erbil.span = Find(body, "Erbil");
  erbil.name = "Erbil";
  erbil.country = "IQ";
  erbil.admin1 = "Erbil Governorate";
  erbil.lat = 36.19257;
  erbil.lon = 44.01062;
  erbil.precision = PlacePrecision::kPoint;
  erbil.geonameid = 95446;
  PlaceMention kirkuk = erbil;
  kirkuk.span = Find(body, "Kirkuk");
  kirkuk.name = "Kirkuk";
  kirkuk.admin1 = "Kirkuk";
  kirkuk.lat = 35.46806;
  kirkuk.lon = 44.39222;
  kirkuk.geonameid = 94787;
  PlaceMention austin = erbil;
  austin.span = Find(body, "Austin");
  austin.name = "Austin";
  austin.country = "US";
  austin.admin1 = "Texas";
  austin.lat = 30.26715;
  austin.lon = -97.74306;
  austin.geonameid = 4671654;
  c.places = {erbil, kirkuk, austin};
  DateMention thursday;
  thursday.span = Find(body, "on Thursday");
  thursday.text = "on Thursday";
  thursday.value = PartialDate{2021, 6, 3};
  DateMention may;
  may.span = Find(body, "In May");
  may.text = "May";
  may.value = PartialDate{2021, 5, 0};
  c.dates = {thursday, may};

  Event meet;
  meet.cameo = "040";
  meet.cameo_name = "Consult, not specified";
  meet.plover = Plover::kConsult;
  meet.source = Actor(body, "The Interior Minister", "IRQ", {"GOV"});
  meet.target = Actor(body, "the coalition commander", "IMG", {"MIL"});
  meet.date = thursday;
  meet.place = erbil;
  meet.modality = Modality::kAsserted;
  meet.evidence = Find(body, paragraphs[0]);
  meet.trigger = "met";

  Event attack;
  attack.cameo = "180";
  attack.cameo_name = "Use unconventional violence, not specified";
  attack.plover = Plover::kAssault;
  attack.acled = AcledType{AcledEventType::kViolenceAgainstCivilians,
                           AcledSubEventType::kAttack};
  attack.source = Actor(body, "gunmen", "", {"UAF"});
  attack.target = Actor(body, "villagers", "IRQ", {"CVL"});
  attack.date = may;
  attack.place = kirkuk;
  attack.fatalities = 3;
  attack.modality = Modality::kAsserted;
  attack.evidence = Find(body, paragraphs[1]);
  attack.sentence = 1;
  attack.trigger = "attacked";

  Event protest;
  protest.cameo = "141";
  protest.cameo_name = "Demonstrate or rally";
  protest.plover = Plover::kProtest;
  protest.acled =
      AcledType{AcledEventType::kProtests, AcledSubEventType::kPeacefulProtest};
  protest.source = Actor(body, "protesters", "USA", {"PRO"});
  protest.place = austin;
  protest.crowd_size = 300;
  protest.modality = Modality::kAsserted;
  protest.evidence = Find(body, paragraphs[2]);
  protest.sentence = 2;
  protest.trigger = "rallied";

  Event denied;
  denied.cameo = "190";
  denied.cameo_name = "Use conventional military force";
  denied.plover = Plover::kAssault;
  denied.acled =
      AcledType{AcledEventType::kBattles, AcledSubEventType::kArmedClash};
  denied.source = Actor(body, "The army", "", {"MIL"});
  denied.negated = true;
  denied.modality = Modality::kAsserted;
  denied.evidence = Find(body, paragraphs[3]);
  denied.sentence = 3;
  denied.trigger = "did not attack";

  Event flood;
  flood.acled =
      AcledType{AcledEventType::kOther, AcledSubEventType::kNaturalDisaster};
  flood.modality = Modality::kAsserted;
  flood.evidence = Find(body, paragraphs[4]);
  flood.sentence = 4;
  flood.trigger = "swept";
  c.events = {meet, attack, protest, denied, flood};
  return c;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.error().ToString();
    store_ = std::move(*store);
    auto put = store_->Put(Report());
    ASSERT_TRUE(put.ok()) << put.error().ToString();
    auto tables = ExportTables::Load(kDataDir);
    ASSERT_TRUE(tables.ok()) << tables.error().ToString();
    tables_ = std::move(*tables);
    EventQuery q;
    q.limit = 0;
    auto events = store_->QueryEvents(q);
    ASSERT_TRUE(events.ok());
    events_ = *events;
    ASSERT_EQ(events_.size(), 5u);
  }
  std::string Export(ExportFormat format, ExportOptions options = {}) {
    std::ostringstream out;
    ExportEvents(events_, format, *tables_, options, out);
    return out.str();
  }
  // The row whose column `col` (by name) of `columns` equals `value`.
  static std::vector<std::string> RowWhere(
      const std::vector<std::vector<std::string>>& rows,
      const std::vector<std::string>& columns, const std::string& col,
      const std::string& value) {
    const size_t i =
        std::find(columns.begin(), columns.end(), col) - columns.begin();
    for (const auto& r : rows)
      if (i < r.size() && r[i] == value) return r;
    ADD_FAILURE() << "no row with " << col << " = " << value;
    return std::vector<std::string>(columns.size());
  }
  std::unique_ptr<Store> store_;
  std::unique_ptr<ExportTables> tables_;
  std::vector<StoredEvent> events_;
};

TEST(ExportFormatTest, Names) {
  EXPECT_EQ(ParseExportFormat("gdelt"), ExportFormat::kGdelt);
  EXPECT_EQ(ParseExportFormat("acled"), ExportFormat::kAcled);
  EXPECT_EQ(ParseExportFormat("plover"), ExportFormat::kPlover);
  EXPECT_EQ(ParseExportFormat("jsonl"), ExportFormat::kJsonl);
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_FALSE(ParseExportFormat("GDELT").has_value());
  EXPECT_FALSE(ParseExportFormat("xml").has_value());
}

TEST(ExportColumnsTest, GdeltHasItsSixtyOneColumnsInOrder) {
  const auto& c = GdeltColumns();
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[0], "GLOBALEVENTID");
  EXPECT_EQ(c[1], "SQLDATE");
  EXPECT_EQ(c[5], "Actor1Code");
  EXPECT_EQ(c[14], "Actor1Type3Code");
  EXPECT_EQ(c[15], "Actor2Code");
  EXPECT_EQ(c[25], "IsRootEvent");
  EXPECT_EQ(c[29], "QuadClass");
  EXPECT_EQ(c[30], "GoldsteinScale");
  EXPECT_EQ(c[34], "AvgTone");
  EXPECT_EQ(c[35], "Actor1Geo_Type");
  EXPECT_EQ(c[39], "Actor1Geo_ADM2Code");
  EXPECT_EQ(c[51], "ActionGeo_Type");
  EXPECT_EQ(c[55], "ActionGeo_ADM2Code");
  EXPECT_EQ(c[58], "ActionGeo_FeatureID");
  EXPECT_EQ(c[59], "DATEADDED");
  EXPECT_EQ(c[60], "SOURCEURL");
  EXPECT_EQ(AcledColumns().size(), 31u);
}

TEST(ExportTablesTest, GoldsteinAndQuadClassOfKnownCodes) {
  auto t = ExportTables::Load(kDataDir);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_EQ((*t)->Goldstein("040"), 1.0);
  EXPECT_EQ((*t)->Goldstein("190"), -10.0);
  EXPECT_EQ((*t)->Goldstein("042"), 1.9);
  EXPECT_EQ((*t)->Goldstein("0211"), 3.4);  // four digits: its parent's weight
  EXPECT_EQ((*t)->Goldstein("176"), -7.0);  // not listed: its root's weight
  EXPECT_FALSE((*t)->Goldstein("").has_value());
  EXPECT_FALSE((*t)->Goldstein("x1").has_value());
  EXPECT_EQ((*t)->QuadClass("040"), 1);
  EXPECT_EQ((*t)->QuadClass("057"), 1);
  EXPECT_EQ((*t)->QuadClass("0831"), 2);
  EXPECT_EQ((*t)->QuadClass("112"), 3);
  EXPECT_EQ((*t)->QuadClass("141"), 4);
  EXPECT_EQ((*t)->QuadClass("190"), 4);
  EXPECT_EQ((*t)->QuadClass(""), 0);
}

TEST(ExportTablesTest, CountryCodes) {
  auto t = ExportTables::Load(kDataDir);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  const struct {
    const char* iso3;
    const char* iso2;
    const char* fips;
    const char* numeric;
    const char* region;
  } cases[] = {
      {"IRQ", "IQ", "IZ", "368", "Middle East"},
      {"USA", "US", "US", "840", "North America"},
      {"GBR", "GB", "UK", "826", "Europe"},
      {"DEU", "DE", "GM", "276", "Europe"},
      {"NER", "NE", "NG", "562", "Western Africa"},
      {"NGA", "NG", "NI", "566", "Western Africa"},
      {"COD", "CD", "CG", "180", "Middle Africa"},
      {"SSD", "SS", "OD", "728", "Eastern Africa"},
      {"ARM", "AM", "AM", "051", "Caucasus and Central Asia"},
      {"MEX", "MX", "MX", "484", "Central America"},
  };
  for (const auto& c : cases) {
    const ExportCountry* by2 = (*t)->CountryByIso2(c.iso2);
    ASSERT_NE(by2, nullptr) << c.iso2;
    EXPECT_EQ(by2, (*t)->CountryByIso3(c.iso3)) << c.iso3;
    EXPECT_EQ(by2->fips, c.fips) << c.iso3;
    EXPECT_EQ(by2->numeric, c.numeric) << c.iso3;
    EXPECT_EQ(by2->acled_region, c.region) << c.iso3;
  }
  EXPECT_EQ((*t)->CountryByIso3("IGO"), nullptr);
}

// The export table covers exactly the countries Dateline knows, with the same
// codes.
TEST(ExportTablesTest, CountriesAgreeWithDatelinesCountryList) {
  auto t = ExportTables::Load(kDataDir);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  auto rows = ReadTableFile(kDataDir + "/countries.txt", 6, 6);
  ASSERT_TRUE(rows.ok()) << rows.error().ToString();
  for (const TableRecord& r : *rows) {
    const ExportCountry* c = (*t)->CountryByIso3(r.fields[0]);
    ASSERT_NE(c, nullptr) << r.Where() << " " << r.fields[0]
                          << " is missing from export/countries.txt";
    EXPECT_EQ(c->iso2, r.fields[1]) << r.Where();
  }
  EXPECT_EQ((*t)->countries().size(), rows->size());
}

// Every ACLED sub-event type Dateline can assign has a disorder type.
TEST(ExportTablesTest, EveryAcledSubEventTypeHasADisorderType) {
  auto t = ExportTables::Load(kDataDir);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  int subtypes = 0;
  for (int i = static_cast<int>(AcledSubEventType::kNone) + 1;
       i <= static_cast<int>(AcledSubEventType::kOrganizedCrime); ++i) {
    const auto sub = static_cast<AcledSubEventType>(i);
    const AcledEventType type = AcledEventTypeOf(sub);
    if (type == AcledEventType::kOther) continue;
    ++subtypes;
    EXPECT_NE((*t)->AcledDisorder(type, sub), "") << AcledSubEventTypeName(sub);
  }
  EXPECT_EQ(subtypes, 25);
  EXPECT_EQ(
      (*t)->AcledDisorder(AcledEventType::kProtests,
                          AcledSubEventType::kExcessiveForceAgainstProtesters),
      "Political violence; Demonstrations");
}

TEST(ExportTablesTest, AcledInterCodesByActorType) {
  auto t = ExportTables::Load(kDataDir);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_EQ((*t)->AcledInter("IRQ", {"MIL"}), 1);
  EXPECT_EQ((*t)->AcledInter("IRQ", {"COP"}), 1);
  EXPECT_EQ((*t)->AcledInter("IRQ", {}), 1);  // a country alone: its state
  EXPECT_EQ((*t)->AcledInter("", {"INS"}), 2);
  EXPECT_EQ((*t)->AcledInter("", {"UAF"}), 3);
  EXPECT_EQ((*t)->AcledInter("USA", {"PRO"}), 6);
  EXPECT_EQ((*t)->AcledInter("IRQ", {"CVL"}), 7);
  EXPECT_EQ((*t)->AcledInter("IMG", {"MIL"}), 8);
  EXPECT_EQ((*t)->AcledInter("IMG", {"INS", "RAD"}), 2);  // ISIS: a rebel group
  EXPECT_EQ((*t)->AcledInter("", {"XYZ"}), 0);
}

// A broken table is refused with file:line.
TEST(ExportTablesTest, BadTableLineIsNamed) {
  const std::string dir = ::testing::TempDir() + "/export_bad_data";
  std::filesystem::create_directories(dir + "/export");
  for (const char* f : {"countries.txt", "goldstein.txt", "quadclass.txt",
                        "acled_inter.txt", "acled_disorder.txt"})
    std::filesystem::copy_file(
        kDataDir + "/export/" + f, dir + "/export/" + f,
        std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream out(dir + "/export/goldstein.txt", std::ios::app);
    out << "12a | 3.0\n";
  }
  auto t = ExportTables::Load(dir);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().ToString().find("goldstein.txt:"), std::string::npos)
      << t.error().ToString();
  {
    std::ofstream out(dir + "/export/goldstein.txt");
    out << "01 | 0.0\n";
  }
  t = ExportTables::Load(dir);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().ToString().find("CAMEO root 02 has no weight"),
            std::string::npos)
      << t.error().ToString();
  std::filesystem::remove_all(dir);
}

TEST_F(ExportTest, GdeltRowsHaveSixtyOneFieldsAndGdeltsConventions) {
  const std::vector<std::string> lines = Lines(Export(ExportFormat::kGdelt));
  ASSERT_EQ(lines.size(),
            3u);  // not the negated attack nor the flood (no CAMEO code)
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : lines) {
    rows.push_back(Split(line, '\t'));
    ASSERT_EQ(rows.back().size(), 61u) << line;
  }
  const auto& cols = GdeltColumns();
  auto col = [&](const std::vector<std::string>& row, const std::string& name) {
    return row[std::find(cols.begin(), cols.end(), name) - cols.begin()];
  };
  const auto meet = RowWhere(rows, cols, "EventCode", "040");
  EXPECT_EQ(col(meet, "SQLDATE"), "20210603");
  EXPECT_EQ(col(meet, "MonthYear"), "202106");
  EXPECT_EQ(col(meet, "Year"), "2021");
  EXPECT_EQ(col(meet, "FractionDate"), "2021.5014");  // 2021 + (6*30+3)/365
  EXPECT_EQ(col(meet, "Actor1Code"), "IRQGOV");
  EXPECT_EQ(col(meet, "Actor1Name"), "THE INTERIOR MINISTER");
  EXPECT_EQ(col(meet, "Actor1CountryCode"), "IRQ");
  EXPECT_EQ(col(meet, "Actor1Type1Code"), "GOV");
  EXPECT_EQ(col(meet, "Actor2Code"), "IMGMIL");
  EXPECT_EQ(col(meet, "Actor2CountryCode"), "");
  EXPECT_EQ(col(meet, "Actor2Type1Code"), "IMG");
  EXPECT_EQ(col(meet, "Actor2Type2Code"), "MIL");
  EXPECT_EQ(col(meet, "IsRootEvent"), "1");
  EXPECT_EQ(col(meet, "EventBaseCode"), "040");
  EXPECT_EQ(col(meet, "EventRootCode"), "04");
  EXPECT_EQ(col(meet, "QuadClass"), "1");
  EXPECT_EQ(col(meet, "GoldsteinScale"), "1");
  EXPECT_EQ(col(meet, "NumArticles"), "1");
  EXPECT_EQ(col(meet, "AvgTone"), "");
  EXPECT_EQ(col(meet, "Actor1Geo_Type"), "0");
  EXPECT_EQ(col(meet, "ActionGeo_Type"), "4");
  EXPECT_EQ(col(meet, "ActionGeo_FullName"), "Erbil, Erbil Governorate, Iraq");
  EXPECT_EQ(col(meet, "ActionGeo_CountryCode"), "IZ");  // FIPS, not ISO
  EXPECT_EQ(col(meet, "ActionGeo_Lat"), "36.1926");
  EXPECT_EQ(col(meet, "ActionGeo_Long"), "44.0106");
  EXPECT_EQ(col(meet, "DATEADDED").size(), 14u);
  EXPECT_EQ(col(meet, "SOURCEURL"),
            "https://www.example.org/en/story/report-1");

  const auto attack = RowWhere(rows, cols, "EventCode", "180");
  EXPECT_EQ(col(attack, "SQLDATE"), "20210501");  // a month: its first day
  EXPECT_EQ(col(attack, "IsRootEvent"), "0");
  EXPECT_EQ(col(attack, "QuadClass"), "4");
  EXPECT_EQ(col(attack, "GoldsteinScale"), "-9");
  EXPECT_EQ(col(attack, "Actor1Code"), "UAF");
  EXPECT_EQ(col(attack, "Actor1Type1Code"), "UAF");

  const auto protest = RowWhere(rows, cols, "EventCode", "141");
  EXPECT_EQ(col(protest, "SQLDATE"),
            "20210605");  // no date of its own: publication
  EXPECT_EQ(col(protest, "GoldsteinScale"), "-6.5");
  EXPECT_EQ(col(protest, "ActionGeo_Type"), "3");  // a US city
  EXPECT_EQ(col(protest, "ActionGeo_CountryCode"), "US");
  EXPECT_EQ(col(protest, "Actor2Code"), "");
  EXPECT_EQ(col(protest, "Actor2Name"), "");
}

TEST_F(ExportTest, GdeltAllEventsKeepsTheOthersWithEmptyCodes) {
  ExportOptions all;
  all.all_events = true;
  const std::vector<std::string> lines =
      Lines(Export(ExportFormat::kGdelt, all));
  ASSERT_EQ(lines.size(), 5u);
  for (const std::string& line : lines)
    EXPECT_EQ(Split(line, '\t').size(), 61u);
}

TEST_F(ExportTest, AcledHasItsHeaderAndConventions) {
  const std::vector<std::string> lines = Lines(Export(ExportFormat::kAcled));
  ASSERT_EQ(lines.size(), 3u);  // header, the attack, the protest
  const std::vector<std::string> header = CsvRecord(lines[0]);
  EXPECT_EQ(header, AcledColumns());
  EXPECT_EQ(lines[0].substr(0, 36), "event_id_cnty,event_date,year,time_p");
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 1; i < lines.size(); ++i) {
    rows.push_back(CsvRecord(lines[i]));
    ASSERT_EQ(rows.back().size(), 31u) << lines[i];
  }
  auto col = [&](const std::vector<std::string>& row, const std::string& name) {
    return row[std::find(header.begin(), header.end(), name) - header.begin()];
  };
  const auto attack =
      RowWhere(rows, header, "event_type", "Violence against civilians");
  EXPECT_EQ(col(attack, "event_id_cnty").substr(0, 3), "IRQ");
  EXPECT_EQ(col(attack, "event_date"), "2021-05-01");
  EXPECT_EQ(col(attack, "year"), "2021");
  EXPECT_EQ(col(attack, "time_precision"), "3");
  EXPECT_EQ(col(attack, "disorder_type"), "Political violence");
  EXPECT_EQ(col(attack, "sub_event_type"), "Attack");
  EXPECT_EQ(col(attack, "actor1"), "gunmen");
  EXPECT_EQ(col(attack, "inter1"), "3");
  EXPECT_EQ(col(attack, "actor2"), "villagers");
  EXPECT_EQ(col(attack, "inter2"), "7");
  EXPECT_EQ(col(attack, "interaction"), "37");
  EXPECT_EQ(col(attack, "civilian_targeting"), "Civilian targeting");
  EXPECT_EQ(col(attack, "iso"), "368");
  EXPECT_EQ(col(attack, "region"), "Middle East");
  EXPECT_EQ(col(attack, "country"), "Iraq");
  EXPECT_EQ(col(attack, "admin1"), "Kirkuk");
  EXPECT_EQ(col(attack, "location"), "Kirkuk");
  EXPECT_EQ(col(attack, "latitude"), "35.4681");
  EXPECT_EQ(col(attack, "geo_precision"), "1");
  EXPECT_EQ(col(attack, "source"), "example.org");
  EXPECT_EQ(col(attack, "notes"),
            "In May, gunmen attacked villagers near Kirkuk, killing three, "
            "\"witnesses\" said.");
  EXPECT_EQ(col(attack, "fatalities"), "3");
  EXPECT_EQ(col(attack, "tags"), "");
  EXPECT_FALSE(col(attack, "timestamp").empty());

  const auto protest = RowWhere(rows, header, "event_type", "Protests");
  EXPECT_EQ(col(protest, "event_date"), "2021-06-05");
  EXPECT_EQ(col(protest, "time_precision"),
            "2");  // the report's date stands in
  EXPECT_EQ(col(protest, "disorder_type"), "Demonstrations");
  EXPECT_EQ(col(protest, "inter1"), "6");
  EXPECT_EQ(col(protest, "inter2"), "");
  EXPECT_EQ(col(protest, "interaction"), "60");
  EXPECT_EQ(col(protest, "admin1"), "Texas");
  EXPECT_EQ(col(protest, "fatalities"), "0");
  EXPECT_EQ(col(protest, "tags"), "crowd size=300");
}

TEST_F(ExportTest, PloverRecordsCarryTypeActorsPlaceAndEvidence) {
  const std::vector<std::string> lines = Lines(Export(ExportFormat::kPlover));
  ASSERT_EQ(lines.size(),
            4u);  // every event with a PLOVER category, the negated one too
  std::vector<nlohmann::json> records;
  for (const std::string& line : lines)
    records.push_back(nlohmann::json::parse(line));
  const nlohmann::json* meet = nullptr;
  for (const auto& r : records)
    if (r["event_type"] == "CONSULT") meet = &r;
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ((*meet)["event_id"], "report-1:0");
  EXPECT_EQ((*meet)["event_date"], "2021-06-03");
  EXPECT_EQ((*meet)["date_precision"], "day");
  EXPECT_EQ((*meet)["actor"]["code"], "IRQGOV");
  EXPECT_EQ((*meet)["actor"]["name"], "The Interior Minister");
  EXPECT_EQ((*meet)["recipient"]["code"], "IMGMIL");
  EXPECT_EQ((*meet)["location"]["placename"], "Erbil");
  EXPECT_EQ((*meet)["location"]["country"], "IRQ");
  EXPECT_EQ((*meet)["location"]["geonames_id"], 95446);
  EXPECT_EQ((*meet)["event_text"],
            "The Interior Minister met the coalition commander in Erbil on "
            "Thursday.");
  EXPECT_EQ((*meet)["source_url"], "https://www.example.org/en/story/report-1");
  EXPECT_EQ((*meet)["mode"], "");
  bool negated_seen = false;
  for (const auto& r : records) negated_seen |= r["negated"] == true;
  EXPECT_TRUE(negated_seen);
}

TEST_F(ExportTest, JsonlAndCsvAreDatelinesOwnFields) {
  const std::vector<std::string> jsonl = Lines(Export(ExportFormat::kJsonl));
  ASSERT_EQ(jsonl.size(), 5u);
  for (const std::string& line : jsonl)
    EXPECT_TRUE(nlohmann::json::parse(line).contains("evidence")) << line;
  const std::vector<std::string> csv = Lines(Export(ExportFormat::kCsv));
  ASSERT_EQ(csv.size(), 6u);
  EXPECT_EQ(csv[0].substr(0, 20), "article_id,url,publi");
}

}  // namespace
}  // namespace dateline
