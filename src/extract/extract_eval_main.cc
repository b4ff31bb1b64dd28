// extract_eval: scores HTML extraction on the shared benchmark set
// (shared/eval/extraction: html/<id>.html.gz and ground-truth.json) with the
// shingle metric of extraction_score.h and prints precision, recall, F1 and the worst
// pages. Usage: extract_eval [--shared DIR] [--worst N] [--show ID]
// --show prints the extracted and the gold body of one page, for looking at errors.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "extract/extraction_score.h"

int main(int argc, char** argv) {
  std::string shared = DATELINE_SHARED_DIR;
  if (const char* env = std::getenv("DATELINE_SHARED")) shared = env;
  size_t worst = 15;
  std::string show;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--shared")) shared = argv[i + 1];
    if (!std::strcmp(argv[i], "--worst")) worst = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--show")) show = argv[i + 1];
  }
  std::string dir = shared + "/eval/extraction";
  std::ifstream in(dir + "/ground-truth.json");
  if (!in) {
    std::fprintf(stderr, "extract_eval: %s/ground-truth.json not found; nothing to score\n", dir.c_str());
    return 0;
  }
  nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) {
    std::fprintf(stderr, "extract_eval: ground-truth.json is not a JSON object\n");
    return 1;
  }
  struct Row { std::string id, url; double p, r; };
  std::vector<Row> rows;
  double sum_p = 0, sum_r = 0, ntp = 0, nfp = 0, nfn = 0;
  for (auto& [id, v] : truth.items()) {
    if (!show.empty() && id.rfind(show, 0) != 0) continue;
    auto html = dateline::extract_internal::ReadGzipFile(dir + "/html/" + id + ".html.gz");
    if (!html) continue;
    dateline::Document doc;
    doc.id = id;
    doc.kind = dateline::InputKind::kHtml;
    doc.url = v.value("url", "");
    doc.content = std::move(*html);
    auto article = dateline::ExtractArticle(doc);
    std::string body = article ? article->body : "";
    std::string gold = v.value("articleBody", "");
    auto c = dateline::extract_internal::ScoreShingles(body, gold);
    if (!show.empty() && id.rfind(show, 0) == 0) {
      std::printf("=== title: %s\n=== EXTRACTED\n%s\n\n=== GOLD\n%s\n", article ? article->title.c_str() : "",
                  body.c_str(), gold.c_str());
    }
    rows.push_back({id, doc.url, c.Precision(), c.Recall()});
    sum_p += c.Precision();
    sum_r += c.Recall();
    double total = c.tp + c.fp + c.fn;
    if (total > 0) ntp += c.tp / total, nfp += c.fp / total, nfn += c.fn / total;
  }
  if (rows.empty()) return 0;
  double p = sum_p / rows.size(), r = sum_r / rows.size();
  double np = ntp / (ntp + nfp), nr = ntp / (ntp + nfn);
  std::printf("pages %zu  precision %.4f  recall %.4f  F1 %.4f\n", rows.size(), p, r, 2 * p * r / (p + r));
  std::printf("(normalised-count variant: precision %.4f  recall %.4f  F1 %.4f)\n", np, nr,
              2 * np * nr / (np + nr));
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    auto f = [](const Row& x) { return x.p + x.r == 0 ? 0 : 2 * x.p * x.r / (x.p + x.r); };
    return f(a) < f(b);
  });
  for (size_t i = 0; i < std::min(worst, rows.size()); ++i) {
    std::printf("  P %.2f R %.2f  %s  %s\n", rows[i].p, rows[i].r, rows[i].id.substr(0, 12).c_str(),
                rows[i].url.c_str());
  }
  return 0;
}
