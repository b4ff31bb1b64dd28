// The actor/agent dictionary reader; the accepted format is described in
// tabari_actors.h.
#include "actors/tabari_actors.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/table_file.h"

namespace dateline {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

// "HAMAS_MILITARY_COMMAND" -> "HAMAS MILITARY COMMAND", "HAMAS WING" ->
// "HAMAS\tWING" (other words may stand at a tab); a trailing "_" (TABARI's "no
// stem") is dropped.
std::string Phrase(std::string_view name) {
  std::string p;
  bool gap = false;
  for (char c : name) {
    if (IsSpace(c)) {
      gap = true;
    } else if (c == '_') {
      if (!p.empty() && p.back() != ' ' && p.back() != '\t') p.push_back(' ');
    } else {
      if (gap && !p.empty()) {
        if (p.back() == ' ') p.pop_back();
        p.push_back('\t');
      }
      gap = false;
      p.push_back(c);
    }
  }
  while (!p.empty() && p.back() == ' ') p.pop_back();
  return p;
}

constexpr const char* kDateProblem =
    "a date restriction is \"<DATE\", \">DATE\" or \"DATE-DATE\" with DATE as "
    "YYYYMMDD or YYMMDD";

// Reads the brackets in `rest` ("[A] [B <950101]"). `code` parses one bracket's
// inside and returns an error message or "". Words after the last bracket are
// ignored, as PETRARCH ignores them (Phoenix.International.actors.txt has
// descriptions there without "#"), unless another bracket follows them.
template <typename ParseOne>
std::string ReadBrackets(std::string_view rest, ParseOne code) {
  bool first = true;
  while (true) {
    rest = Trim(rest);
    if (rest.empty()) return "";
    if (rest.front() != '[' &&
        (first || rest.find_first_of("[]{}") != std::string_view::npos))
      return "expected \"[\" before a code, found \"" + std::string(rest) +
             "\"";
    if (rest.front() != '[') return "";
    first = false;
    const size_t close = rest.find_first_of("]}");
    if (close == std::string_view::npos) return "\"[\" without \"]\"";
    const std::string problem = code(Trim(rest.substr(1, close - 1)));
    if (!problem.empty()) return problem;
    rest.remove_prefix(close + 1);
  }
}

// The inside of an actor bracket: "CODE", "CODE <DATE", "A/B/C", "---".
std::string ParseActorBracket(std::string_view inside, TabariCode* out) {
  size_t end = 0;
  while (end < inside.size() && !IsSpace(inside[end]) && inside[end] != '<' &&
         inside[end] != '>')
    ++end;
  const std::string_view code = inside.substr(0, end);
  if (code.empty())
    return "a code block needs a code, e.g. \"[ABC]\" or \"[ABC >950101]\"";
  if (code != "---" && code != "+++") {
    size_t from = 0;
    while (from <= code.size()) {
      size_t slash = code.find('/', from);
      if (slash == std::string_view::npos) slash = code.size();
      const std::string_view part = code.substr(from, slash - from);
      if (part.empty() || !std::all_of(part.begin(), part.end(), [](char c) {
            return IsAlnum(c) || c == '-';
          }))
        return "a code is letters, digits and \"-\" (\"A/B\" for several "
               "actors), not \"" +
               std::string(code) + "\"";
      if (!std::any_of(part.begin(), part.end(),
                       [](char c) {
                         return std::isalpha(static_cast<unsigned char>(c));
                       }) &&
          part != "---")
        return "\"" + std::string(code) +
               "\" is no code: a code block is \"[CODE DATE-DATE]\"";
      size_t digits = 0, run = 0;
      for (char c : part)
        digits = std::max(digits, run = IsDigit(c) ? run + 1 : 0);
      if (digits >= 6)
        return "a space must separate the code and the date in \"" +
               std::string(code) + "\"";
      if (part != "---") out->codes.push_back(Upper(part));
      from = slash + 1;
    }
  }
  std::string restriction;
  for (char c : inside.substr(end))
    if (!IsSpace(c)) restriction.push_back(c);
  if (restriction.empty()) return "";
  if (restriction.front() == '<' || restriction.front() == '>') {
    auto d = ParseTabariDate(std::string_view(restriction).substr(1));
    if (!d) return kDateProblem;
    (restriction.front() == '>' ? out->from : out->to) = d;
    return "";
  }
  const size_t dash = restriction.find('-');
  if (dash == std::string::npos) {
    // A lone date: the shipped files mean a start ("[USAGOV 19820101] # entered
    // ...").
    out->from = ParseTabariDate(restriction);
    return out->from ? "" : kDateProblem;
  }
  out->from = ParseTabariDate(std::string_view(restriction).substr(0, dash));
  out->to = ParseTabariDate(std::string_view(restriction).substr(dash + 1));
  if (!out->from || !out->to) return kDateProblem;
  return "";
}

// The inside of an agent bracket: "~GOV", "NGO~", "GOV".
std::string ParseAgentBracket(std::string_view inside,
                              ConvertedActorEntry* out) {
  std::string code;
  for (char c : inside)
    if (!IsSpace(c)) code.push_back(c);
  if (code.size() != inside.size() &&
      std::any_of(code.begin(), code.end(), IsDigit))
    return "agent codes take no dates";
  bool prefix = false;
  std::string_view c = code;
  if (!c.empty() && c.front() == '~') {
    c.remove_prefix(1);
  } else if (!c.empty() && c.back() == '~') {
    c.remove_suffix(1);
    prefix = true;
  }
  if (c.empty() || !std::all_of(c.begin(), c.end(), IsAlnum))
    return "an agent code is letters and digits after or before \"~\", such as "
           "\"~GOV\" or \"NGO~\", not \"" +
           std::string(inside) + "\"";
  for (std::string& s : SplitCodeSectors(Upper(c)))
    (prefix ? out->prefix_sectors : out->sectors).push_back(std::move(s));
  return "";
}

bool IsVowel(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

// The regular plural of a phrase's last word (dictionaries.rst, "Plurals").
std::string RegularPlural(const std::string& phrase) {
  if (phrase.empty() ||
      !std::isalpha(static_cast<unsigned char>(phrase.back())))
    return "";
  const bool lower =
      std::islower(static_cast<unsigned char>(phrase.back())) != 0;
  const auto ends = [&](const char* s) {
    const std::string u = Upper(phrase);
    const size_t n = std::char_traits<char>::length(s);
    return u.size() >= n && u.compare(u.size() - n, n, s) == 0;
  };
  std::string plural;
  if (ends("Y") && phrase.size() >= 2 &&
      std::isalpha(static_cast<unsigned char>(phrase[phrase.size() - 2])) &&
      !IsVowel(phrase[phrase.size() - 2])) {
    plural = phrase.substr(0, phrase.size() - 1) + "IES";
  } else if (ends("S") || ends("SH") || ends("CH") || ends("X") || ends("Z")) {
    plural = phrase + "ES";
  } else {
    plural = phrase + "S";
  }
  if (lower) {
    for (size_t i = phrase.size() - 1; i < plural.size(); ++i)
      plural[i] = static_cast<char>(
          std::tolower(static_cast<unsigned char>(plural[i])));
  }
  return plural;
}

// At most this many phrases from one noun: "!A!!A!!A!..." would grow
// exponentially.
constexpr size_t kMaxExpansions = 1000;

struct SubstitutionSets {
  std::map<std::string, std::vector<std::string>, std::less<>>
      sets;  // "!PERSON!" -> items

  // Every expansion of `name`; an error message in *problem for an undefined
  // set.
  std::vector<std::string> Expand(const std::string& name,
                                  std::string* problem) const {
    const size_t open = name.find('!');
    if (open == std::string::npos) return {name};
    if (!problem->empty()) return {};
    const size_t close = name.find('!', open + 1);
    if (close == std::string::npos) {
      *problem = "\"!\" without a closing \"!\" in \"" + name + "\"";
      return {};
    }
    auto it = sets.find(std::string_view(name).substr(open, close - open + 1));
    if (it == sets.end()) {
      *problem = "undefined substitution set " +
                 name.substr(open, close - open + 1) + " (define it first: \"" +
                 name.substr(open, close - open + 1) + " = A, B\")";
      return {};
    }
    const std::vector<std::string> tails =
        Expand(name.substr(close + 1), problem);
    if (it->second.size() * tails.size() > kMaxExpansions) {
      *problem = "more than " + std::to_string(kMaxExpansions) +
                 " phrases from substitution sets in \"" + name + "\"";
      return {};
    }
    std::vector<std::string> out;
    for (const std::string& item : it->second) {
      for (const std::string& rest : tails)
        out.push_back(name.substr(0, open) + item + rest);
    }
    return out;
  }
};

// Appends the phrases of an agent noun `name` (with "{...}" forms when `forms`
// is set).
std::string AgentPhrases(std::string_view name,
                         const std::optional<std::string_view>& forms,
                         const SubstitutionSets& sets,
                         std::vector<std::string>* out) {
  std::string problem;
  const bool substituted = name.find('!') != std::string_view::npos;
  for (const std::string& n : sets.Expand(std::string(name), &problem)) {
    const std::string p = Phrase(n);
    if (p.empty()) return "an agent needs a noun before its code";
    out->push_back(p);
    if (!forms && !substituted && n.back() != '_' && !RegularPlural(p).empty())
      out->push_back(RegularPlural(p));
  }
  if (!problem.empty()) return problem;
  if (forms) {
    size_t a = 0;
    while (a < forms->size()) {
      while (a < forms->size() && IsSpace((*forms)[a])) ++a;
      size_t b = a;
      while (b < forms->size() && !IsSpace((*forms)[b])) ++b;
      if (b > a) {
        for (const std::string& n :
             sets.Expand(std::string(forms->substr(a, b - a)), &problem)) {
          if (!Phrase(n).empty()) out->push_back(Phrase(n));
        }
        if (!problem.empty()) return problem;
      }
      a = b;
    }
  }
  return "";
}

// Moves the first line of *rest (without its "\n") to *line; false at the end.
bool SplitFirstLine(std::string_view* rest, std::string_view* line) {
  if (rest->empty()) return false;
  const size_t eol = std::min(rest->find('\n'), rest->size());
  *line = rest->substr(0, eol);
  rest->remove_prefix(std::min(eol + 1, rest->size()));
  return true;
}

}  // namespace

std::vector<std::string> SplitCodeSectors(std::string_view code) {
  std::vector<std::string> out;
  for (size_t i = 0; i < code.size(); i += 3)
    out.emplace_back(code.substr(i, 3));
  return out;
}

ActorCode ParseActorCode(std::string_view code) {
  ActorCode a;
  a.country = std::string(code.substr(0, std::min<size_t>(3, code.size())));
  if (code.size() > 3) a.sectors = SplitCodeSectors(code.substr(3));
  return a;
}

const TabariCode* ChooseTabariCode(const std::vector<TabariCode>& codes,
                                   const std::optional<PartialDate>& date) {
  const TabariCode* fallback = nullptr;
  const TabariCode* last_dated = nullptr;
  const auto key = [](const PartialDate& d) {
    return d.year * 10000 + d.month * 100 + d.day;
  };
  for (const TabariCode& c : codes) {
    if (c.is_default()) {
      if (!fallback) fallback = &c;
      continue;
    }
    last_dated = &c;
    if (!date) continue;
    // A date known only to the month or year is taken at its start.
    const int w = date->year * 10000 + std::max(date->month, 1) * 100 +
                  std::max(date->day, 1);
    if (c.from && w < key(*c.from)) continue;
    if (c.to && w > key(*c.to)) continue;
    return &c;
  }
  if (fallback || date) return fallback;
  return last_dated;
}

namespace {

// Reads the entries of a TABARI/PETRARCH .actors or .agents file, one content
// line at a time; each Read* returns a problem with the line, or "".
class TabariActorReader {
 public:
  explicit TabariActorReader(bool agents) : agents_(agents) {}

