// Actor dictionaries, their compilation into a token trie, and the composition
// rules that turn dictionary hits into actor mentions.
//
// Matching works on Token::key (normalised lemma), so "officials" matches the
// entry "official" and "Region's" the entry "Region". Phrases marked with "="
// in the data must also match the original spelling exactly ("=US" matches "US"
// but not "us"). TABARI/PETRARCH names and agents match the forms their
// dictionary lists word for word, as PETRARCH matches them (agents' plurals are
// generated, "POLICE {}" must not match "polices", "FRANCE" not "francs");
// where such a name has a space, a few other words may stand (kMaxGap).
//
// TABARI/PETRARCH entries (actors/tabari_actors.h) compose as PETRARCH codes
// noun phrases (SentenceComposer::ComposeTabari): agents add their sectors to
// the actor's, an agent before "of/in/from" takes the actor after it, and every
// actor the words stand for is coded, the first as the mention's actor and the
// others in ActorMention::also ("the Shire" [FRO/BIL/SAM]; "Lawmakers in
// Fornost and Gondor": FORLEG, also GONLEG). A TABARI actor's code is chosen by
// ActorContext::date; one that codes nothing then (the null code "[---]") gives
// a mention with an empty code and the rule "rule:null-code", so that the words
// are not read as anything else.
#include "actors/actors.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "actors/tabari_actors.h"
#include "core/date.h"
#include "core/string_hash.h"
#include "core/table_file.h"

namespace dateline {

namespace {

enum class EntryKind {
  kPerson,
  kOrganization,
  kCountry,
  kCapital,
  kDemonym,
  kAgent
};

struct Entry {
  EntryKind kind;
  ActorCode code;
  std::string id;
  std::string rule;  // "actors/agents.txt:12 minister"
  std::string person;
  std::optional<PartialDate> from, to;
  // From a TABARI/PETRARCH dictionary: an actor's code is chosen among
  // `tabari_codes` by the report's date, an agent's sectors are added to the
  // actor's rather than replacing them, and mentions compose the way PETRARCH
  // codes noun phrases.
  bool tabari = false;
  std::vector<TabariCode> tabari_codes;
};

struct Candidate {
  uint32_t entry;
  std::vector<std::string>
      exact;  // original token spellings, when the phrase is "="
  std::vector<std::string> norms;  // normalised words to match one for one
                                   // (TABARI and PETRARCH phrases)
};

struct Node {
  std::vector<Candidate> candidates;
  bool gapped = false;  // has edges in Impl::gap_edges
};

// Words a TABARI/PETRARCH phrase may skip where its dictionary wrote a space
// ("ITHILEN TELEVISION" matches "Ithilen state-run television"): PETRARCH
// allows other words of the noun phrase there; Dateline, without a parse,
// allows a few words or hyphens and no other punctuation.
constexpr size_t kMaxGap = 3;

// A dictionary hit: tokens [first, last) name entry `entry`.
struct Hit {
  size_t first, last;
  uint32_t entry;
};

// Lower-case particles that may stand inside a person's name.
bool IsNameParticle(std::string_view norm) {
  static const char* const kParticles[] = {
      "al",  "bin", "ibn", "van", "von", "de",   "der", "la",
      "del", "da",  "di",  "el",  "abu", "bint", "le",  "du"};
  return std::find(std::begin(kParticles), std::end(kParticles), norm) !=
         std::end(kParticles);
}

bool Covers(const std::optional<PartialDate>& from,
            const std::optional<PartialDate>& to,
            const std::optional<PartialDate>& when) {
  if (!when) return true;
  const auto key = [](const PartialDate& d, bool upper) {
    return d.year * 10000 + (d.month ? d.month : (upper ? 12 : 1)) * 100 +
           (d.day ? d.day : (upper ? 31 : 1));
  };
  const int w = key(*when, false);
  if (from && w < key(*from, false)) return false;
  if (to && w > key(*to, true)) return false;
  return true;
}

}  // namespace

struct ActorMatcher::Impl {
  std::vector<Entry> entries;
  std::vector<Node> nodes{Node{}};
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>
      vocabulary;  // key -> id
  std::unordered_map<uint64_t, uint32_t>
      edges;  // (node << 32 | key id) -> node
  std::unordered_map<uint64_t, uint32_t>
      gap_edges;  // the same, other words may come before
  std::map<std::string, CountryInfo, std::less<>> countries;  // by ISO3
  size_t phrases = 0;

  uint32_t KeyId(std::string_view key) {
    if (auto it = vocabulary.find(key); it != vocabulary.end())
      return it->second;
    return vocabulary
        .emplace(std::string(key), static_cast<uint32_t>(vocabulary.size()))
        .first->second;
  }

  // Each token's key as its vocabulary id, or kNoKey when no phrase has the
  // word. Looked up once per text, not by every trie walk that reaches the
  // token (one from each start position before it, more where a gap may be
  // skipped), each hashing the string again.
  static constexpr uint32_t kNoKey = UINT32_MAX;
  void KeyIds(const AnalyzedText& a, std::vector<uint32_t>* ids) const {
    ids->resize(a.tokens.size());
    for (size_t t = 0; t < a.tokens.size(); ++t) {
      auto v = vocabulary.find(a.tokens[t].key);
      (*ids)[t] = v == vocabulary.end() ? kNoKey : v->second;
    }
  }

  // The dictionaries, in the order that decides which entry of a phrase wins
  // (the first valid one): people, organisations, countries, their capitals and
  // demonyms, agents, then TABARI/PETRARCH files. `own`: data_dir's phrases are
  // read.
  Status LoadPeople(const std::string& path, const TextAnalyzer& analyzer);
  Status LoadOrganizations(const std::string& path,
                           const TextAnalyzer& analyzer);
  Status LoadCountries(const std::string& path, bool own,
                       const TextAnalyzer& analyzer);
  Status LoadAgents(const std::string& path, const TextAnalyzer& analyzer);
  Status LoadTabariFiles(const ActorMatcherOptions& options,
                         const TextAnalyzer& analyzer);

