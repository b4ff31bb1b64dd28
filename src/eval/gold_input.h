// Reading gold sets (internal to src/eval/): the strings a gold field gives,
// and the pages of the HTML sets (html/<id>.html.gz beside the gold file).
//
// Stateless functions; thread-safe.
#ifndef DATELINE_EVAL_GOLD_INPUT_H_
#define DATELINE_EVAL_GOLD_INPUT_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "ingest/ingest.h"

namespace dateline {

// A gold field that may be a string or a list of strings: its strings, in order
// (empty ones included; other JSON values give none).
inline std::vector<std::string> GoldStrings(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array()) {
    for (const nlohmann::json& x : j) {
      if (x.is_string()) out.push_back(x.get<std::string>());
    }
  }
  return out;
}

// The page html_dir/<id>.html.gz read as HTML (the first document ingest
// gives), or none when it cannot be read.
inline std::optional<Document> ReadGoldPage(
    const std::filesystem::path& html_dir, const std::string& id) {
  std::optional<Document> doc;
  IngestOptions ingest;
  ingest.kind = InputKind::kHtml;
  ReadInputs({(html_dir / (id + ".html.gz")).string()}, ingest,
             [&](Result<Document> d) {
               if (d.ok() && !doc) doc = std::move(d).value();
             });
  return doc;
}

}  // namespace dateline

#endif  // DATELINE_EVAL_GOLD_INPUT_H_
