// The verb-dictionary reader; the accepted format is described in tabari_verbs.h.
#include "events/tabari_verbs.h"

#include "core/table_file.h"

#include <algorithm>
#include <cctype>

namespace dateline {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ValidWord(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-' || c == '.' || c == '&' ||
           c == '_' || (static_cast<unsigned char>(c) >= 0x80);
  });
}

// "[010]" / "[010:020]" / "[---]" at the end of `s`: the code ("" for "---"), and `s`
// cut before it. False when there is no bracket.
bool TakeCode(std::string_view& s, std::string* code, std::string* problem) {
  const size_t close = s.rfind(']');
  const size_t open = s.rfind('[');
  if (close == std::string_view::npos || open == std::string_view::npos || open > close) return false;
  std::string_view c = s.substr(open + 1, close - open - 1);
  if (const size_t colon = c.find(':'); colon != std::string_view::npos) c = c.substr(0, colon);
  while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
  while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
  if (c == "---") {
    code->clear();
  } else if (c.size() >= 2 && c.size() <= 4 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    *code = std::string(c);
  } else {
    *problem = "event code must be 2 to 4 digits or ---, not \"" + std::string(c) + "\"";
    return false;
  }
  s = s.substr(0, open);
  return true;
}

struct Block {
  std::string id, code;
  int line = 0;
  std::vector<std::vector<std::string>> verbs;  // per verb: alternatives of the first word, then the rest
  struct Pat {
    std::string code;
    int line;
    std::vector<std::string> elements;
  };
  std::vector<Pat> patterns;
};

// Dateline pattern text for one verb and the elements after "*".
std::string Render(const std::vector<std::string>& verb, const std::vector<std::string>& elements) {
  std::string out = verb[0];
  for (size_t i = 1; i < verb.size(); ++i) out += " " + verb[i];
  for (const std::string& e : elements) out += " ... " + e;
  return out;
}

void Flush(Block& b, std::vector<ConvertedVerbEntry>* out) {
  if (b.id.empty() || b.verbs.empty()) return;
  if (!b.code.empty()) {
    ConvertedVerbEntry e{b.id, b.code, b.line, {}};
    for (const auto& v : b.verbs) e.patterns.push_back(Render(v, {}));
    out->push_back(std::move(e));
  }
  for (const Block::Pat& p : b.patterns) {
    if (p.code.empty()) continue;
    ConvertedVerbEntry e{b.id, p.code, p.line, {}};
    for (const auto& v : b.verbs) e.patterns.push_back(Render(v, p.elements));
    out->push_back(std::move(e));
  }
}

}  // namespace

Result<std::vector<ConvertedVerbEntry>> ParseTabariVerbs(std::string_view text, const std::string& file) {
  std::vector<ConvertedVerbEntry> out;
  Block block;
  for (const ContentLine& content : ContentLines(text)) {
    // Plain variables, not structured bindings: lambdas below capture them.
    const int line_number = content.number;
    std::string_view line = content.text;
    const auto error = [&](const std::string& problem) { return MakeError(file, problem, line_number); };
    std::string code, problem;
    if (line.rfind("---", 0) == 0) {
      Flush(block, &out);
      block = Block{};
      line.remove_prefix(3);
      while (line.size() >= 3 && line.substr(line.size() - 3) == "---") line.remove_suffix(3);
      if (!TakeCode(line, &code, &problem))
        return error(problem.empty() ? "a verb block needs a code: \"--- NAME [CODE] ---\"" : problem);
      std::vector<std::string_view> name = Words(line);
      if (name.size() != 1 || !ValidWord(name[0])) return error("a verb block needs one NAME before its code");
      block.id = Lower(name[0]);
      block.code = code;
      block.line = line_number;
    } else if (line.front() == '-') {
      if (block.id.empty()) return error("a pattern line before any \"--- NAME [CODE] ---\" block");
      line.remove_prefix(1);
      code = block.code;
      if (!TakeCode(line, &code, &problem) && !problem.empty()) return error(problem);
      std::vector<std::string> elements;
      bool seen_verb = false;
      for (std::string_view w : Words(line)) {
        if (w == "*") {
          if (seen_verb) return error("a pattern has more than one \"*\"");
          seen_verb = true;
          elements.clear();  // words before the verb are not used (see header)
          continue;
        }
        if (w == "$" || w == "^" || w == "%") continue;
        if (w == "+") {
          elements.push_back("+");
          continue;
        }
        if (w.find_first_of("{}|()<>") != std::string_view::npos)
          return error("synonym sets and bracketed alternatives are not supported: \"" + std::string(w) + "\"");
        if (!ValidWord(w)) return error("unsupported character in pattern word \"" + std::string(w) + "\"");
        std::string word = Lower(w);
        std::replace(word.begin(), word.end(), '_', ' ');
        elements.push_back(word);
      }
      if (!seen_verb) return error("a pattern needs \"*\" where the verb stands");
      block.patterns.push_back({code, line_number, std::move(elements)});
    } else {
      if (block.id.empty()) return error("a verb line before any \"--- NAME [CODE] ---\" block");
      std::vector<std::string> verb;
      std::string_view rest = line;
      std::string_view forms;
      if (const size_t brace = line.find('{'); brace != std::string_view::npos) {
        const size_t close = line.find('}', brace);
        if (close == std::string_view::npos) return error("\"{\" without \"}\"");
        forms = line.substr(brace + 1, close - brace - 1);
        rest = line.substr(0, brace);
      }
      std::vector<std::string_view> base = Words(rest);
      if (base.size() != 1 || !ValidWord(base[0]))
        return error("a verb line is one word (\"_\" joins words), optionally with {FORMS}");
      std::string first = Lower(base[0]);
      std::vector<std::string> parts;
      for (size_t a = 0; a <= first.size();) {
        size_t b = first.find('_', a);
        if (b == std::string::npos) b = first.size();
        if (b > a) parts.push_back(first.substr(a, b - a));
        a = b + 1;
      }
      if (parts.empty()) return error("empty verb");
      std::string trigger = parts[0];
      for (std::string_view f : Words(forms)) {
        if (!ValidWord(f)) return error("unsupported character in verb form \"" + std::string(f) + "\"");
        std::string form = Lower(f);
        trigger += "/" + form.substr(0, form.find('_'));
      }
      verb.push_back(trigger);
      verb.insert(verb.end(), parts.begin() + 1, parts.end());
      block.verbs.push_back(std::move(verb));
    }
  }
  Flush(block, &out);
  return out;
}

}  // namespace dateline
