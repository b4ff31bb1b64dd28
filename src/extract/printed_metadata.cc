#include "extract/printed_metadata.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/html_dom.h"
#include "extract/page_metadata.h"
#include "extract/text_rules.h"
#include "extract/word_lists.h"

namespace dateline::extract_internal {
namespace {

// A line that carries a date and little else: "19.10.2019 07:49 Uhr", "Posted
// on September 21, 2020 by Jane Doe", "Aktualisiert: 30.12.2016", not a
// sentence that mentions a day.
constexpr size_t kMaxDateLineBytes = 100;
// Whether blocks[i] sits in a <figure> that also holds the page's <h1>, one of
// the next two blocks.
bool HoldsHeadline(const std::vector<HtmlBlock>& blocks, size_t i) {
  const GumboNode* figure = blocks[i].boiler;
  if (figure == nullptr || (figure->v.element.tag != GUMBO_TAG_FIGURE &&
                            figure->v.element.tag != GUMBO_TAG_FIGCAPTION))
    return false;
  for (size_t j = i + 1; j < blocks.size() && j <= i + 2; ++j) {
    if (blocks[j].heading == 1 && blocks[j].boiler == figure) return true;
  }
  return false;
}

}  // namespace

// The publication date as the page prints it near its article: the nearest
// short line carrying a day above the first body paragraph (below the headline,
// where bylines sit), else a short line inside or just after the body
// ("Erstellt am: ..." closes some articles). In each of the two places a line
// labelled as the publication's date comes first, and one labelled as an
// update's last (ReadDateLabel). Failing that, a month (or day) in the first of
// `urls` that has one.
void FindPrintedDate(const std::vector<HtmlBlock>& blocks,
                     const std::vector<const HtmlBlock*>& kept,
                     bool month_first,
                     std::initializer_list<std::string_view> urls,
                     Article* article) {
  // Whether blocks[i] may carry the page's date: a <header> holds an article's
  // date line as often as a site's banner, an article's own footer holds it
  // after the text, and so does a <figure> whose caption holds the headline (a
  // picture with the article's kicker, date and <h1> set on it); other
  // structural furniture does not.
  auto may_carry_date = [&](size_t i) {
    const HtmlBlock& b = blocks[i];
    return !b.tag_boiler || b.boiler == nullptr ||
           b.boiler->v.element.tag == GUMBO_TAG_HEADER ||
           IsArticleFooter(b.boiler) || HoldsHeadline(blocks, i);
  };
  // Of the short date lines at `indices`, nearest first: the first labelled as
  // the publication's date, else the first unlabelled, else the first labelled
  // as an update's; with the label of the one taken.
  struct DateLine {
    std::optional<PartialDate> date;
    DateLabel label = DateLabel::kNone;
    bool label_opens = false;  // the label is the line's first words
  };
  auto best_date_line = [&](const std::vector<size_t>& indices) -> DateLine {
    std::optional<PartialDate> unlabelled, updated;
    for (size_t i : indices) {
      const std::string_view text = blocks[i].text;
      if (text.size() > kMaxDateLineBytes || !may_carry_date(i)) continue;
      const DateLabelRead read = ReadDateLabel(text);
      if (read.label == DateLabel::kPublished) {
        if (auto d = FindDateInLine(text.substr(read.date_from), month_first))
          return {d, DateLabel::kPublished,
                  SplitWords(text.substr(0, read.date_from), 4).size() <= 3};
      }
      std::optional<PartialDate>& slot =
          read.label == DateLabel::kUpdated ? updated : unlabelled;
      if (!slot) slot = FindDateInLine(text, month_first);
    }
    if (unlabelled) return {unlabelled, DateLabel::kNone};
    return {updated, DateLabel::kUpdated};
  };
  // The opening of a paragraph at the top of the article (the first body
  // paragraph or above it), which may open with the date ("29.11.2022 – Die
  // Regierung ...", "Pressemitteilung vom 25. Januar 2022 | Berlin – ..."), as
  // agency copy opens with its dateline.
  auto lead_date = [&](size_t i) -> std::optional<PartialDate> {
    std::string_view text = blocks[i].text;
    if (text.size() <= kMaxDateLineBytes || !may_carry_date(i)) return {};
    text = text.substr(0, text.rfind(' ', kDatelineOpeningBytes));
    return FindDateInLine(text, month_first);
  };
  std::optional<PartialDate> found;
  if (!kept.empty() && !blocks.empty()) {
    const size_t first = static_cast<size_t>(kept.front() - blocks.data());
    const size_t last = static_cast<size_t>(kept.back() - blocks.data());
    std::vector<size_t> above;  // nearest first
    for (size_t i = first + 1; i-- > 0 && first - i <= 40;) above.push_back(i);
    // Date lines first: the opening of a paragraph may name an earlier day
    // ("Bis einschließlich 9. November 2021 ...").
    const DateLine top = best_date_line(above);
    found = top.date;
    for (size_t k = 0; !found && k < above.size(); ++k)
      found = lead_date(above[k]);
    // The text may open with its dateline after a standfirst: the next two
    // paragraphs, when a dash or bar sets a date off at their start.
    for (size_t k = 1; !found && k < kept.size() && k <= 2; ++k)
      found = DatelineDate(kept[k]->text, month_first);
    // Below the text, a line that opens with the label of the publication's
    // date also wins over a date line above it that no label or an update's
    // names ("Stand: 19.11.2021" over the text, "Veröffentlicht: 10.11.2021"
    // under it); a sentence that uses the word ("La graduatoria sarà
    // pubblicata entro il 30 giugno") does not.
    if (!found || (top.date && top.label != DateLabel::kPublished)) {
      std::vector<size_t> below;
      for (size_t i = first + 1; i < blocks.size() && i <= last + 15; ++i)
        below.push_back(i);
      const DateLine bottom = best_date_line(below);
      if (!found ||
          (bottom.label == DateLabel::kPublished && bottom.label_opens))
        found = bottom.date;
    }
  }
  if (found) {
    article->published = found;
    article->published_source = DateSource::kPage;
    return;
  }
  for (std::string_view u : urls) {
    if (auto d = DateFromUrl(u)) {
      article->published = d;
      article->published_source = DateSource::kUrl;
      return;
    }
  }
}

namespace {

// Blocks of at most this many bytes are read for a byline.
constexpr size_t kMaxBylineBytes = 120;

// Whether an author label is written in CJK ideographs (U+3400-U+9FFF).
bool IsCjkLabel(std::string_view label) {
  size_t pos = 0;
  const char32_t c = label.empty() ? 0 : DecodeUtf8(label, &pos);
  return c >= 0x3400 && c <= 0x9FFF;
}

// Blocks of at most this many bytes are read for an author label.
constexpr size_t kMaxLabelLineBytes = 200;

// The names after the first of `labels` in `text` (`lower` lower-cased) that
// stands as a word and is followed by a colon ("Autor: Jane Doe", "Datum:
// 3.5.2021 Autor: Jane Doe", "作者：王明"), or by a space when a CJK label
// opens the line ("記者 佐藤健一"); empty when none.
std::vector<std::string> NamesAfterLabel(
    std::string_view text, std::string_view lower,
    const std::vector<std::string>& labels) {
  for (std::string_view label : labels) {
    for (size_t at = lower.find(label); at != std::string::npos;
         at = lower.find(label, at + 1)) {
      // A word of its own, but in Chinese, which sets no spaces.
      if (at > 0 && lower[at - 1] != ' ' && !IsCjkLabel(label)) continue;
      size_t colon = at + label.size();
      const bool spaced = colon < lower.size() && lower[colon] == ' ';
      while (colon < lower.size() && lower[colon] == ' ') ++colon;
      size_t colon_bytes = 0;
      if (colon < lower.size() && lower[colon] == ':') {
        colon_bytes = 1;
      } else if (lower.substr(colon).starts_with(kFullWidthColon)) {
        colon_bytes = kFullWidthColon.size();
      } else if (!(spaced && at == 0 && IsCjkLabel(label))) {
        // A CJK label opening the line may set its name off by a space
        // ("記者 佐藤健一").
        continue;
      }
      std::vector<std::string> names =
          AuthorNames(text.substr(colon + colon_bytes),
                      /*lenient=*/true, /*name_field=*/false);
      if (!names.empty()) return names;
    }
  }
  return {};
}

}  // namespace

// The names after an author label ("Autor: Jane Doe", "Datum: 3.5.2021 Autor:
// Jane Doe Quelle: X") in a short block near the article: from 40 blocks above
// the first body paragraph to 15 after the last (where FindPrintedDate looks),
// outside structural furniture other than a <header>, outside comments,
// related stories and sidebars (a commenter's "Autor:" is not the article's)
// and forms. A credit label ("Text: Jane Doe") names a writer when full
// names (two words or more) follow it.
std::vector<std::string> FindLabelledAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept) {
  if (kept.empty() || blocks.empty()) return {};
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  const size_t last = static_cast<size_t>(kept.back() - blocks.data());
  const std::vector<std::string>& labels = WordLists().author_label;
  for (size_t i = first > 40 ? first - 40 : 0;
       i < blocks.size() && i <= last + 15; ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.text.size() > kMaxLabelLineBytes) continue;
    if (b.tag_boiler && b.boiler != nullptr &&
        b.boiler->v.element.tag != GUMBO_TAG_HEADER)
      continue;
    if (InLongFurnitureBox(b) || HoldsFormControl(b.element)) continue;
    const std::string lower = AsciiLower(b.text);
    // A label printed apart from its value ("<dt>Autor</dt><dd>Jane
    // Doe</dd>", a heading over the name): the name is the next block that is
    // not a label too.
    if (IsLabelOnly(lower, labels)) {
      for (size_t j = i + 1; j < blocks.size() && j <= i + 2; ++j) {
        const std::string& next = blocks[j].text;
        if (IsLabelOnly(AsciiLower(next), labels)) continue;
        if (next.size() > kMaxBylineBytes) break;
        std::vector<std::string> names =
            AuthorNames(next, /*lenient=*/true, /*name_field=*/false);
        if (!names.empty() &&
            std::all_of(names.begin(), names.end(), IsNameShaped))
          return names;
        break;
      }
      continue;
    }
    if (std::vector<std::string> names = NamesAfterLabel(b.text, lower, labels);
        !names.empty())
      return names;
    if (std::vector<std::string> names =
            NamesAfterLabel(b.text, lower, WordLists().credit_label);
        !names.empty() &&
        std::all_of(names.begin(), names.end(), [](const std::string& n) {
          return IsNameShaped(n) && SplitWords(n, 2).size() == 2;
        }))
      return names;
  }
  return {};
}

