// CASE 2021 task 2 snippets (issue 4 develops this scorer further).
#include "eval/gold_sets.h"

namespace dateline {

Result<EvalReport> EvalCaseSet(const std::string& tsv, const Pipeline&, const EvalOptions&) {
  return MakeError(tsv, "scoring of CASE 2021 snippets is not built yet");
}

}  // namespace dateline
