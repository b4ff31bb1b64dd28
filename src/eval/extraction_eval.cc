// The extraction benchmark set: extraction/ground-truth.json maps a page id to
// its gold article body; the page is html/<id>.html.gz beside it. Per page, the
// 4-token shingle TP/FP/FN of the extracted body.
//
// Two aggregates are reported. The headline figures
// (extraction_precision/recall/f1) follow the benchmark's own scorer as
// shared/eval/README.md describes it: each page's TP, FP and FN are divided by
// their sum (so long pages weigh no more than short ones), the normalised
// counts are added up over pages, and precision = TP/(TP+FP), recall =
// TP/(TP+FN), F1 of those. The *_page_mean figures average per-page precision
// and recall instead and take the F1 of the averages; the two differ by a few
// thousandths.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "core/table_file.h"
#include "eval/gold_input.h"
#include "eval/gold_sets.h"
#include "eval/shingle_score.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace dateline {

Result<EvalReport> EvalExtractionSet(const std::string& ground_truth,
                                     const Pipeline& /*pipeline*/,
                                     const EvalOptions& options) {
  ASSIGN_OR_RETURN(auto text, ReadFile(ground_truth));
  nlohmann::json truth = nlohmann::json::parse(text, nullptr, false);
  if (truth.is_discarded() || !truth.is_object())
    return MakeError(
        ground_truth,
        "not a JSON object mapping page ids to {articleBody, url}");
  const std::filesystem::path html_dir =
      std::filesystem::path(ground_truth).parent_path() / "html";

  struct Page {
    std::string id, url;
    double p = 0, r = 0;
    double tp = 0, fp = 0, fn = 0;  // normalised by their sum
    double f1() const { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  };
  std::vector<Page> pages;
  long missing = 0;
  for (const auto& [id, gold] : truth.items()) {
    if (!gold.is_object())
      return MakeError(ground_truth, "entry \"" + id + "\" is not an object");
    std::optional<Document> doc = ReadGoldPage(html_dir, id);
    if (!doc) {
      ++missing;
      continue;
    }
    doc->url = gold.value("url", "");
    auto article = ExtractArticle(*doc);
    const ShingleCounts c = ScoreShingles(article.ok() ? article->body : "",
                                          gold.value("articleBody", ""));
    Page page{id, doc->url, c.Precision(), c.Recall()};
    if (const double sum = c.tp + c.fp + c.fn; sum > 0) {
      page.tp = c.tp / sum;
      page.fp = c.fp / sum;
      page.fn = c.fn / sum;
    }
    pages.push_back(std::move(page));
  }
  if (pages.empty())
    return MakeError(ground_truth, "no page of the set could be read from " +
                                       html_dir.string());

  auto f1_of = [](double p, double r) {
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  };
  double sum_p = 0, sum_r = 0, tp = 0, fp = 0, fn = 0;
  for (const Page& p : pages) {
    sum_p += p.p;
    sum_r += p.r;
    tp += p.tp;
    fp += p.fp;
    fn += p.fn;
  }
  const double n = static_cast<double>(pages.size());
  const double mean_p = sum_p / n, mean_r = sum_r / n,
               mean_f1 = f1_of(mean_p, mean_r);
  const double precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const double recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const double f1 = f1_of(precision, recall);

  EvalReport report;
  report.set = GoldKindName(GoldKind::kExtraction);
  report.source = ground_truth;
  report.figures = {{"extraction_precision", precision},
                    {"extraction_recall", recall},
                    {"extraction_f1", f1},
                    {"extraction_precision_page_mean", mean_p},
                    {"extraction_recall_page_mean", mean_r},
                    {"extraction_f1_page_mean", mean_f1}};
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.f1() < b.f1(); });
  std::ostringstream out;
  char line[512];
  std::snprintf(
      line, sizeof line,
      "pages %zu (%ld missing)\n  precision %.4f\n  recall    %.4f\n  f1       "
      " %.4f\n"
      "  (mean of per-page figures: precision %.4f, recall %.4f, f1 %.4f)\n",
      pages.size(), missing, precision, recall, f1, mean_p, mean_r, mean_f1);
  out << line << "worst pages\n";
  nlohmann::json worst = nlohmann::json::array();
  for (size_t i = 0; i < std::min(options.worst, pages.size()); ++i) {
    std::snprintf(line, sizeof line, "  P %.3f  R %.3f  %s  %s\n", pages[i].p,
                  pages[i].r, pages[i].id.substr(0, 16).c_str(),
                  pages[i].url.c_str());
    out << line;
    worst.push_back({{"id", pages[i].id},
                     {"url", pages[i].url},
                     {"precision", pages[i].p},
                     {"recall", pages[i].r}});
  }
  report.text = out.str();
  report.detail["pages"] = pages.size();
  report.detail["worst"] = std::move(worst);
  return report;
}

}  // namespace dateline
