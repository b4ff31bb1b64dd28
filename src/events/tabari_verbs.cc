// The verb-dictionary reader; the format is described in tabari_verbs.h.
#include "events/tabari_verbs.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/table_file.h"

namespace dateline {

namespace {

// A synset or an item may stand for at most this many phrases: dictionaries as
// shipped stay far below, and a hostile file cannot make the loader explode
// combinatorially.
constexpr size_t kMaxAlternatives = 1 << 15;

using Phrase = std::vector<std::string>;
using Alternatives = std::vector<Phrase>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Cuts a "#" comment; a "#" inside brackets is part of a code ("[###]").
std::string_view StripComment(std::string_view s) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[')
      ++depth;
    else if (s[i] == ']' && depth > 0)
      --depth;
    else if (s[i] == '#' && depth == 0)
      return s.substr(0, i);
  }
  return s;
}

bool IsCodeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '?';
}

// Words are anything but blanks, brackets and control characters ("F/A-18",
// "AT&T").
bool IsWordChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u > ' ' && u != 0x7f && c != '[' && c != ']' && c != '{' && c != '}' &&
         c != '(' && c != ')';
}

// Reads "[A]" or "[A:B]" (spaces allowed inside).
bool ParseCode(std::string_view inside, TabariEventCode* code,
               std::string* problem) {
  inside = Trim(inside);
  if (inside.empty()) {
    *problem = "empty event code \"[]\"";
    return false;
  }
  std::string_view first = inside, second;
  if (const size_t colon = inside.find(':'); colon != std::string_view::npos) {
    first = Trim(inside.substr(0, colon));
    second = Trim(inside.substr(colon + 1));
  }
  const auto plain = [](std::string_view c) {
    return !c.empty() && c != "---" &&
           std::all_of(c.begin(), c.end(), IsCodeChar);
  };
  const auto valid = [](std::string_view c) {
    return !c.empty() && std::none_of(c.begin(), c.end(), [](char ch) {
      return ch == ' ' || ch == '\t' || ch == '[' || ch == ']' || ch == ':';
    });
  };
  // "[:173]": only the reverse event ("X appeared before the court": the court
  // acts).
  const bool reverse_only =
      first.empty() && !second.empty() && inside.front() == ':';
  if ((!reverse_only && !valid(first)) || (!second.empty() && !valid(second))) {
    *problem = "malformed event code \"[" + std::string(inside) + "]\"";
    return false;
  }
  *code = TabariEventCode{};
  if (reverse_only && plain(second)) {
    code->paired = std::string(second);
    return true;
  }
  if (!plain(first)) {
    code->codes_nothing = true;         // "---"
    code->not_a_code = first != "---";  // "+++", "###"
    return true;
  }
  code->code = std::string(first);
  if (plain(second)) code->paired = std::string(second);
  return true;
}

// Takes a trailing "[CODE]" off `s`. False with an empty problem when there is
// none.
bool TakeTrailingCode(std::string_view& s, TabariEventCode* code,
                      std::string* problem) {
  s = Trim(s);
  if (s.empty() || s.back() != ']') {
    if (s.find(']') != std::string_view::npos ||
        s.find('[') != std::string_view::npos)
      *problem = "\"[\" and \"]\" must close the line around the event code";
    return false;
  }
  const size_t open = s.rfind('[');
  if (open == std::string_view::npos) {
    *problem = "\"]\" without \"[\"";
    return false;
  }
  if (!ParseCode(s.substr(open + 1, s.size() - open - 2), code, problem))
    return false;
  s = Trim(s.substr(0, open));
  return true;
}

// Every concatenation of one phrase of each list, capped.
bool Concatenate(const std::vector<Alternatives>& parts, Alternatives* out) {
  Alternatives acc = {Phrase{}};
  for (const Alternatives& part : parts) {
    if (acc.size() * part.size() > kMaxAlternatives) return false;
    Alternatives next;
    next.reserve(acc.size() * part.size());
    for (const Phrase& a : acc) {
      for (const Phrase& b : part) {
        Phrase p = a;
        p.insert(p.end(), b.begin(), b.end());
        next.push_back(std::move(p));
      }
    }
    acc = std::move(next);
  }
  *out = std::move(acc);
  return true;
}

