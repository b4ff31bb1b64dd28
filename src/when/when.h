// When: finds date expressions in article text and resolves them against the
// publication date ("October 2017" -> 2017-10, "on Thursday" -> the Thursday
// before publication, "Sept. 25, 2017" -> 2017-09-25). Without a publication
// date, expressions that need one keep a `relative` description and, where
// known, a year hint.
//
// Stateless functions; thread-safe. No regular expressions: one tokenizing
// pass, then patterns tried only at trigger tokens (month and weekday names,
// numbers, "yesterday", "last", ...), so the cost is linear in the text.
//
// Conventions (what a reader of the output needs to know):
// - Spans cover the date words only: "in 2017" gives "2017", "on Thursday"
// gives
//   "Thursday", while modifiers that change the meaning are included ("last
//   Thursday", "mid-2017", "early October", "Monday night", "Thursday, June 3,
//   2021").
// - Month names must be capitalised (or the text all capitals); a month with
// neither day
//   nor year must follow a preposition or modifier ("in May", "since March",
//   "late May"), which keeps out "may attack", "protesters march", "Theresa
//   May", "August Ames". Abbreviations ("Sept", "Wed", "Sun") count only next
//   to a day or year.
// - A bare year (1800..2100) needs a preposition ("in", "since", "by", ...), a
// modifier,
//   a range ("from 2014 to 2017") or a determiner before a singular noun ("the
//   2017 referendum"); "2017 people", "1,000" and "10:30" are never dates.
// - Numeric dates: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD are year first;
// DD.MM.YYYY is day
//   first. With "/" or "-", the field above 12 decides (25/09/2017 is day
//   first, 09/25/2017 month first); when both are 12 or less and differ the
//   order is ambiguous, so only the year is kept and `relative` says "day and
//   month order ambiguous" (and ParseDateText returns nullopt).
// - Impossible dates ("February 30, 2021", "2021-02-30") are not reported at
// all.
// - Without a year, a month or day is resolved towards the past (the latest one
// on or
//   before publication) unless the clause is in the future tense ("will",
//   "scheduled", "expected", ...), then the next one on or after publication.
//   Weekdays: past tense or none -> the latest on or before publication; future
//   -> the first strictly after; "last"/"next" -> strictly before/after; "this
//   Saturday" looks ahead unless past.
// - Ranges give one mention per end ("between January 4 and February 7, 2017"
// -> two);
//   a start without a year borrows the end's (the year before if its month is
//   later). "3-5 June 2021" is one mention with the first day.
// - "the next day", "N days later", "a week later" count from the latest
// earlier date of
//   day precision in the same text ("The talks began on June 1. Two days later
//   ..." -> 2021-06-03); without one they keep a `relative` ("two days later
//   than an earlier date") and no value. "several days later" only gets a
//   `relative`.
// - Weeks and weekends resolve to the month, or else the year, that contains
// the whole
//   week, with `relative` naming it ("the week before publication"); a week
//   straddling two years has no value. "N weeks ago" keeps the month, "N months
//   ago" the month, "N years ago" the year. Decades ("the 1990s") give the
//   first year with relative "the 1990s". "recently", "in recent weeks", "the
//   past week" only get a `relative`.
// - `relative` is set whenever `value` is missing or coarser than the
// expression;
//   `year_hint` is the value's year, else the publication year, else
//   DateContext::year_hint (shifted for "last year"/"next year").
// - A publication date of month or year precision resolves only what it can
// ("last
//   month" but not "yesterday").
#ifndef DATELINE_WHEN_WHEN_H_
#define DATELINE_WHEN_WHEN_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/record.h"

namespace dateline {

struct DateContext {
  std::optional<PartialDate>
      published;  // the article's publication date, if known
  std::optional<int>
      year_hint;  // e.g. a footer's copyright year, when unpublished
};

// Every date expression in `text`, in text order, non-overlapping (longest
// wins). Spans are byte offsets into `text`; any bytes are accepted (invalid
// UTF-8 included).
std::vector<DateMention> FindDates(std::string_view text,
                                   const DateContext& context);

// Parses one stand-alone date as found in page metadata or a byline
// ("June 3, 2021", "3 June 2021 10:42 GMT", "2021-06-03T10:42:00+03:00", "Sept.
// 25, 2017"). Leading labels and trailing times are tolerated ("Updated: June
// 3, 2021 | 10:42 IST"). Returns the most precise absolute date found, or
// nullopt when there is none (a weekday alone, a month and day without a year,
// an ambiguous 03/06/2021, an impossible date).
std::optional<PartialDate> ParseDateText(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_WHEN_WHEN_H_
