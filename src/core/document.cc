#include "core/document.h"

#include <cctype>

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

std::string UrlHost(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host(url.substr(start, end == std::string_view::npos
                                         ? std::string_view::npos
                                         : end - start));
  for (char& c : host)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

}  // namespace dateline