namespace {

// The names `text` holds and nothing else: two to four capitalised words
// without digits, perhaps after a label ("Host: Jane Doe"; AuthorNames reads
// them); else none.
std::vector<std::string> NamesAlone(std::string_view text) {
  text = TrimSpaces(text);
  const size_t words = SplitWords(text, 5).size();
  if (words < 2 || words > 4 || !IsNameShaped(text) ||
      std::any_of(text.begin(), text.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  return AuthorNames(text, /*lenient=*/false, /*name_field=*/false);
}

// The writer of a meta line that gives a name, a separator and the date with no
// by-word ("Jana Beispiel · 21.06.2023, 06:30 Uhr", "Jane Doe | May 3, 2021",
// "Jean Dupont — 16 janvier 2024 — lecture 4 min"): the name, two to four
// capitalised words without digits, when what follows the separator (one of a
// <title>'s, kTitleSeparators) holds a date; else none. A place before a date
// ("Berlin · 21.06.2023") is one word.
std::vector<std::string> NameBeforeDate(std::string_view line) {
  size_t best = std::string_view::npos, sep_size = 0;
  for (std::string_view sep : kTitleSeparators) {
    if (const size_t at = line.find(sep); at < best) {
      best = at;
      sep_size = sep.size();
    }
  }
  if (best == std::string_view::npos) return {};
  if (!FindDateInLine(line.substr(best + sep_size))) return {};
  return NamesAlone(line.substr(0, best));
}

// The writer of a meta line that gives the date first and the name after the
// last separator ("04.02.2022 | 13:10 Uhr | Jana Beispiel", "3. Mai 2021 ·
// Jane Doe"), as NameBeforeDate reads the other order: every part before the
// name a date or a time, with digits (a menu's "3. Mai 2021 | Abo | Werben
// bei Uns" is no byline); else none.
std::vector<std::string> NameAfterDate(std::string_view line) {
  const auto has_digit = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  std::vector<std::string_view> parts{line};
  for (std::string_view sep : kTitleSeparators) {
    std::vector<std::string_view> split;
    for (std::string_view part : parts) {
      for (size_t at; (at = part.find(sep)) != std::string_view::npos;) {
        split.push_back(part.substr(0, at));
        part.remove_prefix(at + sep.size());
      }
      split.push_back(part);
    }
    parts = std::move(split);
  }
  if (parts.size() < 2) return {};
  // One name: a list after the date ("20. Februar 2024 | Stadtrat, Sport")
  // is the post's categories.
  const std::string_view name = parts.back();
  if (name.find(',') != std::string_view::npos ||
      !std::all_of(parts.begin(), parts.end() - 1, has_digit) ||
      !FindDateInLine(
          line.substr(0, static_cast<size_t>(name.data() - line.data()))))
    return {};
  return NamesAlone(name);
}

// A noun that names a written piece opening a Romance byline ("Texto de X":
// furniture_lines.txt's writing-noun).
bool IsWritingNoun(std::string_view w) {
  const std::vector<std::string>& nouns = WordLists().writing_noun;
  return std::find(nouns.begin(), nouns.end(), AsciiLower(w)) != nouns.end();
}

// What follows an interview's credit of its interviewer, the piece's writer
// ("Das Gespräch führte Jana Beispiel", "Propos recueillis par Jean Dupont",
// "Rozmawiał: Jan Kowalski": furniture_lines.txt's interviewer-start), a colon
// after the lead left out; else empty.
std::string_view AfterInterviewerLead(std::string_view line) {
  const size_t lead = LeadPhraseLength(line, WordLists().interviewer_start,
                                       /*whole_word=*/true);
  if (lead == 0) return {};
  std::string_view rest = TrimSpaces(line.substr(lead));
  if (rest.starts_with(':')) rest = TrimSpaces(rest.substr(1));
  // The credit is a sentence of its own: its full stop ends it, not an
  // initial's ("... führte Paula Brandt.").
  if (rest.size() >= 3 && rest.back() == '.' &&
      std::islower(static_cast<unsigned char>(rest[rest.size() - 2])))
    rest.remove_suffix(1);
  return rest;
}

// The names of a byline printed as a line of its own: a short line with a
// by-word of the set's languages within its first words and capitalised names
// after it ("By Jane Doe and John Roe", "Von Jana Beispiel am 3. Mai 2021",
// "Posted by Jane Doe"), or an interviewer's credit; empty for any other line.
std::vector<std::string> BylineNames(std::string_view line) {
  if (line.size() > kMaxBylineBytes) return {};
  if (const std::string_view interviewer = AfterInterviewerLead(line);
      !interviewer.empty() && StartsUpper(interviewer))
    return BylineNames("By " + std::string(interviewer));
  const std::vector<std::string_view> words = SplitWords(line, 4);
  // Italian bylines open with a lower-case "di" ("di Marco Bianchi, 12 aprile
  // 2023"); elsewhere in a line "di" is a particle ("Lorenzo di Stefano") or
  // a preposition, so only there.
  if (words.size() >= 2 && words[0] == "di" && StartsUpper(words[1]))
    return BylineNames("By " + std::string(line.substr(static_cast<size_t>(
                                   words[1].data() - line.data()))));
  // Romance bylines name the piece before the writer: "Texto de X", "Texte
  // de X", "Testo di X", "Reportaje de X". "de" and "di" are by-words only
  // there.
  if (words.size() >= 3 && IsWritingNoun(words[0]) &&
      (words[1] == "de" || words[1] == "di") && StartsUpper(words[2]))
    return BylineNames("By " + std::string(line.substr(static_cast<size_t>(
                                   words[2].data() - line.data()))));
  // A newspaper's possessive after the line's first word, whatever that
  // word is: "dal nostro inviato X", "De notre correspondant X".
  if (words.size() >= 3 && !IsByWord(words[0]) && IsOurWord(words[1]))
    return BylineNames("By " + std::string(line.substr(static_cast<size_t>(
                                   words[1].data() - line.data()))));
  const auto by = std::find_if(words.begin(), words.end(), IsByWord);
  if (by == words.end() || by + 1 == words.end() ||
      !(StartsUpper(*(by + 1)) || IsOurWord(*(by + 1)))) {
    std::vector<std::string> names = NameBeforeDate(line);
    return names.empty() ? NameAfterDate(line) : names;
  }
  std::vector<std::string> names =
      AuthorNames(line, /*lenient=*/false, /*name_field=*/false);
  if (names.empty() || !std::all_of(names.begin(), names.end(), IsNameShaped))
    return {};
  return names;
}

// The names of a byline in `b`: its whole text, else one of the lines a <br>
// breaks a short block into (an old page's "Headline<br>By Jane Doe | May 3,
// 2001").
std::vector<std::string> BlockBylineNames(const HtmlBlock& b) {
  if (std::vector<std::string> names = BylineNames(b.text); !names.empty())
    return names;
  if (b.line_breaks.empty() || b.text.size() > 3 * kMaxBylineBytes) return {};
  size_t start = 0;
  for (size_t i = 0; i <= b.line_breaks.size(); ++i) {
    const size_t end =
        i < b.line_breaks.size() ? b.line_breaks[i] : b.text.size();
    if (std::vector<std::string> names =
            BylineNames(std::string_view(b.text).substr(start, end - start));
        !names.empty())
      return names;
    start = end + 1;
  }
  return {};
}

// Whether `box` is a post's own footer by its class ("entry-footer",
// "post-footer", Serendipity's "serendipity_entryFooter"), where blog
// templates print the byline under the text; a page's footer is not.
bool IsPostFooter(const GumboNode* box) {
  if (box == nullptr || box->v.element.tag == GUMBO_TAG_FOOTER) return false;
  const std::string cls = AsciiLower(Attribute(box, "class"));
  if (cls.find("footer") == std::string::npos) return false;
  for (std::string_view post : {"entry", "post", "article"}) {
    if (cls.find(post) != std::string::npos) return true;
  }
  return false;
}

// Whether every piece of text in `n` stands inside emphasis (<em>, <i>,
// <strong>, <b>, <cite>): `emphasised` says whether an ancestor below the
// block already is. Depth-limited; no text is no emphasis.
bool AllTextEmphasised(const GumboNode* n, bool emphasised, int depth = 0) {
  if (depth > 6) return false;
  if (n->type == GUMBO_NODE_TEXT) return emphasised;
  if (n->type != GUMBO_NODE_ELEMENT) return true;
  const GumboTag tag = n->v.element.tag;
  emphasised = emphasised || tag == GUMBO_TAG_EM || tag == GUMBO_TAG_I ||
               tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_B ||
               tag == GUMBO_TAG_CITE;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    if (!AllTextEmphasised(static_cast<const GumboNode*>(c.data[i]), emphasised,
                           depth + 1))
      return false;
  }
  return true;
}

// The name a writer signs an article with under its text, in a paragraph of
// its own set in emphasis ("<p align=right><em>Jean Dupont</em></p>", as
// magazines and older sites print it): two to four capitalised words and
// nothing else; else none. (The markup pass keeps no alignment: a style that
// hides nothing is dropped.)
std::vector<std::string> SignatureNames(const HtmlBlock& b) {
  if (b.element == nullptr || b.text.size() > 60 ||
      !AllTextEmphasised(b.element, false))
    return {};
  return NamesAlone(b.text);
}

// The names of a line that closes an article as a byline: opened by its
// by-word, a byline's lead ("Posted by", "Written by") or a publication label
// ("veröffentlicht am 03.08.2016 von X"); else none.
std::vector<std::string> ClosingBylineNames(std::string_view byline) {
  const WordListSet& lists = WordLists();
  const std::vector<std::string_view> opening = SplitWords(byline, 1);
  if (opening.empty()) return {};
  // A wire story's closing credits name its reporters first ("Reporting by
  // Jane Doe and John Roe in Oslo; Editing by Max Muster"): they are its
  // writers, the editors after the semicolon are not.
  constexpr std::string_view kReporting = "reporting ";
  if (byline.size() > kReporting.size() + 3 &&
      EqualsNoCase(byline.substr(0, kReporting.size() + 3), "reporting by ")) {
    byline = byline.substr(0, byline.find(';'));
    return BylineNames(byline.substr(kReporting.size()));
  }
  if (!IsByWord(opening[0]) &&
      !StartsWithAnyNoCase(byline, lists.byline_start) &&
      AfterInterviewerLead(byline).empty()) {
    if (!StartsWithAnyNoCase(byline, lists.date_published)) return {};
    // After the label and its date, the byline from its by-word.
    const std::vector<std::string_view> words = SplitWords(byline, 6);
    const auto by = std::find_if(words.begin(), words.end(), IsByWord);
    if (by == words.end()) return {};
    byline = byline.substr(static_cast<size_t>(by->data() - byline.data()));
  }
  return BylineNames(byline);
}

}  // namespace

// The names of a byline block (BylineNames) above the article or at its start
// (from 15 blocks above the first body paragraph to the third), else closing
// it, outside comments, sidebars and the labels of a form's fields.
std::vector<std::string> FindBylineAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept) {
  if (kept.empty() || blocks.empty()) return {};
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  const size_t last = static_cast<size_t>(kept.back() - blocks.data());
  for (size_t i = first > 15 ? first - 15 : 0;
       i < blocks.size() && i <= std::min(first + 3, last); ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.heading == 1) continue;
    if (InLongFurnitureBox(b) || HoldsFormControl(b.element)) continue;
    if (std::vector<std::string> names = BlockBylineNames(b); !names.empty())
      return names;
  }
  // A byline closing the article ("Von Jana Beispiel | 03.05.2022"): its
  // last block, kept with the text, or one of the two right after it, opened
  // by its by-word, a byline's lead ("Posted by", "Written by") or a
  // publication label ("veröffentlicht am 03.08.2016 von X"); a widget's
  // "Comments powered by X" is none.
  // The block's last line, when a <br> sets it apart, may be the byline too
  // ("...the end of the text.<br>Von Jana Beispiel").
  for (size_t i = last; i < blocks.size() && i <= last + 2; ++i) {
    const HtmlBlock& b = blocks[i];
    if (InLongFurnitureBox(b) && !IsPostFooter(b.boiler)) continue;
    if (std::vector<std::string> names = ClosingBylineNames(b.text);
        !names.empty())
      return names;
    if (std::vector<std::string> names = SignatureNames(b); !names.empty())
      return names;
    if (!b.line_breaks.empty()) {
      if (std::vector<std::string> names = ClosingBylineNames(
              std::string_view(b.text).substr(b.line_breaks.back() + 1));
          !names.empty())
        return names;
    }
  }
  return {};
}

