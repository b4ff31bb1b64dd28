// The actor/agent dictionary reader; the accepted format is described in
// tabari_actors.h.
#include "actors/tabari_actors.h"

#include "core/table_file.h"

#include <algorithm>
#include <cctype>

namespace dateline {

namespace {

bool Upper3(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ValidName(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' || c == '.' || c == '&' ||
           c == '_' || (static_cast<unsigned char>(c) >= 0x80);
  });
}

std::string Phrase(std::string_view name) {
  std::string p(name);
  std::replace(p.begin(), p.end(), '_', ' ');
  return p;
}

std::optional<PartialDate> ParseDate(std::string_view s) {
  if (s.size() != 8 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  PartialDate d;
  d.year = std::stoi(std::string(s.substr(0, 4)));
  d.month = std::stoi(std::string(s.substr(4, 2)));
  d.day = std::stoi(std::string(s.substr(6, 2)));
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

// Sectors from a run of three-letter codes ("GOVMIL").
bool SplitSectors(std::string_view s, std::vector<std::string>* out) {
  if (s.size() % 3 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 3) {
    if (!Upper3(s.substr(i, 3))) return false;
    out->emplace_back(s.substr(i, 3));
  }
  return true;
}

}  // namespace

Result<std::vector<ConvertedActorEntry>> ParseTabariActors(std::string_view text, const std::string& file,
                                                           bool agents) {
  std::vector<ConvertedActorEntry> out;
  size_t group_start = 0;  // entries of the last primary line: [group_start, size)
  bool have_group = false;
  for (const ContentLine& content : ContentLines(text)) {
    // Plain variables, not structured bindings: lambdas below capture them.
    const int line_number = content.number;
    std::string_view line = content.text;
    const auto error = [&](const std::string& problem) { return MakeError(file, problem, line_number); };

    if (line.front() == '+') {
      std::string_view name = line.substr(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!have_group) return error("a \"+\" synonym line before any entry");
      if (name.find_first_of(" [{") != std::string_view::npos || !ValidName(name))
        return error("a synonym line is \"+NAME\" with \"_\" between words");
      for (size_t i = group_start; i < out.size(); ++i) out[i].phrases.push_back(Phrase(name));
      continue;
    }

    // NAME, optional {PLURALS}, then one or more [CODE ...] brackets.
    size_t i = 0;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '[' && line[i] != '{') ++i;
    std::string_view name = line.substr(0, i);
    if (!ValidName(name)) return error("an entry starts with NAME (\"_\" between words), not \"" + std::string(name) + "\"");
    std::vector<std::string> phrases{Phrase(name)};
    std::string_view rest = line.substr(i);
    const auto skip_space = [&] {
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    };
    skip_space();
    if (!rest.empty() && rest.front() == '{') {
      const size_t close = rest.find('}');
      if (close == std::string_view::npos) return error("\"{\" without \"}\"");
      std::string_view forms = rest.substr(1, close - 1);
      rest = rest.substr(close + 1);
      size_t a = 0;
      while (a < forms.size()) {
        while (a < forms.size() && forms[a] == ' ') ++a;
        size_t b = a;
        while (b < forms.size() && forms[b] != ' ') ++b;
        if (b > a) {
          if (!ValidName(forms.substr(a, b - a))) return error("bad form \"" + std::string(forms.substr(a, b - a)) + "\"");
          phrases.push_back(Phrase(forms.substr(a, b - a)));
        }
        a = b;
      }
      skip_space();
    }
    if (rest.empty()) return error("an entry needs a code in brackets, e.g. \"NAME [CODE]\"");
    group_start = out.size();
    while (!rest.empty()) {
      if (rest.front() != '[') return error("expected \"[\" before a code, found \"" + std::string(rest) + "\"");
      const size_t close = rest.find(']');
      if (close == std::string_view::npos) return error("\"[\" without \"]\"");
      std::string_view inside = rest.substr(1, close - 1);
      rest = rest.substr(close + 1);
      skip_space();
      while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
      while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
      std::string_view code = inside.substr(0, inside.find(' '));
      std::string_view restriction = code.size() < inside.size() ? inside.substr(code.size() + 1) : std::string_view();
      while (!restriction.empty() && restriction.front() == ' ') restriction.remove_prefix(1);

      ConvertedActorEntry e;
      e.line = line_number;
      e.id = std::string(name);
      e.phrases = phrases;
      if (agents) {
        std::string_view c = code;
        if (!c.empty() && c.front() == '~') c.remove_prefix(1);
        else if (!c.empty() && c.back() == '~') c.remove_suffix(1);
        if (c.empty() || !SplitSectors(c, &e.sectors))
          return error("an agent code is three-letter sectors such as \"~GOV\", not \"" + std::string(code) + "\"");
      } else {
        if (code.size() < 3 || !Upper3(code.substr(0, 3)))
          return error("a code starts with a three-letter country or international code, not \"" + std::string(code) + "\"");
        e.country = std::string(code.substr(0, 3));
        if (!SplitSectors(code.substr(3), &e.sectors))
          return error("sectors after the country are three upper-case letters each in \"" + std::string(code) + "\"");
      }
      if (!restriction.empty()) {
        if (agents) return error("agent codes take no dates");
        if (restriction.front() == '>' || restriction.front() == '<') {
          auto d = ParseDate(restriction.substr(1));
          if (!d) return error("a date restriction is >YYYYMMDD, <YYYYMMDD or YYYYMMDD-YYYYMMDD");
          (restriction.front() == '>' ? e.from : e.to) = d;
        } else {
          const size_t dash = restriction.find('-');
          auto from = dash == std::string_view::npos ? std::nullopt : ParseDate(restriction.substr(0, dash));
          auto to = dash == std::string_view::npos ? std::nullopt : ParseDate(restriction.substr(dash + 1));
          if (!from || !to) return error("a date restriction is >YYYYMMDD, <YYYYMMDD or YYYYMMDD-YYYYMMDD");
          e.from = from;
          e.to = to;
        }
      }
      out.push_back(std::move(e));
    }
    have_group = true;
  }
  return out;
}

}  // namespace dateline
