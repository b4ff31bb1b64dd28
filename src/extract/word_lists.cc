#include "extract/word_lists.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>

#include "core/table_file.h"

namespace dateline::extract_internal {

// Defined in the generated extract_data.cc (CMakeLists.txt, embed_data.cmake).
extern const std::string_view kCalendarData;
extern const std::string_view kClassesData;
extern const std::string_view kFurnitureLinesData;

namespace {

// A phrase as written: trimmed by the table reader; double quotes keep the
// spaces at its ends.
std::string Phrase(const std::string& item) {
  if (item.size() >= 2 && item.front() == '"' && item.back() == '"')
    return item.substr(1, item.size() - 2);
  return item;
}

// Splits a ";" list keeping the spaces inside quotes ("by "): SplitList would
// trim them.
std::vector<std::string> Phrases(std::string_view field) {
  std::vector<std::string> out;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= field.size(); ++i) {
    if (i < field.size() && field[i] == '"') quoted = !quoted;
    if (i == field.size() || (field[i] == ';' && !quoted)) {
      std::string item(Trim(field.substr(start, i - start)));
      if (!item.empty()) out.push_back(Phrase(item));
      start = i + 1;
    }
  }
  return out;
}

// The records of one file, or none with the reason in *error.
std::optional<std::vector<TableRecord>> Records(std::string_view text,
                                                const char* name, size_t fields,
                                                std::string* error) {
  auto records = ParseTable(text, name, fields, fields);
  if (!records.ok()) {
    *error = records.error().ToString();
    return std::nullopt;
  }
  return std::move(records).value();
}

bool ParseCalendar(std::string_view text, WordListSet* out,
                   std::string* error) {
  const auto records = Records(text, "extract/calendar.txt", 3, error);
  if (!records) return false;
  for (const TableRecord& r : *records) {
    const std::vector<std::string> names = SplitList(r.fields[2]);
    const bool month = r.fields[0] == "month";
    if (!month && r.fields[0] != "day") {
      *error = r.Where() + ": \"" + r.fields[0] + "\" is neither month nor day";
      return false;
    }
    if (names.size() != (month ? 12u : 7u)) {
      *error = r.Where() + ": " + std::to_string(names.size()) + " names, " +
               (month ? "12" : "7") + " expected";
      return false;
    }
    auto& list = month ? out->months : out->days;
    list.insert(list.end(), names.begin(), names.end());
  }
  if (out->months.empty()) {
    *error = "extract/calendar.txt: no month names";
    return false;
  }
  return true;
}

// Marks the first two bytes of `name` (a-z, 0-9) in `pairs`; a one-byte name
// marks its byte with every second byte and with none (0).
void MarkFirstPair(std::string_view name,
                   std::array<std::bitset<128>, 128>* pairs) {
  const auto first = static_cast<unsigned char>(name[0]);
  if (name.size() == 1) {
    (*pairs)[first].set();
  } else {
    (*pairs)[first].set(static_cast<unsigned char>(name[1]));
  }
}

bool ParseClasses(std::string_view text, WordListSet* out, std::string* error) {
  const auto records = Records(text, "extract/classes.txt", 4, error);
  if (!records) return false;
  for (const TableRecord& r : *records) {
    ClassCue cue;
    cue.name = r.fields[1];
    if (r.fields[0] != "cue" || cue.name.empty() ||
        (r.fields[2] != "token" && r.fields[2] != "stem" &&
         r.fields[2] != "class")) {
      *error = r.Where() +
               ": expected \"cue | name | token, stem or class | kinds\"";
      return false;
    }
    // A whole class name ("sr-only") hides its element's text: the kind
    // "unseen", and nothing else.
    if (r.fields[2] == "class") {
      const bool name_ok =
          std::all_of(cue.name.begin(), cue.name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_';
          });
      if (!name_ok || r.fields[3] != "unseen" || cue.name.size() >= 64) {
        *error = r.Where() +
                 ": a class cue is a lower-case class name (a-z, 0-9, '-', "
                 "'_'; under 64 bytes) of kind \"unseen\"";
        return false;
      }
      out->unseen_lengths.set(cue.name.size());
      out->unseen_classes.push_back(cue.name);
      continue;
    }
    for (char c : cue.name) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        *error = r.Where() +
                 ": a cue is lower-case a-z and 0-9 (tokens never hold other "
                 "characters)";
        return false;
      }
    }
    cue.whole_token = r.fields[2] == "token";
    for (const std::string& kind : SplitList(r.fields[3])) {
      bool* flag = kind == "content"     ? &cue.content
                   : kind == "hover"     ? &cue.hover
                   : kind == "furniture" ? &cue.furniture
                   : kind == "strong"    ? &cue.strong
                   : kind == "long"      ? &cue.long_furniture
                   : kind == "poster"    ? &cue.poster
                   : kind == "kicker"    ? &cue.kicker
                                         : nullptr;
      if (flag == nullptr) {
        *error = r.Where() + ": unknown kind \"" + kind + "\"";
        return false;
      }
      *flag = true;
    }
    // A kicker cue marks a headline's overline and nothing else: read only
    // inside an <h1> (HeadlineBesideKicker), from its own list.
    if (cue.kicker) {
      if (cue.whole_token || cue.content || cue.hover || cue.furniture ||
          cue.strong || cue.long_furniture || cue.poster) {
        *error = r.Where() + ": a kicker cue is a stem of that kind alone";
        return false;
      }
      out->kicker_stems.push_back(cue.name);
      continue;
    }
    // A poster cue names a post's writer and nothing else: read only by
    // FindPostAuthor, from its own list.
    if (cue.poster) {
      if (!cue.whole_token || cue.content || cue.hover || cue.furniture ||
          cue.strong || cue.long_furniture) {
        *error = r.Where() + ": a poster cue is a token of that kind alone";
        return false;
      }
      out->poster_tokens.push_back(cue.name);
      continue;
    }
    if (cue.whole_token) {
      out->class_tokens[cue.name] = cue;
      MarkFirstPair(cue.name, &out->class_token_pairs);
    } else if (cue.content || cue.furniture || cue.long_furniture) {
      out->class_stems_by_first[static_cast<unsigned char>(cue.name[0])]
          .push_back(cue);
      MarkFirstPair(cue.name, &out->class_stem_pairs);
    }
    out->class_cues.push_back(std::move(cue));
  }
  return true;
}