namespace {

// The clock times written in `line` ("00:15", "7:42 p.m.", "kl. 00.30",
// "9.12 Uhr"), as minutes after midnight; a day's date ("03.03.2021") is
// none.
std::vector<long> ClockTimes(std::string_view line) {
  std::vector<long> out;
  const auto digit = [&](size_t i) {
    return i < line.size() && line[i] >= '0' && line[i] <= '9';
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if (!digit(i) ||
        (i > 0 && (digit(i - 1) || line[i - 1] == '.' || line[i - 1] == ':')))
      continue;
    size_t j = i;
    long hour = 0;
    while (digit(j) && j - i < 2) hour = hour * 10 + (line[j++] - '0');
    if (j >= line.size() || (line[j] != ':' && line[j] != '.') ||
        !digit(j + 1) || !digit(j + 2) || digit(j + 3))
      continue;
    const long minute = (line[j + 1] - '0') * 10 + (line[j + 2] - '0');
    size_t k = j + 3;
    // A third number after a full stop makes a date ("03.03.2021",
    // "03.03.21"); after a colon it is the clock's seconds.
    if (k < line.size() && line[k] == '.' && digit(k + 1)) continue;
    if (hour > 23 || minute > 59) continue;
    while (k < line.size() && line[k] == ' ') ++k;
    const std::string rest = AsciiLower(line.substr(k, 4));
    const bool pm = rest.starts_with("pm") || rest.starts_with("p.m");
    const bool am = rest.starts_with("am") || rest.starts_with("a.m");
    if ((pm || am) && (hour == 0 || hour > 12)) continue;
    if (pm && hour != 12) hour += 12;
    if (am && hour == 12) hour = 0;
    out.push_back(hour * 60 + minute);
  }
  return out;
}

// The short date lines near the article: from 40 blocks above its first kept
// block to 15 below its last, at most kMaxDateLineBytes each; `read` is
// called with each line's text until it returns a day.
template <typename Read>
std::optional<PartialDate> FirstNearDateLine(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept, const Read& read) {
  if (kept.empty()) return std::nullopt;
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  const size_t last = static_cast<size_t>(kept.back() - blocks.data());
  for (size_t i = first > 40 ? first - 40 : 0;
       i < blocks.size() && i <= last + 15; ++i) {
    if (blocks[i].text.size() > kMaxDateLineBytes) continue;
    if (std::optional<PartialDate> d = read(blocks[i])) return d;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PartialDate> PrintedLocalDay(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept, long utc_minute,
    bool month_first) {
  const long utc_day = utc_minute / 1440;
  const long utc_clock = utc_minute % 1440;
  return FirstNearDateLine(
      blocks, kept, [&](const HtmlBlock& b) -> std::optional<PartialDate> {
        const std::optional<PartialDate> d =
            FindDateInLine(b.text, month_first);
        if (!d || d->day == 0) return std::nullopt;
        const long day = DaysFromCivil(d->year, d->month, d->day);
        if (day != utc_day + 1 && day != utc_day - 1) return std::nullopt;
        for (const long clock : ClockTimes(b.text)) {
          const long offset = clock + (day - utc_day) * 1440 - utc_clock;
          // Zones are whole hours from UTC, some half hours (India, Iran,
          // Newfoundland, South Australia).
          if (offset >= -12 * 60 && offset <= 14 * 60 && offset % 30 == 0)
            return d;
        }
        return std::nullopt;
      });
}

std::optional<PartialDate> PublishedBesidePrintedUpdate(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept, const PartialDate& metadata_day,
    bool month_first) {
  if (metadata_day.day == 0) return std::nullopt;
  const auto day_of = [](const PartialDate& d) {
    return DaysFromCivil(d.year, d.month, d.day);
  };
  return FirstNearDateLine(
      blocks, kept, [&](const HtmlBlock& b) -> std::optional<PartialDate> {
        if (InLongFurnitureBox(b)) return std::nullopt;
        const std::string_view text = b.text;
        const DateLabelRead read = ReadDateLabel(text);
        if (read.label != DateLabel::kPublished ||
            read.updated_from == std::string_view::npos)
          return std::nullopt;
        // The publication's date runs from its label to the update's, or on
        // from its label when the update's comes first.
        const std::optional<PartialDate> published = FindDateInLine(
            text.substr(read.date_from, read.updated_from > read.date_from
                                            ? read.updated_from - read.date_from
                                            : std::string_view::npos),
            month_first);
        const std::optional<PartialDate> updated =
            FindDateInLine(text.substr(read.updated_from), month_first);
        if (published && updated && published->day != 0 && updated->day != 0 &&
            day_of(*updated) == day_of(metadata_day) &&
            day_of(*published) < day_of(*updated))
          return published;
        return std::nullopt;
      });
}

namespace {

// `b`'s text cut into the lines its <br>s break.
std::vector<std::string_view> BlockLines(const HtmlBlock& b) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (const size_t at : b.line_breaks) {
    lines.push_back(std::string_view(b.text).substr(start, at - start));
    start = at + 1;
  }
  lines.push_back(std::string_view(b.text).substr(start));
  return lines;
}

// `word` as the first name a greeting (`formula`, not a possessive) signs
// with: one capitalised word of letters, no role; else "".
std::string FirstNameAlone(std::string_view word, std::string_view formula) {
  const std::vector<std::string>& possessives = WordLists().sign_off_possessive;
  if (std::find(possessives.begin(), possessives.end(), formula) !=
      possessives.end())
    return {};
  word = TrimSpaces(word);
  while (!word.empty() && (word.back() == '.' || word.back() == '!'))
    word.remove_suffix(1);
  if (word.size() < 2 || SplitWords(word, 2).size() != 1 ||
      !StartsUpper(word) || std::any_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x80 && !std::isalpha(u) && c != '-';
      }))
    return {};
  // AuthorNames passes over a role ("Redaktion", "Editor").
  const std::vector<std::string> names =
      AuthorNames(word, /*lenient=*/false, /*name_field=*/false);
  return names.size() == 1 && names[0] == word ? names[0] : std::string();
}

// The name `line` holds and nothing else: two to four capitalised words
// without digits; or none.
std::vector<std::string> SignatureName(std::string_view line) {
  // A signature is a name alone: no label, no sentence's marks.
  if (line.find_first_of(":?!") != std::string_view::npos) return {};
  std::vector<std::string> names = NamesAlone(line);
  if (names.size() != 1) return {};
  return names;
}

}  // namespace