  std::string ReadLine(std::string_view line, int number) {
    if (line.front() == '+') return ReadSynonym(Trim(line.substr(1)));
    if (!agents_)
      return line.front() == '[' ? ReadActorCodes(line)
                                 : ReadActor(line, number);
    if (line.front() == '!' && line.find('=') != std::string_view::npos)
      return ReadSubstitutionSet(line);
    return ReadAgent(line, number);
  }

  std::vector<ConvertedActorEntry> TakeEntries() { return std::move(out_); }

 private:
  // "+NAME": one more phrase of the entry above.
  std::string ReadSynonym(std::string_view name) {
    if (!have_record_ && !skipping_)
      return "a \"+\" synonym line before any entry";
    if (name.empty()) return "a \"+\" synonym line needs a name";
    if (name.find('[') != std::string_view::npos)
      return "a \"+\" synonym takes no code; codes go on the entry";
    if (skipping_) return "";
    if (agents_)
      return AgentPhrases(name, std::nullopt, sets_, &out_.back().phrases);
    out_.back().phrases.push_back(Phrase(name));
    if (out_.back().phrases.back().empty())
      return "a \"+\" synonym line needs a name";
    return "";
  }

  // "!NAME! = A, B, C": the words "!NAME!" stands for in later agent nouns.
  std::string ReadSubstitutionSet(std::string_view line) {
    const size_t eq = line.find('=');
    const std::string_view marker = Trim(line.substr(0, eq));
    if (marker.size() < 3 || marker.back() != '!' ||
        marker.find('!', 1) != marker.size() - 1)
      return "a substitution set is \"!NAME! = A, B, C\", not \"" +
             std::string(line) + "\"";
    std::vector<std::string>& items = sets_.sets[std::string(marker)];
    items.clear();
    std::string_view list = line.substr(eq + 1);
    while (!list.empty()) {
      const size_t comma = list.find(',');
      const std::string_view item = Trim(list.substr(0, comma));
      if (!item.empty()) items.emplace_back(item);
      list = comma == std::string_view::npos ? std::string_view()
                                             : list.substr(comma + 1);
    }
    if (items.empty())
      return "the substitution set " + std::string(marker) + " lists no words";
    have_record_ = false;
    skipping_ = false;
    return "";
  }

