// PLOVER gold-standard records (issue 4 develops this scorer further).
#include "eval/gold_sets.h"

namespace dateline {

Result<EvalReport> EvalPloverSet(const std::string& jsonl, const Pipeline&, const EvalOptions&) {
  return MakeError(jsonl, "scoring of PLOVER gold records is not built yet");
}

}  // namespace dateline