  Status AddPhrase(const TextAnalyzer& analyzer, std::string_view phrase,
                   uint32_t entry, const TableRecord& where,
                   bool word_forms = false) {
    bool exact = false;
    if (!phrase.empty() && phrase.front() == '=') {
      exact = true;
      phrase.remove_prefix(1);
    }
    // A tab (TABARI phrases only) separates parts between which other words may
    // stand.
    std::vector<Token> tokens;
    std::vector<bool> gap_before;
    std::vector<AnalyzedText>
        parts;  // own the tokens' strings until the phrase is added
    for (size_t from = 0; from <= phrase.size();) {
      const size_t tab = std::min(phrase.find('\t', from), phrase.size());
      const size_t first = tokens.size();
      parts.push_back(analyzer.Tokenize(phrase.substr(from, tab - from)));
      for (Token& t : parts.back().tokens) {
        t.start += from;
        t.end += from;
        gap_before.push_back(first > 0 && tokens.size() == first);
        tokens.push_back(std::move(t));
      }
      from = tab + 1;
    }
    if (tokens.empty()) return where.MakeError("empty phrase");
    uint32_t node = 0;
    Candidate c{entry, {}, {}};
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      auto& map = gap_before[k] ? gap_edges : edges;
      if (gap_before[k]) nodes[node].gapped = true;
      const uint64_t edge = (static_cast<uint64_t>(node) << 32) | KeyId(t.key);
      auto it = map.find(edge);
      if (it == map.end()) {
        nodes.emplace_back();
        it = map.emplace(edge, static_cast<uint32_t>(nodes.size() - 1)).first;
      }
      node = it->second;
      if (exact) c.exact.emplace_back(phrase.substr(t.start, t.end - t.start));
      if (word_forms) c.norms.emplace_back(t.norm);
    }
    for (const Candidate& other : nodes[node].candidates) {
      // The same words for the same entry again (a plural the lemmas already
      // fold).
      if (other.entry == entry && other.exact == c.exact &&
          other.norms == c.norms)
        return Status::Ok();
    }
    nodes[node].candidates.push_back(std::move(c));
    ++phrases;
    return Status::Ok();
  }

  uint32_t AddEntry(Entry e) {
    entries.push_back(std::move(e));
    return static_cast<uint32_t>(entries.size() - 1);
  }

  // Longest dictionary hit starting at token i (within [i, end)), if any.
  // `keys` are the KeyIds of `a`; `path` is scratch space, reused between
  // calls.
  std::optional<Hit> LongestHit(const AnalyzedText& a,
                                const std::vector<uint32_t>& keys, size_t i,
                                size_t end, const ActorContext& context,
                                std::vector<size_t>& path) const {
    std::optional<Hit> best;
    path.clear();  // the tokens matched, one per phrase word
    Walk(a, keys, i, end, 0, i, context, path, best);
    return best;
  }

  // Follows the trie from `node` with token j (and, where the phrase allows, a
  // few tokens later), keeping in *best the hit that ends furthest.
  void Walk(const AnalyzedText& a, const std::vector<uint32_t>& keys, size_t i,
            size_t end, uint32_t node, size_t j, const ActorContext& context,
            std::vector<size_t>& path, std::optional<Hit>& best) const {
    const size_t max_skip = nodes[node].gapped ? kMaxGap : 0;
    for (size_t skip = 0; skip <= max_skip; ++skip) {
      const size_t t = j + skip;
      if (t >= end) return;
      if (skip > 0) {
        const Token& skipped = a.tokens[t - 1];
        if (skipped.kind != TokenKind::kWord &&
            std::string_view(skipped.norm) != "-")
          return;
      }
      if (keys[t] == kNoKey) continue;
      const uint64_t key = (static_cast<uint64_t>(node) << 32) | keys[t];
      for (const auto* map : {&edges, &gap_edges}) {
        if (skip > 0 && map == &edges) continue;
        if (map == &gap_edges && !nodes[node].gapped) continue;
        auto e = map->find(key);
        if (e == map->end()) continue;
        path.push_back(t);
        Accept(a, i, e->second, context, path, best);
        Walk(a, keys, i, end, e->second, t + 1, context, path, best);
        path.pop_back();
      }
    }
  }

  // The first valid candidate of `node`, reached over the tokens `path`.
  void Accept(const AnalyzedText& a, size_t i, uint32_t node,
              const ActorContext& context, const std::vector<size_t>& path,
              std::optional<Hit>& best) const {
    const size_t last_token = path.back() + 1;
    if (best && best->last >= last_token) return;
    // A phrase does not end on a past form: "recruited" is a verb, not
    // "recruit" (names are capitalised: "Ahmed" stays a name).
    const Token& last = a.tokens[path.back()];
    const bool past_form =
        !last.capitalized && last.norm != last.lemma && last.norm.size() > 4 &&
        last.norm.compare(last.norm.size() - 2, 2, "ed") == 0;
    for (const Candidate& c : nodes[node].candidates) {
      const Entry& entry = entries[c.entry];
      if (c.norms.empty() && past_form) continue;
      if (!c.norms.empty()) {
        bool same = true;
        for (size_t k = 0; k < c.norms.size() && same; ++k)
          same = a.tokens[path[k]].norm == c.norms[k];
        if (!same) continue;
      }
      if (!c.exact.empty()) {
        bool same = true;
        for (size_t k = 0; k < c.exact.size() && same; ++k)
          same = a.TokenText(path[k]) == c.exact[k];
        if (!same) continue;
      }
      if (entry.kind == EntryKind::kPerson &&
          !Covers(entry.from, entry.to, context.date))
        continue;
      // Candidates of one phrase are in load order (people, organisations,
      // countries, capitals, demonyms, agents); the first valid one wins.
      best = Hit{i, last_token, c.entry};
      return;
    }
  }
};

ActorMatcher::ActorMatcher(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
ActorMatcher::~ActorMatcher() = default;
const CountryInfo* ActorMatcher::CountryByIso2(std::string_view iso2) const {
  for (const auto& [iso3, info] : impl_->countries) {
    if (info.iso2 == iso2) return &info;
  }
  return nullptr;
}

size_t ActorMatcher::entry_count() const { return impl_->entries.size(); }
size_t ActorMatcher::phrase_count() const { return impl_->phrases; }

const CountryInfo* ActorMatcher::Country(std::string_view iso3) const {
  auto it = impl_->countries.find(iso3);
  return it == impl_->countries.end() ? nullptr : &it->second;
}

namespace {

Status CheckCountryCode(const TableRecord& r, const std::string& code) {
  if (code.empty()) return Status::Ok();
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
      }))
    return r.MakeError(
        "country must be a three-letter upper-case code, not \"" + code + "\"");
  return Status::Ok();
}

