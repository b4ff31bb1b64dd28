// When: finds date expressions in article text and resolves them against the
// publication date ("October 2017" -> 2017-10, "on Thursday" -> the Thursday before
// publication, "Sept. 25, 2017" -> 2017-09-25). Without a publication date, expressions
// that need one keep a `relative` description and, where known, a year hint.
//
// Stateless functions; thread-safe.
#ifndef DATELINE_WHEN_WHEN_H_
#define DATELINE_WHEN_WHEN_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/record.h"

namespace dateline {

struct DateContext {
  std::optional<PartialDate> published;  // the article's publication date, if known
  std::optional<int> year_hint;          // e.g. a footer's copyright year, when unpublished
};

// Every date expression in `text`, in text order, non-overlapping (longest wins).
// Spans are byte offsets into `text`.
std::vector<DateMention> FindDates(std::string_view text, const DateContext& context);

// Parses one stand-alone date as found in page metadata or a byline
// ("June 3, 2021", "3 June 2021 10:42 GMT", "2021-06-03T10:42:00+03:00", "Sept. 25, 2017").
std::optional<PartialDate> ParseDateText(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_WHEN_WHEN_H_
