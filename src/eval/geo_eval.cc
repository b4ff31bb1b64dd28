// Geoparsing corpora (issue 5 develops this scorer further).
#include "eval/gold_sets.h"

namespace dateline {

Result<EvalReport> EvalGeoSet(const std::string& jsonl, const Pipeline&, const EvalOptions&) {
  return MakeError(jsonl, "scoring of geoparsing corpora is not built yet");
}

}  // namespace dateline