namespace {

// The first element in `n` (document order, six levels down) with a poster
// cue, or nullptr.
const GumboNode* FirstPoster(const GumboNode* n, int depth = 0) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > 6) return nullptr;
  if (HasClassToken(n, WordLists().poster_tokens)) return n;
  const GumboVector& c = n->v.element.children;
  for (size_t i = 0; i < c.length; ++i) {
    if (const GumboNode* p =
            FirstPoster(static_cast<const GumboNode*>(c.data[i]), depth + 1))
      return p;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> FindPostAuthor(
    const std::vector<const HtmlBlock*>& kept) {
  if (kept.empty() || kept.front()->element == nullptr) return {};
  const GumboNode* n = kept.front()->element;
  for (int level = 0; level < 6 && n->parent != nullptr &&
                      n->parent->type == GUMBO_NODE_ELEMENT;
       ++level, n = n->parent) {
    const GumboVector& c = n->parent->v.element.children;
    // The nearest earlier sibling first: the post's own header.
    for (size_t i = n->index_within_parent; i-- > 0;) {
      const GumboNode* poster =
          FirstPoster(static_cast<const GumboNode*>(c.data[i]));
      if (poster == nullptr) continue;
      std::vector<std::string> names =
          AuthorNames(CollapseSpaces(NodeText(poster, 200)), /*lenient=*/true,
                      /*name_field=*/false);
      if (names.empty() || names.front().size() > 40) return {};
      names.resize(1);
      return names;
    }
  }
  return {};
}

std::vector<std::string> FindSignOffAuthors(
    const std::vector<HtmlBlock>& blocks,
    const std::vector<const HtmlBlock*>& kept) {
  constexpr size_t kMaxFormulaBytes = 40;
  if (kept.empty()) return {};
  const size_t first = static_cast<size_t>(kept.front() - blocks.data());
  const size_t last = static_cast<size_t>(kept.back() - blocks.data());
  // The lines of the article's last three blocks and of the one after it.
  std::vector<std::string_view> lines;
  size_t text_lines = 0;  // the lines up to the article's last block's
  for (size_t i = std::max(first, last >= 2 ? last - 2 : 0);
       i < blocks.size() && i <= last + 1; ++i) {
    if (InLongFurnitureBox(blocks[i])) continue;
    for (std::string_view line : BlockLines(blocks[i])) lines.push_back(line);
    if (i <= last) text_lines = lines.size();
  }
  const std::vector<std::string>& formulas = WordLists().sign_off;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = TrimSpaces(lines[i]);
    while (!line.empty() && (line.back() == ',' || line.back() == '!'))
      line.remove_suffix(1);
    if (line.empty() || line.size() > kMaxFormulaBytes + 40) continue;
    const std::string lower = AsciiLower(line);
    for (const std::string& formula : formulas) {
      if (!std::string_view(lower).starts_with(formula)) continue;
      if (lower.size() == formula.size()) {
        // The formula on a line of its own: the name is the next line, a
        // first name alone when that line closes the text ("Liebe
        // Grüße,<br>Anna").
        if (i + 1 >= lines.size()) return {};
        if (std::vector<std::string> names = SignatureName(lines[i + 1]);
            !names.empty() || i + 2 != text_lines)
          return names;
        if (std::string name = FirstNameAlone(lines[i + 1], formula);
            !name.empty())
          return {name};
        return {};
      }
      // The formula's punctuation: a comma, a full stop, an ellipsis
      // ("Bises… Claire").
      size_t after = formula.size();
      while (after < line.size() &&
             (line[after] == ',' || line[after] == '.' || line[after] == '!'))
        ++after;
      if (line.substr(after).starts_with("\u2026")) after += 3;
      if (after == formula.size() && line[after] != ' ') continue;
      // The name after the formula ("Best regards, Jane Doe"), else after a
      // role ("Ihr Pfarrer", "Eure Jugendleitung") on the next line.
      std::string_view rest = TrimSpaces(line.substr(after));
      if (std::vector<std::string> names = SignatureName(rest); !names.empty())
        return names;
      // A formula that goes on with a wish ("Bises, et bonne fin
      // d'été,<br>Claire") is signed on the text's last line.
      if (i + 2 == text_lines) {
        if (std::string name = FirstNameAlone(lines[i + 1], formula);
            !name.empty())
          return {name};
      }
      if (SplitWords(rest, 3).size() <= 2 && i + 1 < lines.size()) {
        if (std::vector<std::string> names = SignatureName(lines[i + 1]);
            !names.empty())
          return names;
      }
      // A first name alone after a greeting ("Gruß, Olaf", "Cheers, Tom"),
      // the last line of the text; after a possessive ("Eure Anna", "Ihr
      // Vorstand") one word may be a role as well as a name.
      if (i + 1 == lines.size() || i + 2 >= lines.size())
        if (std::string name = FirstNameAlone(rest, formula); !name.empty())
          return {name};
      return {};
    }
  }
  return {};
}

