// where_geo_eval: measures toponym resolution and recognition on a geo evaluation set
// in JSON Lines ({text, toponyms: [{start, end, phrase, lat, lon}]}, offsets in code
// points). Development tool; not part of the product.
//
//   where_geo_eval [GAZETTEER [DATASET]]
//
// (a) gold spans: every gold phrase is resolved with ResolveAll, the article's other
//     gold phrases as context: accuracy within 161 km, mean and median error.
// (b) end to end: FindPlaces on the text (tokenised by testing_tokenizer.h): toponym
//     recognition precision, recall and F1 (a prediction matches a gold span it
//     overlaps), and accuracy within 161 km of the matched pairs.
// Exit codes: 0 measured, 1 input missing or unreadable.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "where/testing_tokenizer.h"
#include "where/where.h"

namespace {

constexpr double kCorrectKm = 161;

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

struct Tally {
  size_t gold = 0, resolved = 0, correct = 0, correct_lenient = 0;
  std::vector<double> errors;  // resolved only
  size_t predicted = 0, pred_matched = 0, gold_matched = 0, pair_correct = 0;
  size_t predicted_nodemonym = 0, pred_matched_nodemonym = 0;
};

void Print(const std::string& label, Tally& t) {
  std::sort(t.errors.begin(), t.errors.end());
  double mean = 0;
  for (double e : t.errors) mean += e;
  mean = t.errors.empty() ? 0 : mean / static_cast<double>(t.errors.size());
  const double median = t.errors.empty() ? 0 : t.errors[t.errors.size() / 2];
  std::printf("%s (a) gold spans: %zu toponyms, %zu resolved, acc@161km %.1f%% (of all), "
              "mean error %.0f km, median %.1f km (resolved only); counting the right country as right: %.1f%%\n",
              label.c_str(), t.gold, t.resolved, 100.0 * static_cast<double>(t.correct) / static_cast<double>(std::max<size_t>(t.gold, 1)),
              mean, median, 100.0 * static_cast<double>(t.correct_lenient) / static_cast<double>(std::max<size_t>(t.gold, 1)));
  const double p = static_cast<double>(t.pred_matched) / static_cast<double>(std::max<size_t>(t.predicted, 1));
  const double r = static_cast<double>(t.gold_matched) / static_cast<double>(std::max<size_t>(t.gold, 1));
  const double pn = static_cast<double>(t.pred_matched_nodemonym) / static_cast<double>(std::max<size_t>(t.predicted_nodemonym, 1));
  std::printf("%s (b) end to end: %zu predicted, P %.1f%% R %.1f%% F1 %.1f%% (without demonyms: P %.1f%%); "
              "acc@161km of matched pairs %.1f%%\n",
              label.c_str(), t.predicted, 100 * p, 100 * r, 200 * p * r / std::max(p + r, 1e-9), 100 * pn,
              100.0 * static_cast<double>(t.pair_correct) / static_cast<double>(std::max<size_t>(t.pred_matched, 1)));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string gazetteer_path = argc > 1 ? argv[1] : DATELINE_TEST_GAZETTEER;
  const std::string dataset = argc > 2 ? argv[2] : std::string(DATELINE_SHARED_DIR) + "/eval/geo/dev.jsonl";
  const bool verbose = argc > 3;
  auto gazetteer = dateline::Gazetteer::Open(gazetteer_path);
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "where_geo_eval: %s\n", gazetteer.error().ToString().c_str());
    return 1;
  }
  std::ifstream in(dataset);
  if (!in) {
    std::fprintf(stderr, "where_geo_eval: cannot open %s\n", dataset.c_str());
    return 1;
  }
  dateline::PlaceResolver resolver(**gazetteer);
  std::map<std::string, Tally> tallies;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (doc.is_discarded()) continue;
    const std::string text = doc.value("text", "");
    const std::string corpus = doc.value("corpus", "all");
    std::vector<std::string> names;
    std::vector<std::pair<double, double>> coords;
    std::vector<std::pair<size_t, size_t>> spans;  // bytes
    // Code point -> byte offsets.
    std::vector<size_t> byte_of;
    for (size_t pos = 0; pos < text.size();) {
      byte_of.push_back(pos);
      dateline::DecodeUtf8(text, &pos);
    }
    byte_of.push_back(text.size());
    for (const auto& t : doc["toponyms"]) {
      names.push_back(t["phrase"].is_string() ? t["phrase"].get<std::string>() : std::string());
      coords.emplace_back(t.value("lat", 0.0), t.value("lon", 0.0));
      const size_t s = std::min<size_t>(t.value("start", 0), byte_of.size() - 1);
      const size_t e = std::min<size_t>(t.value("end", 0), byte_of.size() - 1);
      spans.emplace_back(byte_of[s], byte_of[e]);
    }
    for (Tally* t : {&tallies["all"], &tallies[corpus]}) {
      dateline::PlaceContext context;
      const auto resolved = resolver.ResolveAll(names, context);
      for (size_t i = 0; i < names.size(); ++i) {
        ++t->gold;
        if (!resolved[i]) {
          if (verbose && t == &tallies["all"]) std::printf("UNRESOLVED\t%s\n", names[i].c_str());
          continue;
        }
        ++t->resolved;
        const double d = DistanceKm(resolved[i]->lat, resolved[i]->lon, coords[i].first, coords[i].second);
        t->errors.push_back(d);
        const auto& gt = doc["toponyms"][i];
        const std::string gold_country = gt.contains("country") && gt["country"].is_string() ? gt["country"].get<std::string>() : "";
        const std::string fcode = gt.contains("fcode") && gt["fcode"].is_string() ? gt["fcode"].get<std::string>() : "";
        if (d <= kCorrectKm) {
          ++t->correct;
          ++t->correct_lenient;
        } else if (resolved[i]->precision == "country" && fcode.starts_with("PCL") &&
                   (*gazetteer)->Country(resolved[i]->country) &&
                   (*gazetteer)->Country(resolved[i]->country)->place.name == gold_country) {
          ++t->correct_lenient;
        } else if (verbose && t == &tallies["all"]) {
          std::printf("WRONG\t%s\t-> %s %s %s (%.2f,%.2f) %.0f km\n", names[i].c_str(), resolved[i]->name.c_str(),
                      resolved[i]->country.c_str(), resolved[i]->admin1.c_str(), resolved[i]->lat,
                      resolved[i]->lon, d);
        }
      }
      const dateline::AnalyzedText analysed = dateline::where_testing::Tokenize(text);
      const auto found = resolver.FindPlaces(analysed, context);
      std::vector<bool> gold_hit(names.size(), false);
      for (const dateline::PlaceMention& p : found) {
        if (p.from_dateline) continue;
        ++t->predicted;
        const std::string surface = text.substr(p.span.start, p.span.end - p.span.start);
        const auto entries = (*gazetteer)->LookupEntries(surface);
        const bool demonym = !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                                             [](const auto& e) { return e.demonym; });
        if (!demonym) ++t->predicted_nodemonym;
        int match = -1;
        for (size_t g = 0; g < spans.size(); ++g) {
          if (p.span.start < spans[g].second && spans[g].first < p.span.end) {
            match = static_cast<int>(g);
            break;
          }
        }
        if (match < 0) {
          if (verbose && t == &tallies["all"]) std::printf("FP\t%s\n", surface.c_str());
          continue;
        }
        ++t->pred_matched;
        if (!demonym) ++t->pred_matched_nodemonym;
        gold_hit[static_cast<size_t>(match)] = true;
        if (DistanceKm(p.lat, p.lon, coords[static_cast<size_t>(match)].first,
                       coords[static_cast<size_t>(match)].second) <= kCorrectKm) {
          ++t->pair_correct;
        }
      }
      for (size_t g = 0; g < names.size(); ++g) {
        if (gold_hit[g]) {
          ++t->gold_matched;
        } else if (verbose && t == &tallies["all"]) {
          std::printf("FN\t%s\n", names[g].c_str());
        }
      }
    }
  }
  for (auto& [label, t] : tallies) Print(label, t);
  return 0;
}
