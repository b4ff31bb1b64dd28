#include "pipeline/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
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
// country or a place in it ("Iraqi" in "Iraqi forces"); "Minister" or "Harris"
// inside "Interior Minister Karl Harris" are not places, whatever the gazetteer
// holds. Actors are visited through an index sorted by start with the running
// maximum of their ends, so that each place looks only at the actors that can
// overlap it (linear in practice, whatever the number of mentions).
void DropPlacesInsideActors(const std::vector<ActorMention>& actors,
                            const ActorMatcher& matcher,
                            std::vector<PlaceMention>* places) {
  std::vector<const ActorMention*> by_start;
  by_start.reserve(actors.size());
  for (const ActorMention& m : actors) by_start.push_back(&m);
  std::stable_sort(by_start.begin(), by_start.end(),
                   [](const ActorMention* a, const ActorMention* b) {
                     return a->span.start < b->span.start;
                   });
  std::vector<size_t> max_end_so_far(by_start.size());
  for (size_t i = 0; i < by_start.size(); ++i)
    max_end_so_far[i] =
        std::max(i ? max_end_so_far[i - 1] : 0, by_start[i]->span.end);
  std::erase_if(*places, [&](const PlaceMention& p) {
    if (p.from_dateline) return false;
    // Actors starting before the place ends, nearest first, while one of them
    // may still reach into it.
    size_t k = static_cast<size_t>(
        std::lower_bound(by_start.begin(), by_start.end(), p.span.end,
                         [](const ActorMention* m, size_t end) {
                           return m->span.start < end;
                         }) -
        by_start.begin());
    while (k-- > 0 && max_end_so_far[k] > p.span.start) {
      const ActorMention& m = *by_start[k];
      if (p.span.start >= m.span.end || p.span.end <= m.span.start) continue;
      const CountryInfo* country = matcher.Country(m.actor.country);
      if (!m.person.empty() || !country || country->iso2 != p.country)
        return true;
    }
    return false;
  });
}

// The files of PipelineOptions::dictionary_dirs, each assigned by its name as
// the TABARI/PETRARCH distributions name them ("CAMEO.2.0.txt",
// "Phoenix.agents.txt", "PETR.Validate.discards.txt", "TABARI.Demo.actors").
// Sorted by name within each directory, so that loading is the same on every
// file system.
struct DirectoryDictionaries {
  std::vector<std::string> verbs, actors, agents, discards;
  std::vector<std::string>
      skipped;  // files of no kind Dateline reads, with the reason
};

Result<DirectoryDictionaries> ReadDictionaryDirs(
    const std::vector<std::string>& dirs) {
  DirectoryDictionaries out;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      return MakeError(dir, "dictionary directory not found");
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code file_ec;
      if (it->is_regular_file(file_ec)) files.push_back(it->path());
    }
    if (ec)
      return MakeError(dir,
                       "cannot list the dictionary directory: " + ec.message());
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) {
                return a.filename() < b.filename();
              });
    for (const fs::path& file : files) {
      std::string name = file.filename().string();
      for (char& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const auto has = [&](const char* word) {
        return name.find(word) != std::string::npos;
      };
      if (has("verb") || name.rfind("cameo", 0) == 0) {
        out.verbs.push_back(file.string());
      } else if (has("actor")) {
        out.actors.push_back(file.string());
      } else if (has("agent")) {
        out.agents.push_back(file.string());
      } else if (has("discard")) {
        out.discards.push_back(file.string());
      } else {
        // Issue codings, preposition lists and the like: nothing Dateline
        // reads.
        out.skipped.push_back(file.string() +
                              ": not a verbs, actors, agents or discards "
                              "dictionary by its name; skipped");
      }
    }
  }
  return out;
}

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory(DATELINE_DATA_DIR_DEFAULT, ec))
    return DATELINE_DATA_DIR_DEFAULT;
  return (ExecutableDir() / ".." / "share" / "dateline" / "data").string();
}