// A piece of a pattern between separators.
struct Piece {
  enum Kind { kWord, kSynset, kVerb, kTarget, kSource, kCompound, kSkip } kind;
  std::string text;
  bool joined_to_next = false;
};

class Reader {
 public:
  Reader(const std::string& file, std::vector<Error>* skipped)
      : file_(file), skipped_(skipped) {}

  Result<std::vector<TabariVerbBlock>> Read(std::string_view text) {
    size_t pos = 0;
    int number = 0;
    bool in_xml_comment = false;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view raw = text.substr(pos, nl - pos);
      pos = nl + 1;
      line_ = ++number;
      std::string_view line = Trim(raw);
      if (in_xml_comment || line.rfind("<!", 0) == 0) {
        in_xml_comment = line.find("-->") == std::string_view::npos &&
                         line.find("->") == std::string_view::npos;
        continue;
      }
      line = Trim(StripComment(line));
      if (line.empty()) continue;
      if (Status s = ReadLine(line); !s) return s.error();
    }
    if (block_) blocks_.push_back(std::move(*block_));
    return std::move(blocks_);
  }

 private:
  Error Fail(const std::string& problem) const {
    return MakeError(file_, problem, line_);
  }

  Status ReadLine(std::string_view line) {
    if (line.front() == '&') {
      std::string name = Lower(Trim(line));
      if (name.find_first_of(" \t") != std::string::npos)
        return Fail("a synset line is one \"&NAME\"");
      if (!name.empty() && name.back() == '_') name.pop_back();
      synset_ = name;
      synsets_[name].clear();
      return Status::Ok();
    }
    if (line.front() == '+' && !synset_.empty())
      return AddSynsetMember(line.substr(1));
    synset_.clear();
    if (line.rfind("---", 0) == 0) return OpenBlock(line);
    if (line.front() == '~') return Status::Ok();  // PETRARCH 2 transformations
    if (!block_)
      return Fail(
          "a verb or pattern line before any \"--- NAME [CODE] ---\" block");
    if (line.front() == '-') return AddPattern(line.substr(1));
    return AddVerb(line);
  }

  Status OpenBlock(std::string_view line) {
    if (block_) blocks_.push_back(std::move(*block_));
    block_.emplace();
    block_->line = line_;
    line.remove_prefix(3);
    while (line.size() >= 3 && line.substr(line.size() - 3) == "---")
      line = Trim(line.substr(0, line.size() - 3));
    const size_t open = line.find('[');
    std::string_view name = Trim(line.substr(0, open));
    if (name.empty())
      return Fail("a verb block needs a NAME: \"--- NAME [CODE] ---\"");
    block_->name = std::string(name);
    if (open == std::string_view::npos) {
      block_->code.codes_nothing = true;  // no code: the null code
      return Status::Ok();
    }
    const size_t close = line.find(']', open);
    if (close == std::string_view::npos)
      return Fail("\"[\" without \"]\" in the block header");
    std::string problem;
    if (!ParseCode(line.substr(open + 1, close - open - 1), &block_->code,
                   &problem))
      return Fail(problem);
    return Status::Ok();
  }

  // Splits `s` into pieces at blanks (gap allowed) and "_" (adjacent).
  Result<std::vector<Piece>> Pieces(std::string_view s) const {
    std::vector<Piece> out;
    std::string current;
    bool join_pending = false;  // a "_" was seen since the last piece
    const auto flush = [&]() -> Status {
      if (current.empty()) return Status::Ok();
      Piece p{Piece::kWord, current, false};
      if (current == "*")
        p.kind = Piece::kVerb;
      else if (current == "+")
        p.kind = Piece::kTarget;
      else if (current == "$")
        p.kind = Piece::kSource;
      else if (current == "%")
        p.kind = Piece::kCompound;
      else if (current == "^")
        p.kind = Piece::kSkip;
      else if (current.front() == '&')
        p.kind = Piece::kSynset;
      else if (!std::all_of(current.begin(), current.end(), IsWordChar))
        return Fail("unsupported character in pattern word \"" + current +
                    "\"");
      if (!out.empty() && join_pending) out.back().joined_to_next = true;
      join_pending = false;
      out.push_back(std::move(p));
      current.clear();
      return Status::Ok();
    };
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == ' ' || c == '\t' || c == '{' || c == '}' || c == '(' ||
          c == ')') {
        if (Status st = flush(); !st) return st.error();
      } else if (c == '_') {
        if (Status st = flush(); !st) return st.error();
        join_pending = true;
      } else if ((c == '*' || c == '+' || c == '$' || c == '%' || c == '^') &&
                 current.empty()) {
        current = std::string(1, c);
        if (Status st = flush(); !st) return st.error();
      } else {
        current += c;
      }
    }
    if (Status st = flush(); !st) return st.error();
    return out;
  }

  // The phrases of a run of words and synsets joined by "_".
  Result<Alternatives> Expand(const std::vector<const Piece*>& run) const {
    std::vector<Alternatives> parts;
    for (const Piece* p : run) {
      if (p->kind == Piece::kSynset) {
        std::string name = Lower(p->text);
        if (!name.empty() && name.back() == '_') name.pop_back();
        auto it = synsets_.find(name);
        if (it == synsets_.end() || it->second.empty())
          return Alternatives{};  // see AddPattern
        parts.push_back(it->second);
      } else {
        parts.push_back({Phrase{Lower(p->text)}});
      }
    }
    Alternatives out;
    if (!Concatenate(parts, &out)) return Fail("synset expansion is too large");
    return out;
  }

  Status AddSynsetMember(std::string_view member) {
    ASSIGN_OR_RETURN(auto pieces, Pieces(member));
    std::vector<const Piece*> run;
    for (const Piece& p : pieces) {
      if (p.kind != Piece::kWord && p.kind != Piece::kSynset)
        return Fail("a synset member holds only words and synsets");
      run.push_back(&p);
    }
    if (run.empty()) return Fail("empty synset member");
    ASSIGN_OR_RETURN(const auto phrases, Expand(run));
    if (phrases.empty())
      return Fail("synset member uses a synset not defined above");
    Alternatives& set = synsets_[synset_];
    if (set.size() + phrases.size() > kMaxAlternatives)
      return Fail("synset is too large");
    set.insert(set.end(), phrases.begin(), phrases.end());
    return Status::Ok();
  }

  Status AddPattern(std::string_view body) {
    TabariPattern pattern;
    pattern.line = line_;
    pattern.text = std::string(Trim(body));
    std::string problem;
    if (!TakeTrailingCode(body, &pattern.code, &problem)) {
      if (!problem.empty()) return Fail(problem);
      pattern.code = block_->code;
    }
    ASSIGN_OR_RETURN(auto pieces, Pieces(body));
    bool seen_verb = false;
    bool undefined_synset = false;
    std::vector<const Piece*> run;
    const auto target = [&]() -> std::vector<TabariItem>& {
      return seen_verb ? pattern.after : pattern.before;
    };
    const auto flush_run = [&]() -> Status {
      if (run.empty()) return Status::Ok();
      ASSIGN_OR_RETURN(auto phrases, Expand(run));
      if (phrases.empty()) undefined_synset = true;
      TabariItem item;
      item.alternatives = std::move(phrases);
      item.joined_to_next = run.back()->joined_to_next;
      target().push_back(std::move(item));
      run.clear();
      return Status::Ok();
    };
    for (const Piece& p : pieces) {
      if (p.kind == Piece::kWord || p.kind == Piece::kSynset) {
        run.push_back(&p);
        if (!p.joined_to_next) {
          if (Status s = flush_run(); !s) return s;
        }
        continue;
      }
      if (Status s = flush_run(); !s) return s;
      if (p.kind == Piece::kVerb) {
        if (seen_verb) {
          if (skipped_)
            skipped_->push_back(
                Fail("pattern skipped: it has more than one \"*\""));
          return Status::Ok();
        }
        seen_verb = true;
        pattern.verb_joined_to_next = p.joined_to_next;
        continue;
      }
      TabariItem item;
      item.kind = p.kind == Piece::kTarget     ? TabariItem::Kind::kTarget
                  : p.kind == Piece::kSource   ? TabariItem::Kind::kSource
                  : p.kind == Piece::kCompound ? TabariItem::Kind::kCompound
                                               : TabariItem::Kind::kSkip;
      item.joined_to_next = p.joined_to_next;
      target().push_back(std::move(item));
    }
    if (Status s = flush_run(); !s) return s;
    if (!seen_verb) {
      if (skipped_)
        skipped_->push_back(
            Fail("pattern skipped: it has no \"*\" where the verb stands"));
      return Status::Ok();
    }
    // PETRARCH ignores a pattern that uses a synset not defined above it, or
    // whose code is no code ("+++", "###").
    if (!undefined_synset && !pattern.code.not_a_code)
      block_->patterns.push_back(std::move(pattern));
    return Status::Ok();
  }

  Status AddVerb(std::string_view line) {
    TabariVerb verb;
    verb.line = line_;
    // "SNUB [111] {SNUBS ...}" and "BAN {BANS BANNED} [191]": the code may
    // stand before or after the forms.
    std::string without_code;
    if (const size_t open = line.find('['); open != std::string_view::npos) {
      const size_t close = line.find(']', open);
      if (close == std::string_view::npos) return Fail("\"[\" without \"]\"");
      std::string problem;
      if (!ParseCode(line.substr(open + 1, close - open - 1), &verb.code,
                     &problem))
        return Fail(problem);
      verb.has_code = true;
      without_code = std::string(line.substr(0, open)) + " " +
                     std::string(line.substr(close + 1));
      line = Trim(without_code);
    }
    std::string_view forms;
    if (const size_t brace = line.find('{'); brace != std::string_view::npos) {
      const size_t close = line.find('}', brace);
      if (close == std::string_view::npos) return Fail("\"{\" without \"}\"");
      forms = line.substr(brace + 1, close - brace - 1);
      line = Trim(line.substr(0, brace));
    }
    // Words of the verb phrase; the one marked "+" (else the first) is the
    // verb.
    const auto split = [&](std::string_view phrase,
                           std::vector<std::string>* before, std::string* word,
                           std::vector<std::string>* after) -> Status {
      std::vector<std::string> words;
      size_t marked = std::string::npos;
      std::string current;
      const auto flush = [&] {
        if (current.empty()) return;
        if (current.front() == '+') {
          marked = words.size();
          current.erase(0, 1);
        }
        if (!current.empty()) words.push_back(Lower(current));
        current.clear();
      };
      for (char c : phrase) {
        if (c == ' ' || c == '\t' || c == '_')
          flush();
        else
          current += c;
      }
      flush();
      if (words.empty()) return Fail("empty verb");
      for (const std::string& w : words) {
        if (!std::all_of(w.begin(), w.end(), IsWordChar))
          return Fail("unsupported character in verb \"" + w + "\"");
      }
      const size_t v = marked < words.size() ? marked : 0;
      *word = words[v];
      if (before)
        before->assign(words.begin(), words.begin() + static_cast<long>(v));
      if (after)
        after->assign(words.begin() + static_cast<long>(v) + 1, words.end());
      return Status::Ok();
    };
    std::string word;
    if (Status s = split(line, &verb.words_before, &word, &verb.words_after);
        !s)
      return s;
    verb.forms.push_back(word);
    std::string_view rest = forms;
    while (!rest.empty()) {
      rest = Trim(rest);
      const size_t end = rest.find_first_of(" \t");
      std::string_view form = rest.substr(0, end);
      rest =
          end == std::string_view::npos ? std::string_view() : rest.substr(end);
      if (form.empty()) continue;
      std::string form_word;
      if (Status s = split(form, nullptr, &form_word, nullptr); !s) return s;
      if (std::find(verb.forms.begin(), verb.forms.end(), form_word) ==
          verb.forms.end())
        verb.forms.push_back(form_word);
    }
    block_->verbs.push_back(std::move(verb));
    return Status::Ok();
  }

  const std::string& file_;
  std::vector<Error>* skipped_;
  int line_ = 0;
  std::vector<TabariVerbBlock> blocks_;
  std::optional<TabariVerbBlock> block_;
  std::map<std::string, Alternatives> synsets_;
  std::string synset_;  // the synset whose "+" members are being read, or ""
};

}  // namespace

Result<std::vector<TabariVerbBlock>> ParseTabariVerbs(
    std::string_view text, const std::string& file,
    std::vector<Error>* skipped) {
  return Reader(file, skipped).Read(text);
}

}  // namespace dateline