std::vector<std::string> DatelineAgencies(std::string_view paragraph) {
  constexpr size_t kMaxPlaceWords = 4, kMinCode = 2, kMaxCode = 8;
  const size_t open = paragraph.find(" (");
  if (open == std::string_view::npos || open == 0) return {};
  // The place: at most four words, each opening with a capital.
  const std::string_view place = paragraph.substr(0, open);
  const std::vector<std::string_view> words =
      SplitWords(place, kMaxPlaceWords + 1);
  if (words.empty() || words.size() > kMaxPlaceWords ||
      !std::all_of(words.begin(), words.end(), StartsUpper))
    return {};
  const size_t close = paragraph.find(')', open);
  if (close == std::string_view::npos) return {};
  // A dash after the bracket, set apart by spaces.
  size_t q = close + 1;
  if (q >= paragraph.size() || paragraph[q] != ' ') return {};
  ++q;
  const char32_t dash = DecodeUtf8(paragraph, &q);
  if (!IsDashCp(dash) || q >= paragraph.size() || paragraph[q] != ' ')
    return {};
  std::vector<std::string> agencies;
  std::string_view codes = paragraph.substr(open + 2, close - open - 2);
  while (!codes.empty()) {
    const size_t slash = codes.find('/');
    const std::string_view code = codes.substr(0, slash);
    if (code.size() < kMinCode || code.size() > kMaxCode ||
        !std::all_of(code.begin(), code.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }))
      return {};
    if (agencies.empty() || (code[0] >= 'A' && code[0] <= 'Z'))
      agencies.emplace_back(code);
    codes = slash == std::string_view::npos ? std::string_view()
                                            : codes.substr(slash + 1);
  }
  return agencies;
}

