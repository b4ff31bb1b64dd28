#include "core/document.h"

namespace dateline {

const char* InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kAuto:
      return "auto";
    case InputKind::kPageText:
      return "page-text";
    case InputKind::kHtml:
      return "html";
    case InputKind::kJsonLines:
      return "jsonl";
    case InputKind::kText:
      return "text";
  }
  return "auto";
}

std::optional<InputKind> ParseInputKind(std::string_view name) {
  if (name == "auto") return InputKind::kAuto;
  if (name == "page-text" || name == "page" || name == "txt")
    return InputKind::kPageText;
  if (name == "html") return InputKind::kHtml;
  if (name == "jsonl" || name == "json-lines" || name == "ndjson")
    return InputKind::kJsonLines;
  if (name == "text") return InputKind::kText;
  return std::nullopt;
}

}  // namespace dateline