std::vector<std::string> SplitSectors(const std::string& field) {
  return SplitList(field);
}

Result<std::optional<PartialDate>> ParseOfficeDate(const TableRecord& r,
                                                   const std::string& field) {
  if (field.empty()) return std::optional<PartialDate>();
  auto d = ParseIsoDate(field);
  if (!d)
    return r.MakeError("date must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" +
                       field + "\"");
  return std::optional<PartialDate>(*d);
}

}  // namespace

Status ActorMatcher::Impl::LoadPeople(const std::string& path,
                                      const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(const std::vector<TableRecord> people,
                   ReadTableFile(path, 7, 7));
  for (const TableRecord& r : people) {
    RETURN_IF_ERROR(CheckCountryCode(r, r.fields[1]));
    ASSIGN_OR_RETURN(const std::optional<PartialDate> from,
                     ParseOfficeDate(r, r.fields[4]));
    ASSIGN_OR_RETURN(const std::optional<PartialDate> to,
                     ParseOfficeDate(r, r.fields[5]));
    std::vector<std::string> names = SplitList(r.fields[6]);
    if (names.empty()) return r.MakeError("a person needs at least one name");
    Entry e{EntryKind::kPerson,
            {r.fields[1], SplitSectors(r.fields[2]), r.fields[3], ""},
            r.fields[0],
            r.Where() + " " + r.fields[0],
            names.front(),
            from,
            to};
    const uint32_t id = AddEntry(std::move(e));
    for (const std::string& n : names)
      RETURN_IF_ERROR(AddPhrase(analyzer, n, id, r));
  }
  return Status::Ok();
}

Status ActorMatcher::Impl::LoadOrganizations(const std::string& path,
                                             const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(const std::vector<TableRecord> orgs,
                   ReadTableFile(path, 5, 5));
  for (const TableRecord& r : orgs) {
    RETURN_IF_ERROR(CheckCountryCode(r, r.fields[1]));
    Entry e{EntryKind::kOrganization,
            {r.fields[1], SplitSectors(r.fields[2]), r.fields[3], r.fields[0]},
            r.fields[0],
            r.Where() + " " + r.fields[0],
            "",
            std::nullopt,
            std::nullopt};
    const uint32_t id = AddEntry(std::move(e));
    std::vector<std::string> phrases = SplitList(r.fields[4]);
    if (phrases.empty())
      return r.MakeError("an organisation needs at least one phrase");
    for (const std::string& p : phrases)
      RETURN_IF_ERROR(AddPhrase(analyzer, p, id, r));
  }
  return Status::Ok();
}

// countries.txt is read even without `own` phrases, for Country() and
// CountryByIso2().
Status ActorMatcher::Impl::LoadCountries(const std::string& path, bool own,
                                         const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(const std::vector<TableRecord> rows,
                   ReadTableFile(path, 6, 6));
  std::vector<const TableRecord*> named;  // countries whose names were added
  for (const TableRecord& r : rows) {
    const std::string& iso3 = r.fields[0];
    if (Status s = CheckCountryCode(r, iso3); !s || iso3.empty())
      return r.MakeError("the first field must be an ISO 3166-1 alpha-3 code");
    CountryInfo info;
    info.iso3 = iso3;
    info.iso2 = r.fields[1];
    std::vector<std::string> names = SplitList(r.fields[2]);
    if (names.empty()) return r.MakeError("a country needs at least one name");
    info.name = names.front();
    if (!info.name.empty() && info.name.front() == '=') info.name.erase(0, 1);
    info.capitals = SplitList(r.fields[4]);
    if (std::sscanf(r.fields[5].c_str(), "%lf , %lf", &info.lat, &info.lon) !=
        2)
      return r.MakeError("centroid must be \"lat, lon\", not \"" + r.fields[5] +
                         "\"");
    countries.emplace(iso3, std::move(info));
    if (!own) continue;
    const uint32_t id = AddEntry(Entry{EntryKind::kCountry,
                                       {iso3, {}, "", ""},
                                       iso3,
                                       r.Where() + " " + iso3,
                                       "",
                                       std::nullopt,
                                       std::nullopt});
    for (const std::string& n : names)
      RETURN_IF_ERROR(AddPhrase(analyzer, n, id, r));
    named.push_back(&r);
  }
  // Capitals ("Baghdad said ...") stand for the government; demonyms for the
  // country. Both are added after every country name so that a name beats them.
  for (const TableRecord* r : named) {
    const std::string iso3 = r->fields[0];
    const uint32_t cap = AddEntry(Entry{EntryKind::kCapital,
                                        {iso3, {"GOV"}, "", ""},
                                        iso3,
                                        r->Where() + " " + iso3 + " capital",
                                        "",
                                        std::nullopt,
                                        std::nullopt});
    for (const std::string& c : SplitList(r->fields[4]))
      RETURN_IF_ERROR(AddPhrase(analyzer, c, cap, *r));
    const uint32_t dem = AddEntry(Entry{EntryKind::kDemonym,
                                        {iso3, {}, "", ""},
                                        iso3,
                                        r->Where() + " " + iso3 + " demonym",
                                        "",
                                        std::nullopt,
                                        std::nullopt});
    for (const std::string& d : SplitList(r->fields[3]))
      RETURN_IF_ERROR(AddPhrase(analyzer, d, dem, *r));
  }
  return Status::Ok();
}