std::string DefaultGazetteerFile() {
  if (const char* env = std::getenv("DATELINE_GAZETTEER"); env && *env)
    return env;
  std::error_code ec;
  if (fs::exists(DATELINE_GAZETTEER_DEFAULT, ec))
    return DATELINE_GAZETTEER_DEFAULT;
  return (ExecutableDir() / ".." / "share" / "dateline" / "gazetteer.bin")
      .string();
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

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::string data_dir =
      options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  impl->info.data_dir = data_dir;
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec))
    return MakeError(
        data_dir, "data directory not found (set --data-dir or DATELINE_DATA)");

  ASSIGN_OR_RETURN(auto from_dirs, ReadDictionaryDirs(options.dictionary_dirs));
  // Files from dictionary directories are in TABARI/PETRARCH format whatever
  // their extension ("Phoenix.agents.txt"); the loaders have one format switch
  // for all their files, so it is set when a directory contributes files of
  // theirs. The actor loader reads only that format anyway; the verb loader
  // would read a Dateline-format file of --verbs wrongly, so that combination
  // is refused until it takes a per-file flag.
  const bool tabari_verbs = options.tabari_format || !from_dirs.verbs.empty();
  if (tabari_verbs && !options.tabari_format) {
    for (const std::string& file : options.verb_files) {
      if (!EndsWith(file, ".verbs"))
        return MakeError(file,
                         "a verbs file in Dateline's format cannot be combined "
                         "with dictionary directories "
                         "(their verb files are read in TABARI/PETRARCH "
                         "format, and so would this one)");
    }
  }

  ASSIGN_OR_RETURN(impl->text, TextAnalyzer::Create(data_dir));
  ActorMatcherOptions actor_options;
  actor_options.actor_files = options.actor_files;
  actor_options.actor_files.insert(actor_options.actor_files.end(),
                                   from_dirs.actors.begin(),
                                   from_dirs.actors.end());
  actor_options.agent_files = options.agent_files;
  actor_options.agent_files.insert(actor_options.agent_files.end(),
                                   from_dirs.agents.begin(),
                                   from_dirs.agents.end());
  actor_options.tabari_format = options.tabari_format ||
                                !from_dirs.actors.empty() ||
                                !from_dirs.agents.empty();
  actor_options.dictionaries_only = options.dictionaries_only;
  ASSIGN_OR_RETURN(impl->actors,
                   ActorMatcher::Create(data_dir, *impl->text, actor_options));
  EventCoderOptions event_options;
  event_options.verb_files = options.verb_files;
  event_options.verb_files.insert(event_options.verb_files.end(),
                                  from_dirs.verbs.begin(),
                                  from_dirs.verbs.end());
  event_options.discard_files = options.discard_files;
  event_options.discard_files.insert(event_options.discard_files.end(),
                                     from_dirs.discards.begin(),
                                     from_dirs.discards.end());
  event_options.tabari_format = tabari_verbs;
  event_options.dictionaries_only = options.dictionaries_only;
  ASSIGN_OR_RETURN(impl->events,
                   EventCoder::Create(data_dir, *impl->text, event_options));
  ASSIGN_OR_RETURN(impl->acled, AcledClassifier::Create(data_dir, *impl->text));

  const std::string gazetteer_file = options.gazetteer_file.empty()
                                         ? DefaultGazetteerFile()
                                         : options.gazetteer_file;
  if (fs::exists(gazetteer_file, ec)) {
    ASSIGN_OR_RETURN(impl->gazetteer, Gazetteer::Open(gazetteer_file));
    impl->info.gazetteer_file = gazetteer_file;
  } else if (!options.gazetteer_file.empty()) {
    return MakeError(gazetteer_file, "gazetteer file not found");
  } else {
    // No gazetteer built (e.g. the npm package was not installed): countries
    // only.
    ASSIGN_OR_RETURN(impl->gazetteer,
                     Gazetteer::CountriesOnly(data_dir + "/countries.txt"));
    impl->info.countries_only_gazetteer = true;
  }
  impl->places = std::make_unique<PlaceResolver>(*impl->gazetteer);
  impl->info.actor_phrases = impl->actors->phrase_count();
  impl->info.verb_patterns = impl->events->pattern_count();
  impl->info.warnings = from_dirs.skipped;
  for (const Error& e : impl->events->skipped_lines())
    impl->info.warnings.push_back(e.ToString());
  impl->info.gazetteer_entries = impl->gazetteer->size();
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

