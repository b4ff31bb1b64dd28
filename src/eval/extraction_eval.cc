// The extraction benchmark set: extraction/ground-truth.json maps a page id to its
// gold article body; the page is html/<id>.html.gz beside it. Per page, the 4-token
// shingle precision and recall of the extracted body; the set's figures average them
// over pages and take the F1 of the averages (the benchmark's own definition).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "core/table_file.h"
#include "eval/gold_sets.h"
#include "eval/shingle_score.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace dateline {

Result<EvalReport> EvalExtractionSet(const std::string& ground_truth, const Pipeline& /*pipeline*/,
                                     const EvalOptions& options) {
  auto text = ReadFile(ground_truth);
  if (!text.ok()) return text.error();
  nlohmann::json truth = nlohmann::json::parse(*text, nullptr, false);
  if (truth.is_discarded() || !truth.is_object())
    return MakeError(ground_truth, "not a JSON object mapping page ids to {articleBody, url}");
  const std::filesystem::path html_dir = std::filesystem::path(ground_truth).parent_path() / "html";

  struct Page {
    std::string id, url;
    double p = 0, r = 0;
    double f1() const { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  };
  std::vector<Page> pages;
  long missing = 0;
  for (const auto& [id, gold] : truth.items()) {
    if (!gold.is_object()) return MakeError(ground_truth, "entry \"" + id + "\" is not an object");
    std::optional<Document> doc;
    IngestOptions ingest;
    ingest.kind = InputKind::kHtml;
    ReadInputs({(html_dir / (id + ".html.gz")).string()}, ingest, [&](Result<Document> d) {
      if (d.ok()) doc = std::move(d).value();
    });
    if (!doc) {
      ++missing;
      continue;
    }
    doc->url = gold.value("url", "");
    auto article = ExtractArticle(*doc);
    const ShingleCounts c = ScoreShingles(article.ok() ? article->body : "", gold.value("articleBody", ""));
    pages.push_back({id, doc->url, c.Precision(), c.Recall()});
  }
  if (pages.empty()) return MakeError(ground_truth, "no page of the set could be read from " + html_dir.string());

  double sum_p = 0, sum_r = 0;
  for (const Page& p : pages) {
    sum_p += p.p;
    sum_r += p.r;
  }
  const double n = static_cast<double>(pages.size());
  const double precision = sum_p / n, recall = sum_r / n;
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

  EvalReport report;
  report.set = GoldKindName(GoldKind::kExtraction);
  report.source = ground_truth;
  report.figures = {{"extraction_precision", precision}, {"extraction_recall", recall}, {"extraction_f1", f1}};
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.f1() < b.f1(); });
  std::ostringstream out;
  char line[512];
  std::snprintf(line, sizeof line, "pages %zu (%ld missing)\n  precision %.4f\n  recall    %.4f\n  f1        %.4f\n",
                pages.size(), missing, precision, recall, f1);
  out << line << "worst pages\n";
  nlohmann::json worst = nlohmann::json::array();
  for (size_t i = 0; i < std::min(options.worst, pages.size()); ++i) {
    std::snprintf(line, sizeof line, "  P %.3f  R %.3f  %s  %s\n", pages[i].p, pages[i].r,
                  pages[i].id.substr(0, 16).c_str(), pages[i].url.c_str());
    out << line;
    worst.push_back({{"id", pages[i].id}, {"url", pages[i].url}, {"precision", pages[i].p}, {"recall", pages[i].r}});
  }
  report.text = out.str();
  report.detail["pages"] = pages.size();
  report.detail["worst"] = std::move(worst);
  return report;
}

}  // namespace dateline