std::vector<std::string> OpeningReporterCredit(std::string_view paragraph) {
  constexpr size_t kOpeningBytes = 150;
  constexpr std::string_view kOpen[] = {"\uff08", "("};
  const std::string_view opening = paragraph.substr(0, kOpeningBytes);
  for (std::string_view open : kOpen) {
    // furniture_lines.txt's Chinese author labels (记者, 作者, ...).
    for (std::string_view credit : WordLists().author_label) {
      if (!IsCjkLabel(credit)) continue;
      const std::string label = std::string(open) + std::string(credit);
      size_t at = opening.find(label);
      if (at == std::string_view::npos) continue;
      at += label.size();
      const size_t close =
          std::min(paragraph.find(')', at), paragraph.find("\uff09", at));
      if (close == std::string_view::npos) continue;
      std::string_view names = paragraph.substr(at, close - at);
      // A full-width colon may follow the label; names part at spaces (an
      // ideographic one too) and the enumeration comma 、.
      if (names.starts_with("\uff1a")) names.remove_prefix(3);
      std::vector<std::string> out;
      std::string name;
      for (size_t i = 0; i <= names.size();) {
        const bool end = i == names.size();
        const bool space = !end && names[i] == ' ';
        const bool wide = !end && (names.substr(i).starts_with("\u3001") ||
                                   names.substr(i).starts_with("\u3000"));
        if (end || space || wide) {
          if (!name.empty()) out.push_back(std::move(name));
          name.clear();
          i += wide ? 3 : 1;
          continue;
        }
        name += names[i++];
      }
      // Chinese names are two to four characters of three bytes each.
      const bool names_shaped =
          !out.empty() && out.size() <= 4 &&
          std::all_of(out.begin(), out.end(), [](const std::string& n) {
            return n.size() >= 6 && n.size() <= 12 &&
                   static_cast<unsigned char>(n[0]) >= 0xE0;
          });
      return names_shaped ? out : std::vector<std::string>{};
    }
  }
  return {};
}

// The byline of an article read from outside the visible page (a
// <noscript>, a template), where it is one of the first three paragraphs.
std::vector<std::string> FindBylineInParagraphs(
    const std::vector<Paragraph>& paragraphs) {
  for (size_t i = 0; i < paragraphs.size() && i < 3; ++i) {
    if (std::vector<std::string> names = BylineNames(paragraphs[i].text);
        !names.empty())
      return names;
  }
  return {};
}

}  // namespace dateline::extract_internal