Status ActorMatcher::Impl::LoadAgents(const std::string& path,
                                      const TextAnalyzer& analyzer) {
  ASSIGN_OR_RETURN(const std::vector<TableRecord> agents,
                   ReadTableFile(path, 3, 3));
  for (const TableRecord& r : agents) {
    Entry e{EntryKind::kAgent,
            {"", SplitSectors(r.fields[1]), "", ""},
            r.fields[0],
            r.Where() + " " + r.fields[0],
            "",
            std::nullopt,
            std::nullopt};
    const uint32_t id = AddEntry(std::move(e));
    std::vector<std::string> phrases = SplitList(r.fields[2]);
    if (phrases.empty())
      return r.MakeError("an agent needs at least one phrase");
    for (const std::string& p : phrases)
      RETURN_IF_ERROR(AddPhrase(analyzer, p, id, r));
  }
  return Status::Ok();
}

// Extra dictionaries in TABARI/PETRARCH layout.
Status ActorMatcher::Impl::LoadTabariFiles(const ActorMatcherOptions& options,
                                           const TextAnalyzer& analyzer) {
  const auto ends_with = [](const std::string& s, const char* suffix) {
    const size_t n = std::char_traits<char>::length(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
  };
  for (const bool agents : {false, true}) {
    for (const std::string& file :
         agents ? options.agent_files : options.actor_files) {
      if (!options.tabari_format &&
          !ends_with(file, agents ? ".agents" : ".actors"))
        return MakeError(file,
                         std::string("not a TABARI/PETRARCH ") +
                             (agents ? ".agents" : ".actors") +
                             " file (set tabari_format to read it as one)");
      ASSIGN_OR_RETURN(const std::string text, ReadFile(file));
      ASSIGN_OR_RETURN(std::vector<ConvertedActorEntry> converted,
                       ParseTabariActors(text, file, agents));
      for (ConvertedActorEntry& c : converted) {
        TableRecord r{file, c.line, {}};
        Entry e{agents ? EntryKind::kAgent : EntryKind::kOrganization,
                {},
                c.id,
                r.Where() + " " + c.id,
                "",
                std::nullopt,
                std::nullopt};
        e.tabari = true;
        e.code.sectors = std::move(c.sectors);
        e.code.prefix_sectors = std::move(c.prefix_sectors);
        e.tabari_codes = std::move(c.codes);
        const uint32_t id = AddEntry(std::move(e));
        for (const std::string& p : c.phrases) {
          // Word for word, as PETRARCH matches: the files list the forms they
          // mean
          // ("ROHAN" and "+ROHANS"; agents' plurals are generated), and lemmas
          // would read "francs" as FRANCE.
          RETURN_IF_ERROR(AddPhrase(analyzer, p, id, r, /*word_forms=*/true));
        }
      }
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<ActorMatcher>> ActorMatcher::Create(
    const std::string& data_dir, const TextAnalyzer& analyzer) {
  return Create(data_dir, analyzer, ActorMatcherOptions{});
}

Result<std::unique_ptr<ActorMatcher>> ActorMatcher::Create(
    const std::string& data_dir, const TextAnalyzer& analyzer,
    const ActorMatcherOptions& options) {
  auto impl = std::make_unique<Impl>();
  const std::string actors_dir = data_dir + "/actors/";
  // dictionaries_only: none of data_dir's phrases.
  const bool own = !options.dictionaries_only;
  // People first: the first valid candidate of a phrase wins, so a person's
  // name beats an organisation or place spelled the same way.
  if (own)
    RETURN_IF_ERROR(impl->LoadPeople(actors_dir + "people.txt", analyzer));
  if (own)
    RETURN_IF_ERROR(
        impl->LoadOrganizations(actors_dir + "organisations.txt", analyzer));
  RETURN_IF_ERROR(
      impl->LoadCountries(data_dir + "/countries.txt", own, analyzer));
  if (own)
    RETURN_IF_ERROR(impl->LoadAgents(actors_dir + "agents.txt", analyzer));
  RETURN_IF_ERROR(impl->LoadTabariFiles(options, analyzer));
  return std::unique_ptr<ActorMatcher>(new ActorMatcher(std::move(impl)));
}

namespace {

// Builds mentions for one sentence from its dictionary hits.
class SentenceComposer {
 public:
  SentenceComposer(const AnalyzedText& a, const Sentence& s,
                   const std::vector<Entry>& entries,
                   const std::vector<Hit>& hits, const ActorContext& context)
      : a_(a), s_(s), entries_(entries), hits_(hits), context_(context) {}

  void Compose(std::vector<ActorMention>* out) {
    for (size_t h = 0; h < hits_.size();) h = ComposeAt(h, out);
  }

 private:
  const Entry& E(size_t h) const { return entries_[hits_[h].entry]; }
  bool IsPlaceLike(EntryKind k) const {
    return k == EntryKind::kCountry || k == EntryKind::kDemonym ||
           k == EntryKind::kOrganization || k == EntryKind::kCapital;
  }
  // A view, so that comparing it with a literal tests the length first and does
  // no strlen.
  std::string_view Norm(size_t t) const { return a_.tokens[t].norm; }
  bool InSentence(size_t t) const { return t < s_.last_token; }

  // A TABARI actor whose code on the report's date is the null code ("[---]",
  // or no restriction holds and there is no default): the words name an actor
  // that codes nothing.
  bool IsNull(size_t h) const {
    const Entry& e = E(h);
    if (!e.tabari || e.kind == EntryKind::kAgent) return false;
    const TabariCode* c = ChooseTabariCode(e.tabari_codes, context_.date);
    return !c || c->codes.empty();
  }
  bool IsAgent(size_t h) const { return E(h).kind == EntryKind::kAgent; }

  ActorMention Start(size_t h) const {
    ActorMention m;
    m.first_token = hits_[h].first;
    m.last_token = hits_[h].last;
    m.actor = E(h).code;
    if (E(h).kind == EntryKind::kPerson) m.person = E(h).person;
    m.rules.push_back(E(h).rule);
    if (E(h).tabari && !IsAgent(h)) {
      const TabariCode* c = ChooseTabariCode(E(h).tabari_codes, context_.date);
      if (!c || c->codes.empty()) {
        m.actor = ActorCode{};
        m.rules.push_back("rule:null-code");
      } else {
        m.actor = ParseActorCode(c->codes.front());
        for (size_t i = 1; i < c->codes.size(); ++i)
          m.also.push_back(ParseActorCode(c->codes[i]));
        if (c->codes.size() > 1) m.rules.push_back("rule:several-actors");
      }
    }
    return m;
  }

  // An agent's sectors on one actor code. TABARI/PETRARCH agents add theirs
  // after
  // ("~GOV") or before ("NGO~") the code unless the code already carries them
  // ("White House security officials" stay USAGOV, HGWGOVMED stays with
  // "government newspaper" [~GOVMED], GMWGOV with "world government" [~WGO]
  // becomes GMWGOVWGO). Dateline's agents say what part of the country or
  // organisation acts: "Iraqi forces" are MIL, "Peshmerga officials" GOV;
  // sectors the organisation already carries are kept only when the agent gives
  // none.
  static void ApplyAgent(ActorCode& code, const Entry& agent) {
    if (!agent.tabari) {
      if (!agent.code.sectors.empty()) code.sectors = agent.code.sectors;
      return;
    }
    for (const std::string& s : agent.code.sectors) {
      if (s != code.country &&
          std::find(code.sectors.begin(), code.sectors.end(), s) ==
              code.sectors.end())
        code.sectors.push_back(s);
    }
    for (const std::string& s : agent.code.prefix_sectors) {
      if (s != code.country &&
          std::find(code.prefix_sectors.begin(), code.prefix_sectors.end(),
                    s) == code.prefix_sectors.end())
        code.prefix_sectors.push_back(s);
    }
  }

  // Adds an agent's sectors to a mention that names a country or organisation.
  void AddAgent(ActorMention& m, size_t h) const {
    const Entry& agent = E(h);
    ApplyAgent(m.actor, agent);
    for (ActorCode& c : m.also) ApplyAgent(c, agent);
    m.rules.push_back(agent.rule);
    m.first_token = std::min(m.first_token, hits_[h].first);
    m.last_token = std::max(m.last_token, hits_[h].last);
  }

  // Capitalised words at token t that are not in the dictionary: a person's
  // name.
  size_t NameEnd(size_t t, size_t next_hit_first) const {
    size_t end = t;
    while (end < s_.last_token && end < next_hit_first && end - t < 5) {
      const Token& tok = a_.tokens[end];
      if (tok.kind != TokenKind::kWord) break;
      if (!tok.capitalized && !(IsNameParticle(tok.norm) && end > t)) break;
      if (tok.norm == "'s") break;
      ++end;
    }
    // A name does not end in a particle.
    while (end > t && !a_.tokens[end - 1].capitalized) --end;
    return end;
  }

  size_t NextHitFirst(size_t h) const {
    return h < hits_.size() ? hits_[h].first : s_.last_token;
  }

  void AttachName(ActorMention& m, size_t first, size_t end, const char* rule) {
    std::string name;
    for (size_t t = first; t < end; ++t) {
      if (!name.empty()) name += ' ';
      name += a_.TokenText(t);
    }
    m.person = name;
    m.last_token = std::max(m.last_token, end);
    m.rules.push_back(rule);
  }

  // The mention that starts at hit h, with the hits it absorbs; returns the
  // next hit.
  size_t ComposeAt(size_t h, std::vector<ActorMention>* out) {
    if (const size_t after = ComposeCompound(h, out)) return after;
    if (E(h).tabari) return ComposeTabari(h, out);
    ActorMention m = Start(h);
    size_t next = h + 1;
    const EntryKind kind = E(h).kind;
    if (kind == EntryKind::kAgent) next = StackRoles(h, &m);
    if (IsPlaceLike(kind) || kind == EntryKind::kPerson) {
      next = AttachAgent(h, next, &m);
    } else if (kind == EntryKind::kAgent) {
      next = AttachOwnerAndName(next, &m);
    }
    next = AttachAppositive(kind, next, &m);
    out->push_back(std::move(m));
    return next;
  }

  // Compound: "Hungarian and Romanian officials" -> two actors sharing the
  // agent. Returns the hit after the agent, or 0 when hit h starts no such
  // compound.
  size_t ComposeCompound(size_t h, std::vector<ActorMention>* out) {
    const auto compoundable = [&](EntryKind k) {
      return k == EntryKind::kDemonym || k == EntryKind::kCountry ||
             k == EntryKind::kOrganization;
    };
    if (!compoundable(E(h).kind) || IsNull(h)) return 0;
    size_t k = h;
    std::vector<size_t> members{h};
    // A list needs its "and"/"or": "ISIS, Syrian officials said" is no
    // compound.
    bool conjunction = false;
    while (k + 1 < hits_.size()) {
      const size_t gap_first = hits_[k].last, gap_last = hits_[k + 1].first;
      if (gap_last != gap_first + 1) break;
      const std::string_view joiner = Norm(gap_first);
      if (joiner != "and" && joiner != "," && joiner != "or") break;
      if (!compoundable(E(k + 1).kind) || IsNull(k + 1)) break;
      conjunction |= joiner != ",";
      members.push_back(++k);
    }
    if (members.size() < 2 || !conjunction || k + 1 >= hits_.size() ||
        E(k + 1).kind != EntryKind::kAgent ||
        hits_[k + 1].first != hits_[k].last)
      return 0;
    for (size_t member : members) {
      ActorMention m = Start(member);
      AddAgent(m, k + 1);
      m.first_token = hits_[member].first;
      m.last_token =
          member == members.back() ? hits_[k + 1].last : hits_[member].last;
      m.rules.push_back("rule:compound-actor");
      out->push_back(std::move(m));
    }
    return k + 2;
  }

  // Stacked role nouns name one role, headed by the last: "Deputy Commanding
  // General", "deputy prime minister", "army chief". Only title-case words may
  // stand between them. Returns the hit after the last role.
  size_t StackRoles(size_t h, ActorMention* m) {
    size_t next = h + 1;
    while (next < hits_.size() && E(next).kind == EntryKind::kAgent &&
           hits_[next].first - m->last_token <= 2) {
      bool titles_between = true;
      for (size_t t = m->last_token; t < hits_[next].first; ++t)
        titles_between &= a_.tokens[t].capitalized;
      if (!titles_between) break;
      const Entry& head = E(next);
      m->actor.sectors = head.code.sectors;
      m->rules.insert(m->rules.begin(),
                      head.rule);  // the head's rule names the role
      m->last_token = hits_[next].last;
      ++next;
    }
    if (next != h + 1) m->rules.push_back("rule:stacked-roles");
    return next;
  }

  // After a place or person: "Iraqi forces", "Peshmerga officials"; possessive
  // "Kurdistan Region's Minister".
  size_t AttachAgent(size_t h, size_t next, ActorMention* m) {
    if (next < hits_.size() && E(next).kind == EntryKind::kAgent) {
      const size_t gap = hits_[next].first - hits_[h].last;
      if (gap == 0 || (gap == 1 && Norm(hits_[h].last) == "'s")) {
        AddAgent(*m, next);
        if (gap == 1) m->rules.push_back("rule:possessive");
        ++next;
      }
    }
    return next;
  }

  // After a role: its owner ("General of the US-led coalition", "forces of
  // Iraq") or the person who holds it ("Interior Minister Reber Ahmed", "Maj.
  // General Karl Harris").
  size_t AttachOwnerAndName(size_t next, ActorMention* m) {
    size_t t = m->last_token;
    if (InSentence(t) && Norm(t) == "of") {
      ++t;
      if (InSentence(t) && Norm(t) == "the") ++t;
      if (next < hits_.size() && hits_[next].first == t &&
          IsPlaceLike(E(next).kind)) {
        ActorMention owner = Start(next);
        owner.first_token = m->first_token;
        owner.rules.insert(owner.rules.begin(), m->rules.begin(),
                           m->rules.end());
        if (!m->actor.sectors.empty()) owner.actor.sectors = m->actor.sectors;
        owner.rules.push_back("rule:agent-of-owner");
        *m = std::move(owner);
        ++next;
      }
    }
    const size_t name_first = m->last_token;
    const size_t name_end = NameEnd(name_first, NextHitFirst(next));
    if (name_end > name_first && m->actor.country.empty())
      AttachName(*m, name_first, name_end, "rule:person-by-role");
    return next;
  }

  // Appositive: "..., Reber Ahmed met" / "Reber Ahmed, the interior minister,".
  size_t AttachAppositive(EntryKind kind, size_t next, ActorMention* m) {
    const size_t t = m->last_token;
    if (!m->person.empty() || !InSentence(t) || Norm(t) != ",") return next;
    if (next < hits_.size() && hits_[next].first == t + 1 &&
        E(next).kind == EntryKind::kPerson) {
      const Entry& p = E(next);
      m->person = p.person;
      if (m->actor.country.empty()) m->actor = p.code;
      m->rules.push_back(p.rule);
      m->rules.push_back("rule:appositive");
      m->last_token = hits_[next].last;
      ++next;
    } else if (kind != EntryKind::kDemonym) {
      const size_t end = NameEnd(t + 1, NextHitFirst(next));
      // Two or more capitalised words after the comma, then no capitalised word
      // continuing a list ("Iraq, Iran and Syria" is not a name).
      if (end >= t + 3 && (end >= s_.last_token || !a_.tokens[end].capitalized))
        AttachName(*m, t + 1, end, "rule:appositive");
    }
    return next;
  }

  // ---- Noun phrases of TABARI/PETRARCH dictionaries, composed as PETRARCH
  // codes them.

  bool IsPossessive(size_t t) const {
    return InSentence(t) && (Norm(t) == "'s" || Norm(t) == "'");
  }

  // Tokens [from, to) join two conjuncts: ",", "and", "or", "nor", ", and", and
  // with `allow_the` a following "the" ("Ithilen and the government of
  // Gondor").
  bool Coordinator(size_t from, size_t to, bool allow_the) const {
    size_t u = from;
    bool joined = false;
    if (u < to && Norm(u) == ",") ++u, joined = true;
    if (u < to && (Norm(u) == "and" || Norm(u) == "or" || Norm(u) == "nor"))
      ++u, joined = true;
    if (allow_the && u < to && Norm(u) == "the") ++u;
    return joined && u == to;
  }

  // Words [from, to) between a possessive and its role noun: at most three
  // plain words
  // ("Dagolath's first Deputy Prime Minister", "Ithilen's awful and evil
  // minister"), none of them a function word that would start a new phrase
  // ("Iran's decision to send troops"). Without a possessive the role noun must
  // follow at once.
  bool ModifiersOnly(size_t from, size_t to, bool possessive) const {
    if (from == to) return true;
    if (!possessive || to - from > 3) return false;
    static const char* const kStops[] = {
        "to",   "of",    "for", "with", "in",   "on",    "at",   "by",   "from",
        "that", "which", "who", "the",  "a",    "an",    "has",  "have", "had",
        "is",   "are",   "was", "were", "will", "would", "said", "says", "not"};
    for (size_t u = from; u < to; ++u) {
      if (a_.tokens[u].kind != TokenKind::kWord) return false;
      if (std::find(std::begin(kStops), std::end(kStops), Norm(u)) !=
          std::end(kStops))
        return false;
      if ((Norm(u) == "and" || Norm(u) == "or") && (u == from || u + 1 == to))
        return false;
    }
    return true;
  }

  // Agents from hit k on: a run of adjacent agents, then further runs joined by
  // "and"/"or"/"," ("media and government"). A later run shares the words
  // before the first run's head ("Danish Islamist media and government":
  // MUS+MED, MUS+GOV). Returns the hit after the last agent taken.
  size_t AgentAlternatives(
      size_t k, std::vector<std::vector<size_t>>* alternatives) const {
    const size_t n = hits_.size();
    std::vector<size_t> run{k};
    size_t j = k + 1;
    while (j < n && IsAgent(j) && hits_[j].first == hits_[j - 1].last)
      run.push_back(j++);
    alternatives->push_back(run);
    while (j < n && IsAgent(j) &&
           Coordinator(hits_[j - 1].last, hits_[j].first, false)) {
      std::vector<size_t> next(run.begin(), run.end() - 1);
      next.push_back(j++);
      while (j < n && IsAgent(j) && hits_[j].first == hits_[j - 1].last)
        next.push_back(j++);
      alternatives->push_back(std::move(next));
    }
    return j;
  }

  // Every owner code with every alternative's agents, without repeats; the
  // first becomes the mention's actor, the others its `also`.
  void SetCodes(ActorMention& m, const std::vector<ActorCode>& owners,
                const std::vector<std::vector<size_t>>& alternatives) const {
    std::vector<ActorCode> codes;
    for (const std::vector<size_t>& agents : alternatives) {
      for (const ActorCode& owner : owners) {
        ActorCode c = owner;
        for (size_t agent : agents) ApplyAgent(c, E(agent));
        const std::string code = c.Code();
        if (std::none_of(codes.begin(), codes.end(),
                         [&](const ActorCode& x) { return x.Code() == code; }))
          codes.push_back(std::move(c));
      }
    }
    m.actor = codes.front();
    m.also.assign(codes.begin() + 1, codes.end());
  }

  void AddRules(ActorMention& m,
                const std::vector<std::vector<size_t>>& alternatives) const {
    std::vector<size_t> seen;
    for (const auto& agents : alternatives) {
      for (size_t agent : agents) {
        if (std::find(seen.begin(), seen.end(), agent) != seen.end()) continue;
        seen.push_back(agent);
        m.rules.push_back(E(agent).rule);
      }
    }
  }

  // A phrase whose first hit h comes from a TABARI/PETRARCH dictionary:
  //   [prefix agents] ACTOR ['s [modifiers]] [AGENTS [and AGENTS]] [NAME]
  //     "MSF Arnor", "An MSF Arnor diplomat", "Gondor's main opposition group",
  //     "Danish media and government", "Bree Prime Minister Romendacil"
  //   AGENTS [and AGENTS] (of|in|from) [the] ACTOR [(,|and) [the] ACTOR]...
  //     "Human rights activists in Arnor", "Lawmakers and officials in Fornost
  //     and Gondor", "The ambassadors of Arnor, Osgiliath and Gondor"
  //   AGENTS NAME: "Prime Minister Telemar"
  //   AGENTS alone: no country ("students": EDU, printed ---EDU by PETRARCH)
  // Every combination of actor and agents the words stand for is coded: the
  // first is the mention's actor, the others are in `also`.
  size_t ComposeTabari(size_t h, std::vector<ActorMention>* out) const {
    const size_t n = hits_.size();
    size_t k = h;
    while (k + 1 < n && IsAgent(k) && E(k).code.sectors.empty() &&
           !E(k).code.prefix_sectors.empty() &&
           hits_[k + 1].first == hits_[k].last)
      ++k;
    if (IsAgent(k)) return ComposeTabariAgents(h, out);

    ActorMention m = Start(k);
    m.first_token = hits_[h].first;
    size_t next = k + 1;
    if (IsNull(k)) {
      if (k > h) m.rules.insert(m.rules.begin(), E(h).rule);
      out->push_back(std::move(m));
      return next;
    }
    for (size_t p = h; p < k; ++p) AddAgent(m, p);
    size_t t = hits_[k].last;
    const bool possessive = IsPossessive(t);
    if (possessive) ++t;
    if (next < n && IsAgent(next) && hits_[next].first >= t &&
        ModifiersOnly(t, hits_[next].first, possessive)) {
      std::vector<std::vector<size_t>> alternatives;
      const size_t end = AgentAlternatives(next, &alternatives);
      std::vector<ActorCode> owners{m.actor};
      owners.insert(owners.end(), m.also.begin(), m.also.end());
      SetCodes(m, owners, alternatives);
      AddRules(m, alternatives);
      if (possessive) m.rules.push_back("rule:possessive");
      if (alternatives.size() > 1) m.rules.push_back("rule:compound-agent");
      m.last_token = hits_[end - 1].last;
      next = end;
      // The role's holder named after it; the phrase's first actor keeps the
      // code
      // ("Ithilen's minister Calimehtar" is ITHGOV whatever Calimehtar codes).
      if (next < n && !IsAgent(next) && hits_[next].first == m.last_token) {
        m.rules.push_back(E(next).rule);
        m.rules.push_back("rule:name-after-role");
        m.last_token = hits_[next].last;
        ++next;
      }
    }
    out->push_back(std::move(m));
    return next;
  }

  size_t ComposeTabariAgents(size_t h, std::vector<ActorMention>* out) const {
    const size_t n = hits_.size();
    std::vector<std::vector<size_t>> alternatives;
    const size_t end = AgentAlternatives(h, &alternatives);
    ActorMention m;
    m.first_token = hits_[h].first;
    m.last_token = hits_[end - 1].last;
    AddRules(m, alternatives);
    const auto owner_at = [&](size_t j, size_t token) {
      return j < n && !IsAgent(j) && !IsNull(j) && hits_[j].first == token;
    };
    std::vector<size_t> owners;
    const char* how = "rule:agent-alone";
    const size_t t = m.last_token;
    if (owner_at(end, t)) {
      owners.push_back(end);
      how = "rule:name-after-role";
    } else if (InSentence(t) &&
               (Norm(t) == "of" || Norm(t) == "in" || Norm(t) == "from")) {
      // "of the Twin Cities": "the" may be the owner's first word or stand
      // before it.
      if (owner_at(end, t + 1) ||
          (InSentence(t + 1) && Norm(t + 1) == "the" && owner_at(end, t + 2))) {
        owners.push_back(end);
        for (size_t j = end + 1;
             j < n && !IsAgent(j) && !IsNull(j) &&
             Coordinator(hits_[j - 1].last, hits_[j].first, true);
             ++j)
          owners.push_back(j);
        how = owners.size() > 1 ? "rule:agent-of-compound"
                                : "rule:agent-of-owner";
      }
    }
    std::vector<ActorCode> codes;
    for (size_t o : owners) {
      ActorMention owner = Start(o);
      codes.push_back(owner.actor);
      codes.insert(codes.end(), owner.also.begin(), owner.also.end());
      m.rules.insert(m.rules.end(), owner.rules.begin(), owner.rules.end());
    }
    if (codes.empty()) codes.emplace_back();
    SetCodes(m, codes, alternatives);
    if (alternatives.size() > 1) m.rules.push_back("rule:compound-agent");
    m.rules.push_back(how);
    size_t next = end;
    if (!owners.empty()) {
      m.last_token = hits_[owners.back()].last;
      next = owners.back() + 1;
    }
    out->push_back(std::move(m));
    return next;
  }

  const AnalyzedText& a_;
  const Sentence& s_;
  const std::vector<Entry>& entries_;
  const std::vector<Hit>& hits_;
  const ActorContext& context_;
};

}  // namespace

namespace {

void SortByFirstToken(std::vector<ActorMention>* mentions) {
  std::sort(mentions->begin(), mentions->end(),
            [](const ActorMention& x, const ActorMention& y) {
              return x.first_token < y.first_token;
            });
}

// In-document coreference by surname: "Ahmed tweeted" after "Reber Ahmed".
void AddSurnameReferences(const AnalyzedText& a,
                          std::vector<ActorMention>* mentions) {
  std::unordered_map<std::string, size_t> surname_to_mention;
  std::vector<bool> covered(a.tokens.size(), false);
  for (size_t i = 0; i < mentions->size(); ++i) {
    const ActorMention& m = (*mentions)[i];
    for (size_t t = m.first_token; t < m.last_token; ++t) covered[t] = true;
    if (m.person.empty() || m.actor.country.empty()) continue;
    const size_t space = m.person.rfind(' ');
    if (space == std::string::npos) continue;
    surname_to_mention[m.person.substr(space + 1)] = i;
  }
  if (surname_to_mention.empty()) return;
  std::vector<ActorMention> refs;
  for (size_t t = 0; t < a.tokens.size(); ++t) {
    if (covered[t] || !a.tokens[t].capitalized) continue;
    auto it = surname_to_mention.find(std::string(a.TokenText(t)));
    if (it == surname_to_mention.end()) continue;
    const ActorMention& antecedent = (*mentions)[it->second];
    if (t < antecedent.last_token) continue;  // only refer back
    if (t + 1 < a.tokens.size() && a.tokens[t + 1].capitalized &&
        a.tokens[t + 1].kind == TokenKind::kWord)
      continue;  // part of a longer name
    ActorMention ref;
    ref.first_token = t;
    ref.last_token = t + 1;
    ref.actor = antecedent.actor;
    ref.person = antecedent.person;
    ref.rules = {"rule:coreference-surname"};
    refs.push_back(std::move(ref));
  }
  mentions->insert(mentions->end(), refs.begin(), refs.end());
  SortByFirstToken(mentions);
}

// Role nouns without a country take it from the latest earlier mention of the
// same role that has one: "the minister" after "the Kurdistan Region's
// Minister". The latest mention with a country is kept per rule it cites, so
// that each mention is looked at once, however many there are.
void FillRolesFromEarlierMentions(std::vector<ActorMention>* mentions) {
  std::unordered_map<std::string, size_t>
      latest_with_country;  // rule -> mention
  for (size_t i = 0; i < mentions->size(); ++i) {
    ActorMention& m = (*mentions)[i];
    // Only mentions that are a bare role (possibly with a name after it).
    bool bare_role = m.actor.country.empty() && !m.rules.empty() &&
                     m.rules.front().rfind("rule:", 0) != 0;
    for (size_t r = 1; bare_role && r < m.rules.size(); ++r)
      bare_role = m.rules[r] == "rule:person-by-role";
    if (bare_role) {
      auto it = latest_with_country.find(m.rules.front());
      if (it != latest_with_country.end()) {
        const ActorMention& prev = (*mentions)[it->second];
        m.actor = prev.actor;
        if (m.person.empty()) m.person = prev.person;
        m.rules.push_back("rule:coreference-role");
      }
    }
    if (m.actor.country.empty()) continue;
    for (const std::string& rule : m.rules) latest_with_country[rule] = i;
  }
}

// Personal pronouns refer to the latest named person before them, when one was
// named recently (within kPronounReach tokens): "Ahmed met the envoy. He said
// ...".
void AddPronounReferences(const AnalyzedText& a,
                          std::vector<ActorMention>* mentions) {
  constexpr size_t kPronounReach = 80;
  std::vector<ActorMention> pronouns;
  size_t next_mention = 0;
  const ActorMention* latest_person = nullptr;
  for (size_t t = 0; t < a.tokens.size(); ++t) {
    while (next_mention < mentions->size() &&
           (*mentions)[next_mention].last_token <= t) {
      const ActorMention& m = (*mentions)[next_mention++];
      if (!m.person.empty() && !m.actor.Code().empty()) latest_person = &m;
    }
    const std::string_view n = a.tokens[t].norm;
    if (n != "he" && n != "she" && n != "him") continue;
    if (!latest_person || t - latest_person->last_token > kPronounReach)
      continue;
    ActorMention ref;
    ref.first_token = t;
    ref.last_token = t + 1;
    ref.actor = latest_person->actor;
    ref.person = latest_person->person;
    ref.rules = {"rule:coreference-pronoun"};
    pronouns.push_back(std::move(ref));
  }
  if (pronouns.empty()) return;
  mentions->insert(mentions->end(), pronouns.begin(), pronouns.end());
  SortByFirstToken(mentions);
}

}  // namespace

std::vector<ActorMention> ActorMatcher::FindActors(
    const AnalyzedText& a, const ActorContext& context) const {
  std::vector<ActorMention> mentions;
  std::vector<size_t> path;
  std::vector<uint32_t> keys;
  impl_->KeyIds(a, &keys);
  std::vector<Hit> hits;
  for (const Sentence& s : a.sentences) {
    hits.clear();
    for (size_t i = s.first_token; i < s.last_token;) {
      std::optional<Hit> hit =
          impl_->LongestHit(a, keys, i, s.last_token, context, path);
      if (hit) {
        hits.push_back(*hit);
        i = hit->last;
      } else {
        ++i;
      }
    }
    SentenceComposer(a, s, impl_->entries, hits, context).Compose(&mentions);
  }
  AddSurnameReferences(a, &mentions);
  FillRolesFromEarlierMentions(&mentions);
  AddPronounReferences(a, &mentions);
  for (ActorMention& m : mentions) {
    m.span.start = a.tokens[m.first_token].start;
    m.span.end = a.tokens[m.last_token - 1].end;
    m.text =
        std::string(a.text.substr(m.span.start, m.span.end - m.span.start));
  }
  return mentions;
}

}  // namespace dateline
