// libFuzzer target for the when stage: FindDates over arbitrary bytes, with and
// without a publication date, and ParseDateText. Checks the contract's
// invariants (spans inside the text, in order and disjoint, text equal to the
// span, valid resolved dates).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "when/when.h"

namespace {

void CheckDate(const dateline::PartialDate& d) {
  if (d.month < 0 || d.month > 12) std::abort();
  if (d.day != 0 && (d.month == 0 || d.day < 1 ||
                     d.day > dateline::DaysInMonth(d.year, d.month)))
    std::abort();
}

void CheckMentions(std::string_view text,
                   const dateline::DateContext& context) {
  size_t previous_end = 0;
  for (const dateline::DateMention& m : dateline::FindDates(text, context)) {
    if (m.span.start >= m.span.end || m.span.end > text.size()) std::abort();
    if (m.span.start < previous_end) std::abort();
    if (text.substr(m.span.start, m.span.end - m.span.start) != m.text)
      std::abort();
    if (m.value) CheckDate(*m.value);
    if (!m.value && m.relative.empty()) std::abort();
    previous_end = m.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;  // bounded memory: articles are far smaller
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckMentions(text, dateline::DateContext{});
  dateline::DateContext published;
  // The first bytes choose a publication date, so edge days (leap days, year
  // ends) occur.
  const int day_offset = size >= 2 ? (data[0] << 8 | data[1]) : 0;
  published.published = dateline::CivilFromDays(18000 + day_offset);
  CheckMentions(text, published);
  dateline::DateContext month_only;
  month_only.published = dateline::PartialDate{2021, 12, 0};
  month_only.year_hint = 2021;
  CheckMentions(text, month_only);
  if (auto d = dateline::ParseDateText(text)) CheckDate(*d);
  return 0;
}
