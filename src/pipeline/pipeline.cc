#include "pipeline/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "actors/actors.h"
#include "dedup/dedup.h"
#include "events/events.h"
#include "text/text.h"
#include "when/when.h"
#include "where/where.h"

namespace dateline {

namespace {

namespace fs = std::filesystem;

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// A word inside an actor's name is a place only when it names the actor's own
// country or a place in it ("Iraqi" in "Iraqi forces"); "Minister" or "Harris" inside
// "Interior Minister Karl Harris" are not places, whatever the gazetteer holds.
void DropPlacesInsideActors(const std::vector<ActorMention>& actors, const ActorMatcher& matcher,
                            std::vector<PlaceMention>* places) {
  std::erase_if(*places, [&](const PlaceMention& p) {
    if (p.from_dateline) return false;
    for (const ActorMention& m : actors) {
      if (p.span.start >= m.span.end || p.span.end <= m.span.start) continue;
      const CountryInfo* country = matcher.Country(m.actor.country);
      if (!m.person.empty() || !country || country->iso2 != p.country) return true;
    }
    return false;
  });
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory(DATELINE_DATA_DIR_DEFAULT, ec)) return DATELINE_DATA_DIR_DEFAULT;
  return (ExecutableDir() / ".." / "share" / "dateline" / "data").string();
}

std::string DefaultGazetteerFile() {
  if (const char* env = std::getenv("DATELINE_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  if (fs::exists(DATELINE_GAZETTEER_DEFAULT, ec)) return DATELINE_GAZETTEER_DEFAULT;
  return (ExecutableDir() / ".." / "share" / "dateline" / "gazetteer.bin").string();
}

struct Pipeline::Impl {
  PipelineOptions options;
  PipelineInfo info;
  std::unique_ptr<TextAnalyzer> text;
  std::unique_ptr<ActorMatcher> actors;
  std::unique_ptr<EventCoder> events;
  std::unique_ptr<AcledClassifier> acled;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<PlaceResolver> places;
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;
const PipelineInfo& Pipeline::info() const { return impl_->info; }

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  impl->info.data_dir = data_dir;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec))
    return MakeError(data_dir, "data directory not found (set --data-dir or DATELINE_DATA)");

  auto text = TextAnalyzer::Create(data_dir);
  if (!text.ok()) return text.error();
  impl->text = std::move(text).value();
  ActorMatcherOptions actor_options;
  actor_options.actor_files = options.actor_files;
  actor_options.agent_files = options.agent_files;
  actor_options.tabari_format = options.tabari_format;
  auto actors = ActorMatcher::Create(data_dir, *impl->text, actor_options);
  if (!actors.ok()) return actors.error();
  impl->actors = std::move(actors).value();
  EventCoderOptions event_options;
  event_options.verb_files = options.verb_files;
  event_options.tabari_format = options.tabari_format;
  auto events = EventCoder::Create(data_dir, *impl->text, event_options);
  if (!events.ok()) return events.error();
  impl->events = std::move(events).value();
  auto acled = AcledClassifier::Create(data_dir, *impl->text);
  if (!acled.ok()) return acled.error();
  impl->acled = std::move(acled).value();

  const std::string gazetteer_file = options.gazetteer_file.empty() ? DefaultGazetteerFile() : options.gazetteer_file;
  if (fs::exists(gazetteer_file, ec)) {
    auto gazetteer = Gazetteer::Open(gazetteer_file);
    if (!gazetteer.ok()) return gazetteer.error();
    impl->gazetteer = std::move(gazetteer).value();
    impl->info.gazetteer_file = gazetteer_file;
  } else if (!options.gazetteer_file.empty()) {
    return MakeError(gazetteer_file, "gazetteer file not found");
  } else {
    // No gazetteer built (e.g. the npm package was not installed): countries only.
    auto gazetteer = Gazetteer::CountriesOnly(data_dir + "/countries.txt");
    if (!gazetteer.ok()) return gazetteer.error();
    impl->gazetteer = std::move(gazetteer).value();
    impl->info.countries_only_gazetteer = true;
  }
  impl->places = std::make_unique<PlaceResolver>(*impl->gazetteer);
  impl->info.actor_phrases = impl->actors->phrase_count();
  impl->info.verb_patterns = impl->events->pattern_count();
  impl->info.gazetteer_entries = impl->gazetteer->size();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

Result<CodedArticle> Pipeline::Code(Document document, const CodeContext& context) const {
  CodedArticle coded;
  auto article = ExtractArticle(document, impl_->options.extract);
  if (!article.ok()) return article.error();
  coded.article = std::move(article).value();
  coded.document = std::move(document);
  coded.warnings = coded.document.warnings;
  coded.warnings.insert(coded.warnings.end(), coded.article.warnings.begin(), coded.article.warnings.end());
  Article& a = coded.article;

  // The publication date: the input's metadata wins over what the page says.
  if (coded.document.published) {
    a.published = coded.document.published;
    a.published_source = "input";
  } else if (!a.published && !a.published_text.empty()) {
    a.published = ParseDateText(a.published_text);
    if (a.published) a.published_source = "page";
  }

  const AnalyzedText analysed = impl_->text->Analyze(a.body);
  coded.sentence_count = analysed.sentences.size();
  ActorContext actor_context;
  actor_context.date = a.published;
  if (!actor_context.date && a.copyright_year) actor_context.date = PartialDate{*a.copyright_year, 0, 0};
  coded.actors = impl_->actors->FindActors(analysed, actor_context);

  DateContext date_context;
  date_context.published = a.published;
  date_context.year_hint = a.copyright_year;
  coded.dates = FindDates(a.body, date_context);

  PlaceContext place_context;
  place_context.dateline = a.dateline;
  place_context.publication_places = context.publication_places;
  for (const ActorMention& m : coded.actors) {
    if (m.actor.country.size() == 3 && impl_->actors->Country(m.actor.country) &&
        std::find(place_context.actor_countries.begin(), place_context.actor_countries.end(), m.actor.country) ==
            place_context.actor_countries.end())
      place_context.actor_countries.push_back(m.actor.country);
  }
  coded.places = impl_->places->FindPlaces(analysed, place_context);
  DropPlacesInsideActors(coded.actors, *impl_->actors, &coded.places);

  // Role nouns with no country ("police", "officials") belong, in a datelined report,
  // to the dateline's country; the rule says so, so that users can tell.
  for (const PlaceMention& p : coded.places) {
    if (!p.from_dateline) continue;
    if (const CountryInfo* country = impl_->actors->CountryByIso2(p.country)) {
      for (ActorMention& m : coded.actors) {
        if (m.actor.country.empty() && !m.actor.sectors.empty()) {
          m.actor.country = country->iso3;
          m.rules.push_back("rule:country-from-dateline");
        }
      }
    }
    break;
  }

  EventContext event_context;
  event_context.published = a.published;
  event_context.year_hint = a.copyright_year;
  for (const PlaceMention& p : coded.places) {
    if (p.from_dateline) {
      event_context.dateline_place = p;
      break;
    }
  }
  coded.events = impl_->events->Code(analysed, coded.actors, coded.dates, coded.places, event_context);
  // The report's label is decided with the events' types, before duplicates go.
  coded.event_label = impl_->acled->Refine(analysed, &coded.events);
  DedupArticleEvents(a.body, &coded.events);
  return coded;
}

std::string UrlHost(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

CodeContext PublicationMemory::ContextFor(const Document& document) const {
  CodeContext context;
  auto it = names_.find(UrlHost(document.url));
  if (it != names_.end() && !it->first.empty()) context.publication_places = it->second;
  return context;
}

void PublicationMemory::Remember(const CodedArticle& coded) {
  const std::string host = UrlHost(coded.document.url.empty() ? coded.article.canonical_url : coded.document.url);
  if (host.empty()) return;
  std::vector<std::string>& names = names_[host];
  for (const PlaceMention& p : coded.places) {
    if (p.from_dateline || p.span.end <= p.span.start) continue;
    names.emplace_back(coded.article.body.substr(p.span.start, p.span.end - p.span.start));
  }
  if (names.size() > kMaxNamesPerPublication)
    names.erase(names.begin(), names.begin() + static_cast<long>(names.size() - kMaxNamesPerPublication));
}

}  // namespace dateline