  // "NOUN {FORMS} [~CODE]".
  std::string ReadAgent(std::string_view line, int number) {
    const size_t cut = line.find_first_of("[{");
    const std::string_view name = Trim(line.substr(0, cut));
    if (name.empty())
      return "an agent line is \"NOUN [~CODE]\", not \"" + std::string(line) +
             "\"";
    std::string_view rest =
        cut == std::string_view::npos ? std::string_view() : line.substr(cut);
    std::optional<std::string_view> forms;
    if (!rest.empty() && rest.front() == '{') {
      const size_t close = rest.find('}');
      if (close == std::string_view::npos) return "\"{\" without \"}\"";
      forms = rest.substr(1, close - 1);
      rest = Trim(rest.substr(close + 1));
    }
    if (rest.empty()) {  // a noun without a code codes nothing
      have_record_ = false;
      skipping_ = true;
      return "";
    }
    ConvertedActorEntry e;
    e.line = number;
    e.id = std::string(name);
    std::string problem = AgentPhrases(name, forms, sets_, &e.phrases);
    if (problem.empty())
      problem = ReadBrackets(rest, [&](std::string_view inside) {
        return ParseAgentBracket(inside, &e);
      });
    if (!problem.empty()) return problem;
    out_.push_back(std::move(e));
    have_record_ = true;
    skipping_ = false;
    return "";
  }

