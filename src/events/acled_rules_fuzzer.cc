// libFuzzer target for the ACLED decision-table reader
// (data/events/acled_rules.txt format): any bytes must give a classifier or an
// Error naming file and line, never a crash; a table that loads must type and
// label events without crashing. The input is written to a scratch data folder
// in the temporary directory (beside a copy of the shipped acled.txt; two small
// files left behind per run) because the table is read from files, as in
// production. Inputs are capped so memory and time stay bounded.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "events/events.h"

namespace {

struct Fixture {
  std::unique_ptr<dateline::TextAnalyzer> analyzer;
  std::filesystem::path dir;
};

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    auto analyzer = dateline::TextAnalyzer::Create(DATELINE_FUZZ_DATA_DIR);
    if (!analyzer.ok()) std::abort();  // the shipped data must load
    f->analyzer = std::move(analyzer).value();
    f->dir = std::filesystem::temp_directory_path() /
             ("acled_rules_fuzzer_" + std::to_string(getpid()));
    std::filesystem::create_directories(f->dir / "events");
    std::filesystem::copy_file(
        std::string(DATELINE_FUZZ_DATA_DIR) + "/events/acled.txt",
        f->dir / "events/acled.txt",
        std::filesystem::copy_options::overwrite_existing);
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096)
    return 0;  // small tables keep a run fast; the grammar is per line
  const Fixture& f = GetFixture();
  {
    std::ofstream out(f.dir / "events/acled_rules.txt",
                      std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data),
              static_cast<std::streamsize>(size));
  }
  auto classifier =
      dateline::AcledClassifier::Create(f.dir.string(), *f.analyzer);
  if (!classifier.ok()) return 0;
  dateline::AnalyzedText a = f.analyzer->Analyze(
      "Rebels shelled the market with mortars, killing three protesters.");
  std::vector<dateline::Event> events(2);
  events[0].cameo = "194";
  events[0].plover = dateline::Plover::kFight;
  events[0].modality = dateline::Modality::kAsserted;
  events[0].fatalities = 3;
  events[0].source.text = "Rebels";
  events[0].source.actor.sectors = {"REB"};
  events[1].acled = {dateline::AcledEventType::kOther,
                     dateline::AcledSubEventType::kNaturalDisaster};
  events[1].modality = dateline::Modality::kAsserted;
  (*classifier)->Refine(a, &events);
  (void)(*classifier)->LabelText(a, events);
  return 0;
}