bool ParseFurnitureLines(std::string_view text, WordListSet* out,
                         std::string* error) {
  const auto records = Records(text, "extract/furniture_lines.txt", 2, error);
  if (!records) return false;
  const std::map<std::string_view, std::vector<std::string>*> lists = {
      {"author-start", &out->author_start},
      {"byline-start", &out->byline_start},
      {"author-label", &out->author_label},
      {"credit-label", &out->credit_label},
      {"caption", &out->caption},
      {"caption-start", &out->caption_start},
      {"caption-credit", &out->caption_credit},
      {"related-start", &out->related_start},
      {"author-bio", &out->author_bio},
      {"sign-off", &out->sign_off},
      {"interviewer-start", &out->interviewer_start},
      {"role-word", &out->role_word},
      {"role-ending", &out->role_ending},
      {"publisher-word", &out->publisher_word},
      {"desk-word", &out->desk_word},
      {"agency-joiner", &out->agency_joiner},
      {"writing-noun", &out->writing_noun},
      {"sign-off-possessive", &out->sign_off_possessive},
      {"sign-up-end", &out->sign_up_end},
      {"author-link-label", &out->author_link_label},
      {"name-particle", &out->name_particle},
      {"byline-possessive", &out->byline_possessive},
      {"affiliation-word", &out->affiliation_word},
      {"credit-start", &out->credit_start},
      {"app-store", &out->app_store},
      {"app-start", &out->app_start},
      {"satellite", &out->satellite},
      {"site-map", &out->site_map},
      {"social-start", &out->social_start},
      {"ad-label", &out->ad_label},
      {"media-label", &out->media_label},
      {"appeal-heading", &out->appeal_heading},
      {"donation-path", &out->donation_path},
      {"caption-end", &out->caption_end},
      {"rights-reserved", &out->rights_reserved},
      {"reading-time", &out->reading_time},
      {"breadcrumb-start", &out->breadcrumb_start},
      {"taxonomy-start", &out->taxonomy_start},
      {"disclosure", &out->disclosure},
      {"date-published", &out->date_published},
      {"date-updated", &out->date_updated}};
  for (const TableRecord& r : *records) {
    auto it = lists.find(r.fields[0]);
    if (it == lists.end()) {
      *error = r.Where() + ": unknown list \"" + r.fields[0] + "\"";
      return false;
    }
    for (std::string& p : Phrases(r.fields[1]))
      it->second->push_back(std::move(p));
  }
  return true;
}

}  // namespace

bool ParseWordLists(std::string_view calendar, std::string_view classes,
                    std::string_view furniture_lines, WordListSet* out,
                    std::string* error) {
  *out = WordListSet();
  return ParseCalendar(calendar, out, error) &&
         ParseClasses(classes, out, error) &&
         ParseFurnitureLines(furniture_lines, out, error);
}

const WordListSet& WordLists() {
  static const WordListSet* lists = [] {
    auto* set = new WordListSet();
    std::string error;
    if (!ParseWordLists(kCalendarData, kClassesData, kFurnitureLinesData, set,
                        &error)) {
      std::fprintf(stderr,
                   "dateline: built-in word lists of data/extract/: %s\n",
                   error.c_str());
      std::abort();
    }
    return set;
  }();
  return *lists;
}

}  // namespace dateline::extract_internal
