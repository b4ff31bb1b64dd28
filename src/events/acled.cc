// ACLED typing: the baseline takes each event's ACLED type from its CAMEO code (set by
// the coder from data/events/cameo.txt) and labels a text with the CASE label of its
// first event that has an ACLED type (data/events/acled.txt `case` lines).
#include <map>
#include <utility>

#include "core/table_file.h"
#include "events/events.h"

namespace dateline {

struct AcledClassifier::Impl {
  std::map<std::pair<std::string, std::string>, std::string> case_labels;  // (type, sub-type) -> label
};

AcledClassifier::AcledClassifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AcledClassifier::~AcledClassifier() = default;

Result<std::unique_ptr<AcledClassifier>> AcledClassifier::Create(const std::string& data_dir,
                                                                 const TextAnalyzer& /*analyzer*/) {
  auto impl = std::make_unique<Impl>();
  auto records = ReadTableFile(data_dir + "/events/acled.txt", 2, 4);
  if (!records.ok()) return records.error();
  for (const TableRecord& r : *records) {
    if (r.fields[0] != "case") continue;
    if (r.fields[1].empty() || r.fields[2].empty() || r.fields[3].empty())
      return r.MakeError("a case line needs a label, an event type and a sub-event type");
    impl->case_labels[{r.fields[2], r.fields[3]}] = r.fields[1];
  }
  return std::unique_ptr<AcledClassifier>(new AcledClassifier(std::move(impl)));
}

void AcledClassifier::Refine(const AnalyzedText& /*analysed*/, std::vector<Event>* /*events*/) const {}

std::string AcledClassifier::LabelText(const AnalyzedText& /*analysed*/, const std::vector<Event>& events) const {
  for (const Event& e : events) {
    auto it = impl_->case_labels.find({e.acled.event_type, e.acled.sub_event_type});
    if (it != impl_->case_labels.end()) return it->second;
  }
  return "";
}

}  // namespace dateline