namespace {

// How much of `body` to code when it is longer than `limit`: up to the last
// line end or sentence end ('.', '!' or '?' before a space) in the second half
// of the limit, else to the last space, else to the last UTF-8 character
// boundary.
size_t CodedPrefixLength(std::string_view body, size_t limit) {
  const std::string_view head = body.substr(0, limit);
  for (size_t i = head.size(); i-- > limit / 2;) {
    if (head[i] == '\n') return i + 1;
    if (head[i] == ' ' && i > 0 &&
        (head[i - 1] == '.' || head[i - 1] == '!' || head[i - 1] == '?'))
      return i;
  }
  if (const size_t space = head.rfind(' ');
      space != std::string_view::npos && space > 0)
    return space;
  size_t end = head.size();
  while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80)
    --end;
  return end;
}

// The per-document time budget (PipelineOptions::document_time_budget): when it
// runs out, the record says which stage it ran out in and what was left out.
class TimeBudget {
 public:
  using Clock = std::chrono::steady_clock;
  explicit TimeBudget(std::chrono::milliseconds budget)
      : budget_(budget),
        deadline_(budget.count() > 0 ? Clock::now() + budget
                                     : Clock::time_point::max()) {}

  Clock::time_point deadline() const { return deadline_; }

  // Whether the budget is spent once `stage` is done; if so, says so in
  // `warnings`.
  bool Spent(const char* stage, const char* left_out,
             std::vector<std::string>* warnings) const {
    if (deadline_ == Clock::time_point::max() || Clock::now() <= deadline_)
      return false;
    Note(stage, left_out, warnings);
    return true;
  }

  void Note(const char* stage, const char* left_out,
            std::vector<std::string>* warnings) const {
    const std::string spent =
        budget_.count() % 1000 == 0
            ? std::to_string(budget_.count() / 1000) + " s"
            : std::to_string(budget_.count()) + " ms";
    warnings->push_back("the time budget of " + spent +
                        " per document ran out during " + stage + "; " +
                        left_out + " not coded (see --time-budget)");
  }

 private:
  const std::chrono::milliseconds budget_;
  const Clock::time_point deadline_;
};

// The publication date: the input's metadata wins over what the page says.
void ResolvePublicationDate(const Document& document, Article* a) {
  if (document.published) {
    a->published = document.published;
    a->published_source = DateSource::kInput;
  } else if (!a->published && !a->published_text.empty()) {
    a->published = ParseDateText(a->published_text);
    if (a->published) a->published_source = DateSource::kPage;
  }
}

// The part of the body that is coded: all of it up to `max_bytes`, else up to a
// sentence end before it (with a warning).
std::string_view CodedBody(const std::string& body, size_t max_bytes,
                           std::vector<std::string>* warnings) {
  if (body.size() <= max_bytes) return body;
  const std::string_view coded =
      std::string_view(body).substr(0, CodedPrefixLength(body, max_bytes));
  warnings->push_back("the body has " + std::to_string(body.size()) +
                      " bytes; the first " + std::to_string(coded.size()) +
                      " were coded, the rest was not");
  return coded;
}

// What the place search knows beyond the text: the dateline, the publication's
// home and the countries of the actors found.
PlaceContext PlaceContextFor(const Article& a, const CodeContext& context,
                             const std::vector<ActorMention>& actors,
                             const ActorMatcher& matcher) {
  PlaceContext place_context;
  place_context.dateline = a.dateline;
  place_context.home = context.publication_home;
  for (const ActorMention& m : actors) {
    if (m.actor.country.size() == 3 && matcher.Country(m.actor.country) &&
        std::find(place_context.actor_countries.begin(),
                  place_context.actor_countries.end(),
                  m.actor.country) == place_context.actor_countries.end())
      place_context.actor_countries.push_back(m.actor.country);
  }
  return place_context;
}

// Role nouns with no country ("police", "officials") belong, in a datelined
// report, to the dateline's country; the rule says so, so that users can tell.
void AssignDatelineCountry(const std::vector<PlaceMention>& places,
                           const ActorMatcher& matcher,
                           std::vector<ActorMention>* actors) {
  for (const PlaceMention& p : places) {
    if (!p.from_dateline) continue;
    if (const CountryInfo* country = matcher.CountryByIso2(p.country)) {
      for (ActorMention& m : *actors) {
        if (m.actor.country.empty() && !m.actor.sectors.empty()) {
          m.actor.country = country->iso3;
          m.rules.push_back("rule:country-from-dateline");
        }
      }
    }
    break;
  }
}

