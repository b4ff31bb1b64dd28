// Great-circle distance between two points on the Earth, shared by the
// gazetteer builder, the resolver and the scorers. Stateless; thread-safe.
#ifndef DATELINE_CORE_GEO_H_
#define DATELINE_CORE_GEO_H_

namespace dateline {

// Haversine distance in km between (lat1, lon1) and (lat2, lon2), decimal
// degrees, on a sphere of the Earth's mean radius (6371 km).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// The cosine of a latitude in decimal degrees, as DistanceKm computes it.
double CosLatitude(double lat);
// DistanceKm with each point's CosLatitude given, for callers that measure one
// point against many: the same result to the bit, two cosines fewer.
double DistanceKm(double lat1, double lon1, double cos_lat1, double lat2,
                  double lon2, double cos_lat2);

}  // namespace dateline

#endif  // DATELINE_CORE_GEO_H_
