#include "extract/page_text.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"

namespace dateline::extract_internal {
namespace {

// Pull-quote matching looks this many header lines at most, so a page with
// thousands of lines before any prose stays linear in practice.
constexpr size_t kMaxPullQuoteChecks = 40;

// A line that reads like a paragraph of the article: a sentence of some length
// with ordinary lower-case words.
bool IsProse(std::string_view line) {
  if (line.size() < 40) return false;
  const bool sentence = EndsWithSentencePunctuation(line);
  int words = 0, lower = 0;
  // A sentence is decided by its first words; a whole article can be one line.
  ForEachWord(line, [&](std::string_view w) {
    ++words;
    lower += StartsLower(w) ? 1 : 0;
    return !(sentence && words >= 6 && lower >= 2);
  });
  if (words < 6) return false;
  if (sentence) return lower >= 2;
  // A long paragraph that merely lost its final period.
  return words >= 15 && lower * 10 >= words * 3;
}

// The words of a line without surrounding quotes and final punctuation, for
// comparing a pull quote with the body sentence it repeats.
std::string_view QuoteCore(std::string_view line) {
  auto strip_cp = [](std::string_view s, bool front) {
    static constexpr std::string_view kMarks[] = {"\"",
                                                  "'",
                                                  "\xE2\x80\x9C",
                                                  "\xE2\x80\x9D",
                                                  "\xE2\x80\x98",
                                                  "\xE2\x80\x99",
                                                  "\xC2\xAB",
                                                  "\xC2\xBB",
                                                  ".",
                                                  ",",
                                                  "!",
                                                  "?",
                                                  ";",
                                                  ":"};
    bool changed = true;
    while (changed && !s.empty()) {
      changed = false;
      for (std::string_view m : kMarks) {
        if (front && s.substr(0, m.size()) == m) {
          s.remove_prefix(m.size());
          changed = true;
        } else if (!front && s.size() >= m.size() &&
                   s.substr(s.size() - m.size()) == m) {
          s.remove_suffix(m.size());
          changed = true;
        }
      }
      s = TrimSpaces(s);
    }
    return s;
  };
  return strip_cp(strip_cp(line, true), false);
}

// A line that reads like a section heading inside an article ("What happens
// next?", "The Road to Mosul"): a few words, starting with a capital, no
// sentence end other than a question mark, and mostly capitalised words when it
// is longer than a few.
bool IsSubheading(std::string_view line) {
  std::vector<std::string_view> words = SplitWords(line);
  if (words.size() < 2 || words.size() > 12 || line.size() > 100) return false;
  if (!StartsUpper(words.front())) return false;
  const char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!')
    return false;
  if (words.size() <= 5) return true;
  int capitalized = 0, long_words = 0;
  for (std::string_view w : words) {
    if (w.size() <= 3)
      continue;  // "of", "the", "and" stay lower case in titles
    ++long_words;
    capitalized += StartsUpper(w) ? 1 : 0;
  }
  return capitalized * 3 >= long_words * 2;
}

bool IsTagLine(std::string_view line) {
  std::vector<std::string_view> words = SplitWords(line);
  if (words.empty() || words.size() > 15) return false;
  if (EndsWithSentencePunctuation(line)) return false;
  for (std::string_view w : words) {
    if (!StartsUpper(w)) return false;
    if (w.find_first_of(",;:") != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

const char* LineRoleName(LineRole role) {
  switch (role) {
    case LineRole::kBlank:
      return "blank";
    case LineRole::kSection:
      return "section";
    case LineRole::kTitle:
      return "title";
    case LineRole::kPullQuote:
      return "pull-quote";
    case LineRole::kAuthor:
      return "author";
    case LineRole::kTags:
      return "tags";
    case LineRole::kBody:
      return "body";
    case LineRole::kFurniture:
      return "furniture";
  }
  return "blank";
}

namespace {

// The steps of ClassifyPageText over one page's lines, with what they share:
// each line's count on the page, whether it reads like prose (worked out once
// per line: a long line costs a walk over all its words), the pull quotes found
// before the body.
class PageTextClassifier {
 public:
  explicit PageTextClassifier(std::string_view content)
      : lines_(SplitLines(content)) {
    for (const PageLine& l : lines_) {
      if (!l.text.empty()) ++counts_[l.text];
    }
    prose_of_.assign(lines_.size(), -1);
    pull_quote_.assign(lines_.size(), false);
  }

  std::vector<PageLine> Run() {
    const size_t body_start = FindBodyStart();
    const size_t footer = FindFooter(body_start);
    MarkBody(body_start, footer);
    MarkSubheadings(body_start, footer);
    for (size_t i = 0; i < footer; ++i) {
      if (lines_[i].furniture == FurnitureKind::kAuthor)
        lines_[i].role = LineRole::kAuthor;
    }
    MarkHeader(body_start);
    return std::move(lines_);
  }

 private:
  // One PageLine per line, trimmed, furniture classified.
  static std::vector<PageLine> SplitLines(std::string_view content) {
    std::vector<PageLine> lines;
    size_t pos = 0;
    while (pos <= content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view raw = content.substr(pos, nl - pos);
      std::string_view t = TrimSpaces(raw);
      PageLine line;
      line.text = t;
      line.start =
          t.empty() ? pos : static_cast<size_t>(t.data() - content.data());
      line.end = line.start + t.size();
      line.role = t.empty() ? LineRole::kBlank : LineRole::kFurniture;
      if (!t.empty()) line.furniture = ClassifyFurnitureLine(t);
      lines.push_back(line);
      if (nl == content.size()) break;
      pos = nl + 1;
    }
    return lines;
  }

  int Count(std::string_view text) { return counts_[text]; }

  size_t NextNonblank(size_t i) const {
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      if (!lines_[j].text.empty()) return j;
    }
    return lines_.size();
  }

  size_t PrevNonblank(size_t i) const {
    for (size_t j = i; j-- > 0;) {
      if (!lines_[j].text.empty()) return j;
    }
    return lines_.size();
  }

  // A header line is a pull quote when a later line contains its words.
  bool IsPullQuote(size_t i) {
    if (pull_quote_checks_++ >= kMaxPullQuoteChecks) return false;
    std::string_view core = QuoteCore(lines_[i].text);
    if (core.size() < 20) return false;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      if (lines_[j].text != lines_[i].text &&
          lines_[j].text.find(core) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

  bool IsProseLine(size_t i) {
    if (prose_of_[i] < 0) prose_of_[i] = IsProse(lines_[i].text) ? 1 : 0;
    return prose_of_[i] == 1;
  }

  // The body starts at the first prose line that no rule calls furniture.
  size_t FindBodyStart() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      const PageLine& l = lines_[i];
      if (l.text.empty() || l.furniture != FurnitureKind::kNone) continue;
      if (!IsProseLine(i)) continue;
      if (Count(l.text) > 1) {
        // A line printed twice in a row is a caption; a repeat elsewhere is
        // kept once.
        size_t j = NextNonblank(i);
        if (j < lines_.size() && lines_[j].text == l.text) continue;
      }
      if (IsPullQuote(i)) {
        pull_quote_[i] = true;
        continue;
      }
      return i;
    }
    // No prose line: take the first line that is not furniture and is either of
    // some length or a short finished sentence ("Protesters gathered in
    // Paris."), so a one-line report is not emptied. Headlines rarely end with
    // a full stop.
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].furniture != FurnitureKind::kNone ||
          Count(lines_[i].text) != 1)
        continue;
      const size_t words = SplitWords(lines_[i].text).size();
      if (words >= 8 ||
          (words >= 3 && EndsWithSentencePunctuation(lines_[i].text)))
        return i;
    }
    return lines_.size();
  }

  // The footer starts at the first copyright or site-map line after the body
  // start.
  size_t FindFooter(size_t body_start) const {
    for (size_t i = body_start; i < lines_.size(); ++i) {
      if (lines_[i].furniture == FurnitureKind::kCopyright ||
          lines_[i].furniture == FurnitureKind::kSiteMap) {
        return i;
      }
    }
    return lines_.size();
  }

  void MarkBody(size_t body_start, size_t footer) {
    std::unordered_set<std::string_view> emitted;
    for (size_t i = body_start; i < footer; ++i) {
      PageLine& l = lines_[i];
      if (l.text.empty() || l.furniture != FurnitureKind::kNone) continue;
      if (!IsProseLine(i) && i != body_start) continue;
      if (Count(l.text) > 1) {
        // A line printed twice in a row is a caption; elsewhere keep the first
        // copy.
        size_t j = NextNonblank(i);
        if (j < lines_.size() && lines_[j].text == l.text) continue;
        if (!emitted.insert(l.text).second) continue;
      }
      l.role = LineRole::kBody;
    }
  }

  // Section headings of the article: a short heading-like line with body prose
  // both before and after it.
  void MarkSubheadings(size_t body_start, size_t footer) {
    for (size_t i = body_start + 1; i < footer; ++i) {
      PageLine& l = lines_[i];
      if (l.text.empty() || l.role != LineRole::kFurniture ||
          l.furniture != FurnitureKind::kNone || Count(l.text) > 1 ||
          !IsSubheading(l.text)) {
        continue;
      }
      size_t before = PrevNonblank(i), after = NextNonblank(i);
      if (before >= lines_.size() || after >= footer) continue;
      if (lines_[before].role != LineRole::kBody || !IsProseLine(after) ||
          lines_[after].furniture != FurnitureKind::kNone) {
        continue;
      }
      l.role = LineRole::kBody;
    }
  }

  // Header: headline, section label before it, tag line right before the body,
  // pull quotes.
  void MarkHeader(size_t body_start) {
    size_t title = body_start;
    for (int min_words : {4, 2}) {
      for (size_t i = 0; i < body_start && title == body_start; ++i) {
        const PageLine& l = lines_[i];
        if (l.text.empty() || l.furniture != FurnitureKind::kNone ||
            pull_quote_[i])
          continue;
        if (Count(l.text) > 1 || EndsWithSentencePunctuation(l.text) ||
            l.text.size() > 250)
          continue;
        if (static_cast<int>(SplitWords(l.text).size()) >= min_words) title = i;
      }
      if (title != body_start) break;
    }
    if (title < body_start) {
      lines_[title].role = LineRole::kTitle;
      for (size_t i = title; i-- > 0;) {
        const PageLine& l = lines_[i];
        if (l.text.empty()) continue;
        std::vector<std::string_view> words = SplitWords(l.text);
        if (l.furniture == FurnitureKind::kNone && words.size() <= 4 &&
            l.text.size() <= 40 && !EndsWithSentencePunctuation(l.text)) {
          lines_[i].role = LineRole::kSection;
        }
        break;
      }
    }
    for (size_t i = body_start; i-- > 0;) {
      PageLine& l = lines_[i];
      if (l.text.empty()) continue;
      if (static_cast<int>(i) > static_cast<int>(title) &&
          l.role == LineRole::kFurniture &&
          (l.furniture == FurnitureKind::kNone ||
           l.furniture == FurnitureKind::kPlaceList) &&
          Count(l.text) == 1 && !pull_quote_[i] && IsTagLine(l.text)) {
        l.role = LineRole::kTags;
      }
      break;
    }
    for (size_t i = 0; i < body_start; ++i) {
      PageLine& l = lines_[i];
      if (pull_quote_[i] ||
          (l.role == LineRole::kFurniture &&
           l.furniture == FurnitureKind::kNone && IsPullQuote(i))) {
        l.role = LineRole::kPullQuote;
      }
    }
  }

  std::vector<PageLine> lines_;
  std::unordered_map<std::string_view, int> counts_;
  std::vector<signed char> prose_of_;  // -1 not yet known, else 0 or 1
  std::vector<bool> pull_quote_;
  size_t pull_quote_checks_ = 0;
};

}  // namespace

std::vector<PageLine> ClassifyPageText(std::string_view content) {
  return PageTextClassifier(content).Run();
}

void ExtractPageText(std::string_view content, Article* article) {
  std::vector<PageLine> lines = ClassifyPageText(content);
  for (const PageLine& l : lines) {
    switch (l.role) {
      case LineRole::kTitle:
        if (article->title.empty()) article->title = std::string(l.text);
        break;
      case LineRole::kSection:
        if (article->section.empty()) article->section = std::string(l.text);
        break;
      case LineRole::kAuthor:
        for (std::string& name : ParseAuthorLine(l.text)) {
          if (std::find(article->authors.begin(), article->authors.end(),
                        name) == article->authors.end()) {
            article->authors.push_back(std::move(name));
          }
        }
        break;
      case LineRole::kTags:
        if (article->tags.empty()) {
          for (std::string_view w : SplitWords(l.text))
            article->tags.emplace_back(w);
        }
        break;
      case LineRole::kBody: {
        Paragraph p;
        p.text = std::string(l.text);
        p.start = l.start;
        p.end = l.end;
        if (article->paragraphs.empty()) {
          if (auto place = ParseDatelinePlace(l.text))
            article->dateline = *place;
        }
        AppendParagraph(*article, std::move(p));
        break;
      }
      default:
        break;
    }
    if (l.furniture == FurnitureKind::kCopyright && !article->copyright_year) {
      article->copyright_year = FindCopyrightYear(l.text);
    }
  }
}

void ExtractPlainText(std::string_view content, Article* article) {
  // Blank lines separate paragraphs when there is one between two non-blank
  // lines.
  bool has_blank_line = false;
  {
    bool seen_text = false, blank_after_text = false;
    size_t pos = 0;
    while (pos <= content.size() && !has_blank_line) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      bool blank = TrimSpaces(content.substr(pos, nl - pos)).empty();
      if (blank) {
        blank_after_text = seen_text;
      } else {
        has_blank_line = blank_after_text;
        seen_text = true;
      }
      if (nl == content.size()) break;
      pos = nl + 1;
    }
  }
  auto emit = [&](size_t from, size_t to) {
    std::string_view t = TrimSpaces(content.substr(from, to - from));
    if (t.empty()) return;
    Paragraph p;
    p.text = std::string(t);
    p.start = static_cast<size_t>(t.data() - content.data());
    p.end = p.start + t.size();
    AppendParagraph(*article, std::move(p));
  };
  size_t para_start = 0, pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    bool blank = TrimSpaces(content.substr(pos, nl - pos)).empty();
    if (!has_blank_line) {
      emit(pos, nl);
    } else if (blank) {
      emit(para_start, pos);
      para_start = nl + 1 > content.size() ? content.size() : nl + 1;
    }
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  if (has_blank_line && para_start < content.size())
    emit(para_start, content.size());
}

}  // namespace dateline::extract_internal