  // "[CODE date-range] ...": more codes of the actor above.
  std::string ReadActorCodes(std::string_view line) {
    if (!have_record_) return "a code line before any actor";
    return ReadCodes(line, &out_.back());
  }

  // "NAME [CODE] ...".
  std::string ReadActor(std::string_view line, int number) {
    if (line.find_first_of("{}") != std::string_view::npos &&
        line.find_first_of("{}") < line.find('['))
      return "\"{...}\" belongs in agent dictionaries; an actor is \"NAME "
             "[CODE]\"";
    const size_t cut = line.find('[');
    const std::string_view name = Trim(line.substr(0, cut));
    ConvertedActorEntry e;
    e.line = number;
    e.id = std::string(name);
    e.phrases.push_back(Phrase(name));
    if (e.phrases.back().empty())
      return "an actor line is \"NAME [CODE]\", not \"" + std::string(line) +
             "\"";
    if (cut != std::string_view::npos) {
      if (std::string problem = ReadCodes(line.substr(cut), &e);
          !problem.empty())
        return problem;
    }
    out_.push_back(std::move(e));
    have_record_ = true;
    return "";
  }

  static std::string ReadCodes(std::string_view brackets,
                               ConvertedActorEntry* e) {
    return ReadBrackets(brackets, [&](std::string_view inside) {
      TabariCode c;
      std::string p = ParseActorBracket(inside, &c);
      if (p.empty()) e->codes.push_back(std::move(c));
      return p;
    });
  }

  const bool agents_;
  std::vector<ConvertedActorEntry> out_;
  bool have_record_ = false;  // out_.back() takes "+" and code lines
  bool skipping_ =
      false;  // an agent without a code: its "+" lines are skipped too
  SubstitutionSets sets_;
};

}  // namespace

Result<std::vector<ConvertedActorEntry>> ParseTabariActors(
    std::string_view text, const std::string& file, bool agents) {
  TabariActorReader reader(agents);
  int number = 0;
  int comment_from = 0;  // line of an open "<!--" comment, or 0
  // Raw lines, not ContentLines(): "# -->" closes a "<!--" comment.
  for (std::string_view rest = text, line; SplitFirstLine(&rest, &line);) {
    ++number;
    if (comment_from) {
      if (line.find("-->") != std::string_view::npos) comment_from = 0;
      continue;
    }
    if (Trim(line).substr(0, 2) == "<!") {
      if (line.find("-->") == std::string_view::npos) comment_from = number;
      continue;
    }
    line = line.substr(0, line.find('#'));
    line = line.substr(0, line.find(';'));
    line = Trim(line);
    if (line.empty()) continue;
    if (const std::string problem = reader.ReadLine(line, number);
        !problem.empty())
      return MakeError(file, problem, number);
  }
  if (comment_from)
    return MakeError(file, "a \"<!--\" comment is not closed by \"-->\"",
                     comment_from);
  return reader.TakeEntries();
}

}  // namespace dateline
