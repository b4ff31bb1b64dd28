#include <algorithm>
#include <set>
#include <tuple>

#include "where/where.h"

namespace dateline {

void PublicationHome::Add(const std::vector<PlaceMention>& places) {
  increment_ /= kDecay;
  if (increment_ > 1e100) {
    // Rescale before the weights overflow; shares and thresholds are unchanged.
    for (Tally& t : regions_) t.weight /= increment_;
    total_ /= increment_;
    increment_ = 1;
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const PlaceMention& p : places) {
    if (p.from_dateline || p.precision == PlacePrecision::kCountry ||
        p.admin1.empty())
      continue;
    if (!seen.emplace(p.name, p.country, p.admin1).second) continue;
    total_ += increment_;
    auto it =
        std::find_if(regions_.begin(), regions_.end(), [&](const Tally& t) {
          return t.region.country == p.country && t.region.admin1 == p.admin1;
        });
    if (it != regions_.end()) {
      it->weight += increment_;
      continue;
    }
    if (regions_.size() == kMaxRegions) {
      // The lightest region makes room: it is the least likely to become home.
      it = std::min_element(
          regions_.begin(), regions_.end(),
          [](const Tally& a, const Tally& b) { return a.weight < b.weight; });
      *it = Tally{HomeRegion{p.country, p.admin1}, increment_};
    } else {
      regions_.push_back(Tally{HomeRegion{p.country, p.admin1}, increment_});
    }
  }
  home_.reset();
  if (regions_.empty() || total_ < kMinWeight * increment_) return;
  const auto top = std::max_element(
      regions_.begin(), regions_.end(),
      [](const Tally& a, const Tally& b) { return a.weight < b.weight; });
  if (top->weight >= kMinShare * total_) home_ = top->region;
}

}  // namespace dateline
