// Text rules shared by the page-text and HTML extractors (internal to
// src/extract/): Unicode-aware trimming, the dateline ("ERBIL (Kurdistan 24)
// –"), copyright years, dates in URLs and the line patterns that mark page
// furniture ("Read More:", "Edited by", app-store and radio lines, site maps).
//
// Stateless functions; thread-safe. Inputs are valid UTF-8.
#ifndef DATELINE_EXTRACT_TEXT_RULES_H_
#define DATELINE_EXTRACT_TEXT_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/utf8.h"

namespace dateline::extract_internal {

// HTML's ASCII white space (space, tab, line feed, form feed, carriage
// return), which separates attribute values' tokens such as class names.
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// True for the white space code points news pages use: ASCII space and
// controls, NBSP, the U+2000 block spaces, zero-width space, ideographic space,
// BOM.
bool IsSpaceCodepoint(char32_t c);

// `s` without leading and trailing white space (as IsSpaceCodepoint).
std::string_view TrimSpaces(std::string_view s);

// Calls `word(w)` for each white-space-separated word of `s` in order, until it
// returns false.
template <typename WordFn>
void ForEachWord(std::string_view s, WordFn&& word);

// Splits on white space runs; the first `max_words` words only, for callers
// that need no more (a page text document can be one line of thousands of
// words).
std::vector<std::string_view> SplitWords(std::string_view s,
                                         size_t max_words = SIZE_MAX);

// The words of `s` (SplitWords) joined by single spaces.
std::string CollapseSpaces(std::string_view s);

// "ERBIL" -> "Erbil", "NEW YORK" -> "New York" (Latin, Greek and Cyrillic
// letters).
std::string TitleCase(std::string_view upper);

// True when the word's letters are all upper case and it has at least one
// letter.
bool IsUpperWord(std::string_view word);
// True when the word starts with an upper-case letter or a digit.
bool StartsUpper(std::string_view word);
// True when the first letter of the word is lower case.
bool StartsLower(std::string_view word);
// Whether `c` is a hyphen or a figure, en or em dash.
bool IsDashCp(char32_t c);

// The place of a dateline opening `paragraph`: an upper-case place name
// followed by a comma, a parenthesised agency or a dash ("BAGHDAD, June 3
// (Reuters) -", "KABUL —"), in title case; nullopt when the paragraph does not
// open with a dateline.
std::optional<std::string> ParseDatelinePlace(std::string_view paragraph);

// The year of a copyright notice in `line` ("©Copyright 2021", "© 2021 Foo",
// "Copyright (c) 2019-2021" gives the last year); nullopt when there is none.
std::optional<int> FindCopyrightYear(std::string_view line);

// A publication date in a URL path: /2021/06/03/, /2021-06-03/, /20210603/ or
// /2021/06/ (month precision).
std::optional<PartialDate> DateFromUrl(std::string_view url);

// A moment as machine-readable page metadata writes it, with the local day it
// was written in: ISO 8601 with a time and a zone ("2022-05-03T23:37:37-04:00",
// "2019-10-18T22:04:00Z", "2021-06-03 10:00:00+0200") or RFC 2822 as feeds and
// some <meta> tags give it ("Sat, 19 Oct 2019 00:04:00 +0200", "... GMT").
struct ZonedTime {
  PartialDate local_day;   // the calendar day as written
  long utc_minute = 0;     // minutes since 1970-01-01 00:00 UTC
  int offset_minutes = 0;  // the zone's offset east of UTC
};
// Nullopt for a date without a time or zone, or anything else.
std::optional<ZonedTime> ParseZonedTime(std::string_view text);

// The first calendar day written in `line` as pages print publication dates:
// 2021-06-03 (also with / or .), 3.6.2021 and 03/06/2021 (day first, or month
// first when `month_first`, unless the numbers only fit the other order), "3.
// Juni 2021", "3 juin 2021", "3 de junio de 2021", "June 3, 2021", "June 3rd
// 2021", with the month names of data/extract/calendar.txt and their
// abbreviations. Arabic-Indic digits read as ASCII
// ones ("٣ مارس ٢٠٢١"). Years 1990-2099; nullopt when the line has no such
// day.
std::optional<PartialDate> FindDateInLine(std::string_view line,
                                          bool month_first = false);

// True when `word` (any case, trailing '.' or ',' ignored) names a month or a
// day of the week in English, German, French, Spanish, Italian, Portuguese or
// Dutch.
bool IsCalendarWord(std::string_view word);
// The same for the days of the week alone.
bool IsDayName(std::string_view word);

// True when `word` (any case, trailing '.' or ',' ignored) is a day of the
// week cut to its first two or three letters, as date lines print it ("Mi.",
// "Di", "Tue", "ven."), in the languages of IsCalendarWord. Such a word is also
// a name ("Di", "Ma", "Sat"): callers read it as a day only beside a date.
bool IsDayAbbreviation(std::string_view word);

// True when `word` is a lower-case word that joins an agency to a byline's
// writers or stands before it in a credit (furniture_lines.txt's
// agency-joiner: "mit (Material von) dpa", "avec AFP").
bool IsAgencyJoiner(std::string_view word);

// True when the line ends like a sentence: . ! ? or … possibly followed by
// closing quotes or brackets.
bool EndsWithSentencePunctuation(std::string_view line);

// Kinds of furniture recognisable from a line alone.
enum class FurnitureKind {
  kNone,
  kAuthor,   // "By Jane Doe", "author_image Jane Doe", "Written by Jane Doe"
  kCaption,  // "(Photo: ...)", "(Photo credit ...)", "AFP/Getty Images"
  kRelatedLink,  // "Read More: ...", "Related: ...", "See also ...", "Also read
                 // ..."
  kCredit,  // "Edited by ...", "Reporting by ...", "Additional reporting ..."
  kCopyright,  // "© 2021 ...", "All Rights Reserved"
  kApps,       // "App Store Google Play", "Download", "Listen To"
  kBroadcast,  // "Eutelsat11677 H 5040", "100.7FM"
  kSiteMap,    // "Site Map - Privacy Policy - About - Contact"
  kPlaceList,  // "ERBIL  KIRKUK  DUHOK"
  kSocial,     // "Share this article", "Follow us on Twitter", "Advertisement"
};

const char* FurnitureKindName(FurnitureKind kind);

// Whether `line` holds a breadcrumb's step between words (" > ", " >> ", " › ",
// " » ": "Sie sind hier: Start > Lokales").
bool HoldsBreadcrumbStep(std::string_view line);

// Whether link address `href` leads to a donation page: a word of its path
// between slashes (its extension aside) or its host's first label is one of
// furniture_lines.txt's donation-path ("/donate", "/dona/",
// "https://donate.example.org/").
bool IsDonationLink(std::string_view href);

// Classifies one line (already trimmed) by its own content.
FurnitureKind ClassifyFurnitureLine(std::string_view line);
// Whether `line` opens with one of `phrases` (lower-case, capitals that ASCII
// lower-casing leaves alone written as pages print them, as
// furniture_lines.txt's lists are), its ASCII letters compared in any case and
// no copy made; `whole_word`: a letter or digit may not follow the phrase.
bool StartsWithAnyNoCase(std::string_view line,
                         const std::vector<std::string>& phrases,
                         bool whole_word = false);
// The length of the phrase of `phrases` that `line` opens with, compared as
// StartsWithAnyNoCase compares; 0 when none.
size_t LeadPhraseLength(std::string_view line,
                        const std::vector<std::string>& phrases,
                        bool whole_word = false);
// Whether `line` opens with a pointer to other stories ("Read also", "À lire
// aussi": furniture_lines.txt's related-start), as ClassifyFurnitureLine reads
// those, without its other tests.
bool StartsAsRelatedLink(std::string_view line);
// Whether `line` is a label heading a box about the article's writer ("About
// the author", "Über die Autorin:"; furniture_lines.txt's author-bio): the
// label alone, a colon or the writer's name may follow it.
bool IsAuthorBioLabel(std::string_view line);
// Whether `line` heads a box asking readers for money ("Support local
// journalism", "… we have a small favour to ask"; furniture_lines.txt's
// appeal-heading), at most 12 words.
bool IsAppealHeading(std::string_view line);

// U+FF1A FULLWIDTH COLON, which Chinese and Japanese text sets after a label.
inline constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";

// Whether every word of `name` is capitalised, but for the lower-case
// particles of names inside it ("von der", "de la", "van", "bin") and the
// words that join two names ("und", "et"; furniture_lines.txt's
// name-particle): a name as a byline prints it, not the start of a sentence
// ("Von Berlin aus") nor a heading ("Weitere Artikel aus Emden").
bool IsNameShaped(std::string_view name);

// Whether `lower` (a lower-cased block) is one of `labels` and nothing else,
// a colon after it or not ("Autor", "Auteur :", "Auteur(s) :").
bool IsLabelOnly(std::string_view lower,
                 const std::vector<std::string>& labels);

// Whether `word` names an organisation's office or a post in it ("President",
// "Communications": furniture_lines.txt's affiliation-word), matched whole: a
// part of an author list after a name that holds one is the writer's
// affiliation ("Jane Doe, University Communications").
bool IsAffiliationWord(std::string_view word);

// The names in an author line ("By Jane Doe and John Roe" -> {"Jane Doe", "John
// Roe"}); empty when the line is not an author line.
std::vector<std::string> ParseAuthorLine(std::string_view line);

// Splits a list of names on ", ", " and ", " & " and ";" ("Jane Doe and John
// Roe"), and on the word for "and" of the other byline languages between two
// full names ("Jana Beispiel und Max Muster"), trimming each part of spaces and
// of a comma or semicolon at its ends ("Jane Doe," gives "Jane Doe").
std::vector<std::string_view> SplitNameList(std::string_view list);

// How far into a paragraph a dateline's date is looked for ("BERLIN, 3. Juni
// 2021 (dpa) –" fits).
constexpr size_t kDatelineOpeningBytes = 48;

// The date of a paragraph that opens with a dateline: a date before the first
// dash or bar that sets the dateline off from the text, within the paragraph's
// first kDatelineOpeningBytes ("29.11.2022 – Die Regierung ...", "BERLIN, 3.
// Juni 2021 | ..."); nullopt otherwise.
std::optional<PartialDate> DatelineDate(std::string_view paragraph,
                                        bool month_first);

// What a date line says its date is the date of (furniture_lines.txt's
// date-published and date-updated labels, as whole words): kPublished for
// "Veröffentlicht am 3.5.2021", "Published June 3, 2021"; kUpdated for
// "Aktualisiert: 4.5.2021" with no publication label; kNone for neither. A
// line with both ("Zuletzt geändert: 4.5.2021, erschienen am 3.5.2021") is
// kPublished.
enum class DateLabel { kNone, kPublished, kUpdated };
struct DateLabelRead {
  DateLabel label = DateLabel::kNone;
  size_t date_from = 0;  // kPublished: where the text after the label starts
  // Where the text after an update's label starts, when the line holds one
  // too; npos otherwise.
  size_t updated_from = std::string_view::npos;
};
DateLabelRead ReadDateLabel(std::string_view line);

// `c` lower-cased if it is an ASCII capital: tag, attribute and class names
// are compared a byte at a time, with no call into the C library.
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}
// Lower-cased ASCII copy.
std::string AsciiLower(std::string_view s);
// Letters and digits of `s`, ASCII lower-cased, every non-ASCII byte kept
// ("Inter-Scenar.io" gives "interscenario"): names compared whatever their
// punctuation and spacing.
std::string Alnum(std::string_view s);
// Whether AsciiLower(s) equals, or contains, `lower` (lower-case ASCII), with
// no copy made: asked of every element's attributes and every tag, so the
// short ones are inline.
inline bool EqualsNoCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (LowerAscii(s[i]) != lower[i]) return false;
  }
  return true;
}
bool ContainsNoCase(std::string_view s, std::string_view lower);
// Whether `a` and `b` are equal ignoring ASCII case (both as a page writes
// them).
inline bool SameNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

template <typename WordFn>
void ForEachWord(std::string_view s, WordFn&& word) {
  size_t pos = 0, word_start = std::string_view::npos;
  while (pos < s.size()) {
    const size_t cp_start = pos;
    // ASCII, most of any text, without decoding.
    const unsigned char byte = static_cast<unsigned char>(s[pos]);
    bool space;
    if (byte < 0x80) {
      space = byte == ' ' || (byte >= 0x09 && byte <= 0x0D);
      ++pos;
    } else {
      space = IsSpaceCodepoint(DecodeUtf8(s, &pos));
    }
    if (space) {
      if (word_start != std::string_view::npos &&
          !word(s.substr(word_start, cp_start - word_start)))
        return;
      word_start = std::string_view::npos;
    } else if (word_start == std::string_view::npos) {
      word_start = cp_start;
    }
  }
  if (word_start != std::string_view::npos) word(s.substr(word_start));
}

}  // namespace dateline::extract_internal

#endif  // DATELINE_EXTRACT_TEXT_RULES_H_
