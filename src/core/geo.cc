#include "core/geo.h"

#include <algorithm>
#include <cmath>

namespace dateline {

namespace {
constexpr double kRad = 3.14159265358979323846 / 180;
}  // namespace

double CosLatitude(double lat) { return std::cos(lat * kRad); }

double DistanceKm(double lat1, double lon1, double cos_lat1, double lat2,
                  double lon2, double cos_lat2) {
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      cos_lat1 * cos_lat2 * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  return DistanceKm(lat1, lon1, CosLatitude(lat1), lat2, lon2,
                    CosLatitude(lat2));
}

}  // namespace dateline