EventContext EventContextFor(const Article& a,
                             const std::vector<PlaceMention>& places,
                             TimeBudget::Clock::time_point deadline) {
  EventContext event_context;
  event_context.published = a.published;
  event_context.year_hint = a.copyright_year;
  for (const PlaceMention& p : places) {
    if (p.from_dateline) {
      event_context.dateline_place = p;
      break;
    }
  }
  event_context.deadline = deadline;
  return event_context;
}

}  // namespace

Result<CodedArticle> Pipeline::Code(Document document,
                                    const CodeContext& context) const {
  const TimeBudget budget(impl_->options.document_time_budget);
  CodedArticle coded;
  ASSIGN_OR_RETURN(coded.article,
                   ExtractArticle(document, impl_->options.extract));
  coded.document = std::move(document);
  coded.warnings = coded.document.warnings;
  coded.warnings.insert(coded.warnings.end(), coded.article.warnings.begin(),
                        coded.article.warnings.end());
  Article& a = coded.article;
  ResolvePublicationDate(coded.document, &a);

  const std::string_view body =
      CodedBody(a.body, impl_->options.max_coded_body_bytes, &coded.warnings);
  const AnalyzedText analyzed = impl_->text->Analyze(body);
  coded.sentence_count = analyzed.sentences.size();
  if (budget.Spent("extraction and sentence analysis",
                   "actors, dates, places and events were", &coded.warnings))
    return coded;

  ActorContext actor_context;
  actor_context.date = a.published;
  if (!actor_context.date && a.copyright_year)
    actor_context.date = PartialDate{*a.copyright_year, 0, 0};
  coded.actors = impl_->actors->FindActors(analyzed, actor_context);
  if (budget.Spent("the actor search", "dates, places and events were",
                   &coded.warnings))
    return coded;

  DateContext date_context;
  date_context.published = a.published;
  date_context.year_hint = a.copyright_year;
  coded.dates = FindDates(body, date_context);

  coded.places = impl_->places->FindPlaces(
      analyzed, PlaceContextFor(a, context, coded.actors, *impl_->actors));
  DropPlacesInsideActors(coded.actors, *impl_->actors, &coded.places);
  if (budget.Spent("the place search", "events were", &coded.warnings))
    return coded;
  AssignDatelineCountry(coded.places, *impl_->actors, &coded.actors);

  bool events_cut_short = false;
  coded.events = impl_->events->Code(
      analyzed, coded.actors, coded.dates, coded.places,
      EventContextFor(a, coded.places, budget.deadline()), &events_cut_short);
  if (events_cut_short)
    budget.Note("event coding", "the sentences after that point were",
                &coded.warnings);
  // The report's label is decided with the events' types, before duplicates go.
  coded.event_label = impl_->acled->Refine(analyzed, &coded.events);
  if (impl_->options.require_dyad) {
    std::erase_if(coded.events, [](const Event& e) {
      return e.source.actor.empty() || e.target.actor.empty();
    });
  }
  DedupArticleEvents(a.body, &coded.events);
  return coded;
}

CodeContext PublicationMemory::ContextFor(const Document& document) const {
  CodeContext context;
  const std::string host = UrlHost(document.url);
  if (host.empty()) return context;
  if (auto it = publications_.find(host); it != publications_.end())
    context.publication_home = it->second.home.Home();
  return context;
}

void PublicationMemory::Remember(std::string_view url,
                                 const std::vector<PlaceMention>& places) {
  std::string host = UrlHost(url);
  if (host.empty()) return;
  auto it = publications_.find(host);
  if (it == publications_.end()) {
    if (publications_.size() == kMaxPublications) {
      publications_.erase(recency_.back());
      recency_.pop_back();
    }
    recency_.push_front(host);
    it = publications_
             .emplace(std::move(host), Publication{{}, recency_.begin()})
             .first;
  } else {
    recency_.splice(recency_.begin(), recency_, it->second.last_seen);
  }
  it->second.home.Add(places);
}

}  // namespace dateline
